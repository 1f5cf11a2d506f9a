package dev.ringos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every example in examples/ assembles and runs on the bare machine with its documented output and status. */
class ExamplesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"hello, 0", "fibonacci, 0", "sieve, 25", "bubble-sort, 0"})
    void theExampleRunsWithItsDocumentedOutput(String example, int status) throws Exception {
        Path examples = Path.of("../../examples").toAbsolutePath().normalize();

        CliProcess.Result result = CliProcess.run(examples, List.of("run", "--bare", example + ".s"));

        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).isEqualTo(Files.readString(examples.resolve(example + ".expected")));
        assertThat(result.status()).isEqualTo(status);
    }
}
