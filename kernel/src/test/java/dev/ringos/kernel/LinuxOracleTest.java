package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Linux is the oracle: every program of src/test/resources/linux-oracle ran on Linux (built with
 * nasm and ld) and what it printed and how it ended is recorded there. Here the same sources,
 * assembled by ringos, run under the ringos kernel and must do exactly the same. When nasm and ld
 * are installed, the recordings are checked against Linux again.
 */
class LinuxOracleTest {
    static final Path CORPUS = Path.of("src/test/resources/linux-oracle");

    @TestFactory
    Stream<DynamicTest> everyProgramBehavesAsOnLinux() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(CORPUS)) {
            sources = files.filter(p -> p.toString().endsWith(".asm")).sorted().toList();
        }
        assertThat(sources).hasSizeGreaterThanOrEqualTo(30);
        GuestRun image = new GuestRun();
        for (Path source : sources) {
            image.file("/" + name(source), 0755, GuestRun.assembleFile(source, CORPUS));
        }
        image.file("/not_an_elf", 0755, "this is not an ELF file\n".getBytes(StandardCharsets.US_ASCII));
        return sources.stream().map(source -> DynamicTest.dynamicTest(name(source), () -> {
            String name = name(source);
            GuestRun.Result result = image.run("./" + name);
            String status = Files.readString(CORPUS.resolve("expected/" + name + ".status")).trim();
            String out = Files.readString(CORPUS.resolve("expected/" + name + ".out"), StandardCharsets.ISO_8859_1);
            assertThat(result.out()).as("stdout of " + name).isEqualTo(out);
            assertThat(result.status()).as(name + " ended with " + status).isEqualTo(shellStatus(status));
        }));
    }

    /** "exit 5" → 5, "signal 11" → 139: what run-mode init reports. */
    static int shellStatus(String recorded) {
        String[] parts = recorded.split(" ");
        int n = Integer.parseInt(parts[1]);
        return parts[0].equals("signal") ? 128 + n : n;
    }

    private static String name(Path source) {
        String file = source.getFileName().toString();
        return file.substring(0, file.length() - ".asm".length());
    }

    @Test
    void recordingsStillMatchLinuxWhenNasmAndLdAreHere() throws Exception {
        Assumptions.assumeTrue(onPath("nasm") && onPath("ld"), "nasm and ld are not installed");
        Process check = new ProcessBuilder("bash", CORPUS.resolve("record.sh").toString(), "--check")
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
