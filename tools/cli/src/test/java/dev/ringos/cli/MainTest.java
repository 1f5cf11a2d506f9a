package dev.ringos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class MainTest {

    /** Output of one in-process run. */
    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.newCommandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exitCode = cmd.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void versionPrintsProjectVersionAndJavaRuntime() {
        Run r = run("--version");

        assertThat(r.exitCode()).isZero();
        String[] lines = r.out().split("\\R");
        assertThat(lines[0]).matches("ringos \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(lines[1]).startsWith("Java " + Runtime.version().feature());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void helpListsUsage() {
        Run r = run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .startsWith("Usage: ringos")
                .contains("--help", "--version");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void helpNamesTheShellAndItsOptions() {
        Run r = run("--help");

        assertThat(r.out()).contains("shell", "-c=LINE", "--mount", "ringos -c 'echo hello'");
    }

    @Test
    void unknownOptionIsOneLineErrorPlusHintAndExitCode2() {
        Run r = run("--bogus");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().split("\\R"))
                .containsExactly(
                        "ringos: Unknown option: '--bogus'",
                        "Try 'ringos --help' for more information.");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void unexpectedParameterIsAlsoExitCode2() {
        Run r = run("bogus");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().split("\\R")).hasSize(2);
        assertThat(r.err()).contains("'bogus'").endsWith("Try 'ringos --help' for more information." + System.lineSeparator());
    }
}
