package dev.ringos.userland;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The first program of docs/userland-lib.md does what the page says it does. */
class DocExampleTest {
    private static String firstProgram() throws IOException {
        String page = Files.readString(Path.of("../docs/userland-lib.md"));
        int start = page.indexOf("```nasm\n") + "```nasm\n".length();
        return page.substring(start, page.indexOf("```", start));
    }

    @Test
    void theFirstProgramGreetsAndExitsZero() throws IOException {
        GuestHarness.Result r = GuestHarness.source(firstProgram()).run("world");
        assertThat(r.out()).isEqualTo("hello, world, from process 2\n");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
    }

    @Test
    void withoutAnArgumentItPrintsItsUsageAndExitsTwo() throws IOException {
        GuestHarness.Result r = GuestHarness.source(firstProgram()).run();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("usage: /bin/prog NAME\n");
        assertThat(r.status()).isEqualTo(2);
    }
}
