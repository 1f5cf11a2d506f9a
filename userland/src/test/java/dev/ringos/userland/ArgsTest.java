package dev.ringos.userland;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** getopt and help_requested (args.inc): getopt_test scans its arguments with "ab:c" twice. */
class ArgsTest {
    private static GuestHarness.Result scan(String... args) {
        return GuestHarness.program("getopt_test").run(args);
    }

    /** The answers of one scan; the program prints them twice, the second time after "again:". */
    private static String twice(String help, String answers) {
        return "help requested: " + help + "\n" + answers + "again:\n" + answers;
    }

    @Test
    void optionsArgumentsAndOperandsAreTakenApart() {
        GuestHarness.Result r = scan("-a", "-b", "x", "-c", "file");
        assertThat(r.out()).isEqualTo(twice("0", """
                option a
                option b with [x]
                option c
                operand [file]
                """));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void groupedOptionsAndAJoinedArgument() {
        assertThat(scan("-acbval", "--", "-a").out()).isEqualTo(twice("0", """
                option a
                option c
                option b with [val]
                operand [-a]
                """));
        assertThat(scan("-c", "-bx", "y").out()).isEqualTo(twice("0", """
                option c
                option b with [x]
                operand [y]
                """));
    }

    @Test
    void theFirstOperandOrALoneDashEndsTheOptions() {
        assertThat(scan("file", "-a").out()).isEqualTo(twice("0", """
                operand [file]
                operand [-a]
                """));
        assertThat(scan("-", "-a").out()).isEqualTo(twice("0", """
                operand [-]
                operand [-a]
                """));
        assertThat(scan("--", "--help").out()).isEqualTo(twice("0", """
                operand [--help]
                """));
    }

    @Test
    void anUnknownOptionIsReportedOnStderr() {
        GuestHarness.Result r = scan("-x", "-a");
        assertThat(r.out()).isEqualTo(twice("0", """
                answer ? for option x
                option a
                """));
        assertThat(r.err()).isEqualTo("/bin/prog: invalid option -- 'x'\n".repeat(2));
    }

    @Test
    void aMissingArgumentIsReportedOnStderr() {
        GuestHarness.Result r = scan("-ab");
        assertThat(r.out()).isEqualTo(twice("0", """
                option a
                answer ? for option b
                """));
        assertThat(r.err()).isEqualTo("/bin/prog: option requires an argument -- 'b'\n".repeat(2));
    }

    @Test
    void aLeadingColonMakesGetoptQuietAndTellsTheTwoErrorsApart() {
        GuestHarness.Result r = scan("quiet", "-x", "-b");
        assertThat(r.out()).isEqualTo(twice("0", """
                answer ? for option x
                answer : for option b
                """));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void helpRequestedFindsHelpBeforeTheEndOfTheOptions() {
        assertThat(scan("-a", "--help").out()).startsWith("help requested: 1\n");
        assertThat(scan("x", "--help").out()).startsWith("help requested: 1\n");
        assertThat(scan("--", "--help").out()).startsWith("help requested: 0\n");
        assertThat(scan("--helpful").out()).startsWith("help requested: 0\n");
    }
}
