package dev.ringos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ringos.asm.elf.ElfWriter;
import dev.ringos.asm.elf.Executable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ringos} and {@code ringos shell}: the system boots from the root image and runs /bin/sh —
 * here the userland's stand-in shell (userland/src/test/asm/standin-sh.s), mounted from the host
 * over /bin — on the host's streams, with {@code -c}, and on a terminal. Most runs are in this JVM;
 * a few are separate processes, as a user runs ringos.
 */
class ShellTest {
    private static final Path STANDIN = Path.of("../../userland/src/test/asm/standin-sh.s");

    @TempDir
    static Path scratch;
    private static Path bin;

    @BeforeAll
    static void standInShell() throws Exception {
        bin = Files.createDirectories(scratch.resolve("bin"));
        Executable sh = Programs.assemble(STANDIN, List.of(), new PrintWriter(new StringWriter()));
        Path file = Files.write(bin.resolve("sh"), ElfWriter.write(sh));
        assertThat(file.toFile().setExecutable(true)).isTrue();
    }

    private static String mount() {
        return bin + ":/bin";
    }

    /** What an in-process run on the host's streams printed and how it ended. */
    private record Run(int status, String out, String err, String messages) {
    }

    /** {@code ringos ARGS} on streams, in this JVM: stdin is {@code input}. */
    private static Run streams(String input, String... args) throws Exception {
        SystemOptions options = new SystemOptions();
        new CommandLine(options).parseArgs(args);
        return streams(input, options);
    }

    private static Run streams(String input, SystemOptions options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter messages = new StringWriter();
        int status = SystemRun.streams(options, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                out, err, new PrintWriter(messages, true));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                messages.toString());
    }

    @Test
    void aPipeIntoRingosIsTheShellsInputAndItsStreamsStaySeparate() throws Exception {
        CliProcess.Result r = CliProcess.shell(scratch,
                "printf 'echo hi\\nerr oops\\nexit 3\\necho never\\n' | ./ringos --mount " + mount());
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("hi\n");
        assertThat(r.stderr()).isEqualTo("oops\n");
    }

    @Test
    void theEndOfStdinEndsTheShellWithItsLastStatus() throws Exception {
        Run r = streams("echo a\nnosuch\n", "--mount", mount());
        assertThat(r.status()).isEqualTo(127);
        assertThat(r.out()).isEqualTo("a\n");
        assertThat(r.err()).isEqualTo("sh: nosuch: not found\n");
    }

    @Test
    void dashCRunsOneCommandLineAndExitsWithItsStatus() throws Exception {
        CliProcess.Result r = CliProcess.run(scratch, List.of("--mount", mount(), "-c", "echo hello world"));
        assertThat(r.status()).isZero();
        assertThat(r.stdout()).isEqualTo("hello world\n");
        assertThat(streams("", "--mount", mount(), "-c", "exit 42").status()).isEqualTo(42);
    }

    @Test
    void theShellSubcommandTakesTheSameOptions() throws Exception {
        CommandLine.ParseResult parsed = Main.newCommandLine().parseArgs("shell", "--mount", mount(), "-c", "args");
        ShellCommand shell = parsed.subcommand().commandSpec().commandLine().getCommand();
        Run r = streams("", shell.options);
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("sh\n-c\nargs\n");
    }

    @Test
    void aShellKilledBySignalNExitsWith128PlusN() throws Exception {
        assertThat(streams("", "--mount", mount(), "-c", "kill 9").status()).isEqualTo(137);
    }

    @Test
    void theGuestSeesNothingOfTheHostsEnvironmentWithoutATerminal() throws Exception {
        assertThat(streams("", "--mount", mount(), "-c", "env").out())
                .isEqualTo("PATH=/bin:/sbin\nHOME=/root\nUSER=root\nSHELL=/bin/sh\n");
    }

    @Test
    void withoutAShellInitSaysSoAndTheStatusIs127() throws Exception {
        Path empty = Files.createDirectories(scratch.resolve("empty"));
        Run r = streams("", "--mount", empty + ":/bin", "-c", "true");
        assertThat(r.status()).isEqualTo(127);
        assertThat(r.err()).isEqualTo("init: cannot execute /bin/sh\n");
    }

    @Test
    void aMountThatCannotBeMadeIsOneLineAndStatusOne() throws Exception {
        Run r = streams("", "--mount", scratch.resolve("nowhere") + ":/data");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.messages()).startsWith("ringos: cannot mount ").endsWith(": no such directory\n");
    }

    // ---- on a terminal: script(1) gives ringos a pseudo-terminal ----

    /**
     * Runs {@code ringos --mount …} on a pseudo-terminal of 24 by 80 made by script(1), typing
     * {@code keys}; HOME is the scratch directory. Keys typed before ringos has put the terminal in
     * raw mode meet the pseudo-terminal's own line discipline first (it echoes them, and a ^C there
     * would be the host's SIGINT); with {@code atPrompt} they wait until the guest's first prompt.
     */
    private static CliProcess.Result onATerminal(String keys, boolean atPrompt) throws Exception {
        return onATerminal(List.of(keys), atPrompt, "", "");
    }

    private static int sessions;

    /**
     * As above, typing each of {@code chunks} half a second after the one before (as a person
     * types: a program sees them one at a time), with {@code before} run in the terminal's shell
     * first (it may wait for the prompt too: {@code PROMPT} in it is a command that does) and
     * {@code options} for ringos.
     */
    private static CliProcess.Result onATerminal(List<String> chunks, boolean atPrompt, String before, String options)
            throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) from util-linux makes the terminal");
        Path typescript = scratch.resolve("typescript" + ++sessions);
        Path waiter = Files.writeString(scratch.resolve("wait-for-prompt"),
                "for i in $(seq 300); do grep -qF '$ ' \"$1\" 2>/dev/null && break; sleep 0.1; done\n");
        String waitForPrompt = "sh " + waiter + " " + typescript;
        StringBuilder feed = new StringBuilder("(").append(atPrompt ? waitForPrompt : "true");
        for (int i = 0; i < chunks.size(); i++) {
            Path keyFile = Files.writeString(scratch.resolve("keys" + i), chunks.get(i));
            feed.append(i == 0 && !atPrompt ? "; cat '" : "; sleep 0.5; cat '").append(keyFile).append('\'');
        }
        feed.append(')');
        return CliProcess.shell(scratch, feed + " | TERM=xterm HOME='" + scratch + "' script -qfec \"stty rows 24 cols 80;"
                + before.replace("PROMPT", waitForPrompt) + " ./ringos " + options
                + " --mount " + mount() + "\" '" + typescript + "'");
    }

    @Test
    void onATerminalTheShellIsInteractiveInItsOwnSessionAndTheWindowSizeIsTheTerminals() throws Exception {
        CliProcess.Result r = onATerminal("args\rsession\rwinsize\rexit 4\r", false);
        assertThat(r.status()).isEqualTo(4);
        assertThat(r.stdout()).contains("$ ", "-sh\r\n-i\r\n", "leader tty\r\n", "24 80\r\n");
    }

    @Test
    void ctrlCAtThePromptReachesTheGuestAsSigintAndLinesGoToTheHistory() throws Exception {
        Path history = scratch.resolve(".ringos_history");
        Files.deleteIfExists(history);
        CliProcess.Result r = onATerminal("echo one\rtyped\u0003\u001bOA\rexit 5\r", true);
        assertThat(r.status()).isEqualTo(5);
        assertThat(r.stdout()).contains("$ typed^C", "init: /bin/sh was killed by signal 2; starting it again",
                "one\r\n$ ");
        assertThat(r.stdout().split("echo one\r\n", -1)).as("up-arrow brought 'echo one' back").hasSize(3);
        assertThat(Files.readAllLines(history)).extracting(l -> l.substring(l.indexOf(':') + 1))
                .as("a line the same as the one before is kept once").containsExactly("echo one", "exit 5");
    }

    @Test
    void aChangeOfTheHostsWindowSizeReachesTheGuest() throws Exception {
        CliProcess.Result r = onATerminal(List.of("winsize\rexit 0\r"), true,
                " (PROMPT; stty rows 30 cols 100 < /dev/tty) &", "");
        assertThat(r.status()).isZero();
        assertThat(r.stdout()).contains("30 100\r\n");
    }

    @Test
    void withNoEditEveryKeyGoesToTheGuestWhichEchoesItself() throws Exception {
        CliProcess.Result r = onATerminal(List.of("echo hi\r", "exit 6\r"), true, "", "--no-edit");
        assertThat(r.status()).isEqualTo(6);
        assertThat(r.stdout()).contains("$ echo hi\r\nhi\r\n$ exit 6\r\n").doesNotContain("\u001b[?2004h");
    }

    @Test
    void aProgramInRawModeGetsEveryKeyAsTyped() throws Exception {
        CliProcess.Result r = onATerminal(List.of("raw\r", "q", "exit 0\r"), true, "", "");
        assertThat(r.status()).isZero();
        assertThat(r.stdout()).contains("key 113\r\n");
    }

    @Test
    void tabCompletesGuestCommandsAndFileNames() throws Exception {
        CliProcess.Result r = onATerminal("echo /pr\t\rexit 0\r", false);
        assertThat(r.stdout()).contains("/proc/\r\n");
    }
}
