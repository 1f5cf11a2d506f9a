package dev.ringos.asm.elf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.Assembler;
import dev.ringos.asm.Diagnostics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every executable the project's own programs produce — examples/*.s and the tutorial's
 * listings — is read by binutils' readelf without a warning. Skipped where readelf is missing.
 */
class ReadelfExamplesTest {
    private static final Path REPOSITORY = Path.of("../..");

    @TempDir
    Path directory;

    static Stream<Path> programs() throws Exception {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> examples = Files.list(REPOSITORY.resolve("examples"))) {
            examples.filter(p -> p.toString().endsWith(".s")).sorted().forEach(sources::add);
        }
        Path listings = Files.createTempDirectory("tutorial");
        Matcher block = Pattern.compile("```nasm\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(REPOSITORY.resolve("docs/tutorial.md")));
        for (int n = 1; block.find(); n++) {
            Path listing = listings.resolve("tutorial-" + n + ".s");
            Files.writeString(listing, block.group(1));
            sources.add(listing);
        }
        return sources.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void readelfReadsTheExecutableWithoutWarnings(Path source) throws Exception {
        Assumptions.assumeTrue(ReadelfOracleTest.readelfIsOnThePath(), "readelf is not on the PATH");
        Diagnostics diagnostics = new Diagnostics();
        Executable program = Assembler.assembleFile(source, List.of(), diagnostics);
        Assumptions.assumeTrue(program != null, "a listing meant to fail: " + source.getFileName());
        Path file = directory.resolve("program");
        Files.write(file, ElfWriter.write(program));

        ReadelfOracleTest.Run run = ReadelfOracleTest.readelf(file);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).doesNotContainIgnoringCase("warning").contains("<unknown>: 0x4952");
    }
}
