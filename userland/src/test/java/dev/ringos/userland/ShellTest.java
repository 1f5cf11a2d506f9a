package dev.ringos.userland;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.kernel.Kernel;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.vfs.CpioEntry;
import dev.ringos.kernel.servers.vfs.HostConsole;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * /bin/sh, booted as init starts it, with the test programs of src/test/asm/shtool.s in /bin
 * (tcat, targs, tkill, tenv) and the files a test adds. Each test compares what the shell wrote
 * and its status exactly.
 */
class ShellTest {
    private static final long LIMIT = 500_000_000L;

    /** What a run gave: the machine's status (the shell's), stdout and stderr. */
    record Result(int status, String out, String err) {
    }

    private final List<CpioEntry> files = new ArrayList<>();

    private ShellTest file(String path, int mode, String contents) {
        files.add(new CpioEntry(path, CpioEntry.S_IFREG | mode, contents.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    private ShellTest directory(String path) {
        files.add(new CpioEntry(path, CpioEntry.S_IFDIR | 0755, new byte[0]));
        return this;
    }

    /** Runs {@code sh -c line}. */
    private Result c(String line) {
        return boot("", "-c", line);
    }

    /** Runs sh with {@code input} on stdin and {@code args} after init. */
    private Result boot(String input, String... args) {
        List<CpioEntry> image = RootImage.entries();
        byte[] tool = GuestHarness.assemble(GuestHarness.PROGRAMS.resolve("shtool.s"));
        for (String name : List.of("tcat", "targs", "tkill", "tenv")) {
            image.add(new CpioEntry("/bin/" + name, CpioEntry.S_IFREG | 0755, tool));
        }
        image.addAll(files);
        byte[] in = input.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        HostConsole console = new HostConsole() {
            private int position;

            @Override
            public void write(int stream, byte[] data, int offset, int length) {
                (stream == 1 ? out : err).write(data, offset, length);
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                int n = Math.min(length, in.length - position);
                System.arraycopy(in, position, into, offset, n);
                position += n;
                return n;
            }
        };
        Kernel kernel = new Kernel(KernelConfig.defaults(), image, console, line -> { });
        assertThat(kernel.boot(List.of(args), Map.of(), false)).isZero();
        long end = kernel.core().cycles() + LIMIT;
        RunResult result = RunResult.BUDGET;
        while (result == RunResult.BUDGET && kernel.core().cycles() < end) {
            result = kernel.run(end - kernel.core().cycles());
        }
        assertThat(result).as("the machine stopped").isEqualTo(RunResult.SHUTDOWN);
        return new Result(kernel.core().shutdownStatus(), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    // Reading commands

    @Test
    void runsTheCommandLineGivenWithC() {
        assertThat(c("echo one; echo two")).isEqualTo(new Result(0, "one\ntwo\n", ""));
    }

    @Test
    void readsCommandsFromStdinUntilItsEndAndExitsWithTheLastStatus() {
        assertThat(boot("echo one\n\n# a comment\necho two # and another\nfalse\n"))
                .isEqualTo(new Result(1, "one\ntwo\n", ""));
    }

    @Test
    void aCommandReadFromStdinLeavesTheRestOfTheInputToTheCommandsItRuns() {
        assertThat(boot("tcat\nline for tcat\n")).isEqualTo(new Result(0, "line for tcat\n", ""));
    }

    @Test
    void runsAScriptFileWithItsArguments() {
        directory("/data").file("/data/script", 0644, "echo $0 $# $1 $2\nexit 4\necho never\n");
        assertThat(c("sh /data/script a 'b c'")).isEqualTo(new Result(4, "/data/script 2 a b c\n", ""));
    }

    @Test
    void anInteractiveShellPromptsOnStderrWithTheCurrentDirectory() {
        assertThat(boot("cd /tmp\necho 'a\nb'\n", "-i")).isEqualTo(new Result(0, "a\nb\n", "/# /tmp# > /tmp# "));
    }

    @Test
    void aQuoteLeftOpenContinuesOnTheNextLine() {
        assertThat(boot("echo 'a\nb' \\\nc &&\necho d\n")).isEqualTo(new Result(0, "a\nb c\nd\n", ""));
    }

    @Test
    void aSyntaxErrorIsReportedWithStatus2() {
        assertThat(c("echo a; ; echo b"))
                .isEqualTo(new Result(2, "", "sh: syntax error near unexpected token `;'\n"));
        assertThat(c("echo 'open")).isEqualTo(new Result(2, "", "sh: syntax error: unexpected end of file\n"));
        assertThat(c("echo >")).isEqualTo(new Result(2, "", "sh: syntax error near unexpected token `newline'\n"));
    }

    // Words and quoting

    @Test
    void quotingKeepsBlanksAndSpecialCharactersInOneWord() {
        assertThat(c("targs 'a  b' \"c  d\" e\\ f '$HOME' \"$HOME\" \\$HOME \"a\\\"b\" 'x'\"y\"z \"\" ''"))
                .isEqualTo(new Result(0, "[a  b]\n[c  d]\n[e f]\n[$HOME]\n[/root]\n[$HOME]\n[a\"b]\n[xyz]\n[]\n[]\n", ""));
    }

    @Test
    void operatorsNeedNoBlanksAndCommentsStartOnlyAWord() {
        assertThat(c("echo a#b;echo c # d")).isEqualTo(new Result(0, "a#b\nc\n", ""));
    }

    // Variables

    @Test
    void assignmentsAndParameterExpansion() {
        assertThat(c("x=1 y='two words'; echo $x ${x}0 \"$y\"; targs $y $unset \"$unset\""))
                .isEqualTo(new Result(0, "1 10 two words\n[two]\n[words]\n[]\n", ""));
    }

    @Test
    void specialParameters() {
        assertThat(boot("", "-c", "echo $0 $# $1 $2 $3; false; echo $?; echo $?", "name", "a", "b"))
                .isEqualTo(new Result(0, "name 2 a b\n1\n0\n", ""));
    }

    @Test
    void dollarDollarIsTheShellsPidAndDollarBangTheLastBackgroundCommand() {
        Result r = c("echo $$; tenv X & echo $!; wait; echo $?");
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(Integer.parseInt(lines[0])).isPositive();
        assertThat(Integer.parseInt(lines[1])).isGreaterThan(Integer.parseInt(lines[0]));
        assertThat(r.status()).isZero();
    }

    @Test
    void onlyExportedVariablesReachChildrenAndPrefixAssignmentsOnlyTheirCommand() {
        assertThat(c("a=1; tenv a; export a; tenv a; b=2 tenv b; tenv b; export c=3; tenv c; tenv HOME; "
                + "unset a; tenv a"))
                .isEqualTo(new Result(1, "a unset\n1\n2\nb unset\n3\n/root\na unset\n", ""));
    }

    // Command search

    @Test
    void aCommandIsFoundInTheFirstPathEntryThatHasIt() {
        directory("/p1").directory("/p2").directory("/p3");
        file("/p2/hello", 0755, "#!/bin/sh\necho second\n");
        file("/p3/hello", 0755, "#!/bin/sh\necho third\n");
        assertThat(c("PATH=/p1:/p2:/p3; hello; command -v hello; type hello"))
                .isEqualTo(new Result(0, "second\n/p2/hello\nhello is /p2/hello\n", ""));
    }

    @Test
    void anEmptyPathEntryIsTheCurrentDirectory() {
        directory("/p1").directory("/work");
        file("/work/here", 0755, "#!/bin/sh\necho here\n");
        assertThat(c("cd /work; PATH=/p1::/bin; here; PATH=/p1:; here; PATH=:/p1; here; PATH=/p1; here"))
                .isEqualTo(new Result(127, "here\nhere\nhere\n", "sh: here: not found\n"));
    }

    @Test
    void aCommandNotFoundIsStatus127() {
        assertThat(c("nothere; echo $?; /no/such; echo $?"))
                .isEqualTo(new Result(0, "127\n127\n", "sh: nothere: not found\nsh: /no/such: not found\n"));
    }

    @Test
    void aFileThatIsNotExecutableIsStatus126() {
        directory("/p1");
        file("/p1/plain", 0644, "echo never\n");
        assertThat(c("PATH=/p1; plain; echo $?; /p1/plain; echo $?"))
                .isEqualTo(new Result(0, "126\n126\n",
                        "sh: plain: Permission denied\nsh: /p1/plain: Permission denied\n"));
    }

    @Test
    void aNameWithASlashIsRunAsItStandsWithoutSearchingPath() {
        directory("/work");
        file("/work/prog", 0755, "#!/bin/sh\necho prog $1\n");
        assertThat(c("cd /work; ./prog a; /work/prog b; PATH=/work; prog c; cd /; work/prog d"))
                .isEqualTo(new Result(0, "prog a\nprog b\nprog c\nprog d\n", ""));
    }

    @Test
    void builtinsComeBeforePath() {
        directory("/p1");
        file("/p1/pwd", 0755, "#!/bin/sh\necho not the builtin\n");
        assertThat(c("cd /tmp; PATH=/p1; pwd; type pwd; command -v pwd echo nothere; echo $?"))
                .isEqualTo(new Result(0, "/tmp\npwd is a shell builtin\npwd\necho\n1\n", ""));
    }

    @Test
    void theStatusOfACommandKilledByASignalIs128PlusTheSignal() {
        assertThat(c("tkill 9; echo $?; tkill 15")).isEqualTo(new Result(143, "137\n", ""));
    }

    // Builtins

    @Test
    void cdGoesHomeAndBackAndPwdSaysWhere() {
        assertThat(c("cd /tmp; pwd; cd; pwd; cd -; pwd; echo $PWD $OLDPWD; cd /nowhere; echo $?"))
                .isEqualTo(new Result(0, "/tmp\n/root\n/tmp\n/tmp\n/tmp /root\n1\n",
                        "sh: cd: /nowhere: No such file or directory\n"));
    }

    @Test
    void exitEndsTheShellWithItsArgumentOrTheLastStatus() {
        assertThat(c("exit 7; echo never")).isEqualTo(new Result(7, "", ""));
        assertThat(c("false; exit")).isEqualTo(new Result(1, "", ""));
    }

    @Test
    void execReplacesTheShell() {
        assertThat(c("exec targs a b; echo never")).isEqualTo(new Result(0, "[a]\n[b]\n", ""));
    }

    @Test
    void execWithoutACommandKeepsItsRedirections() {
        assertThat(c("exec >/tmp/out; echo into the file; exec >/dev/null 2>&1; tcat </tmp/out >&2"))
                .isEqualTo(new Result(0, "", ""));
        assertThat(c("exec 3>/tmp/out; echo via 3 >&3; tcat </tmp/out"))
                .isEqualTo(new Result(0, "via 3\n", ""));
    }

    // Lists

    @Test
    void andOrListsRunFromLeftToRight() {
        assertThat(c("true && echo a; false && echo b; false || echo c; true || echo d; "
                + "false && echo e || echo f; true || false && echo g"))
                .isEqualTo(new Result(0, "a\nc\nf\ng\n", ""));
    }

    @Test
    void bangNegatesTheStatus() {
        assertThat(c("! true; echo $?; ! false; echo $?; ! tkill 9; echo $?"))
                .isEqualTo(new Result(0, "1\n0\n0\n", ""));
    }

    // Pipelines

    @Test
    void pipelinesOfOneToSixCommands() {
        assertThat(c("echo 1 | tcat")).isEqualTo(new Result(0, "1\n", ""));
        assertThat(c("echo 2 | tcat | tcat")).isEqualTo(new Result(0, "2\n", ""));
        assertThat(c("echo 3 | tcat | tcat | tcat")).isEqualTo(new Result(0, "3\n", ""));
        assertThat(c("echo 4 | tcat | tcat | tcat | tcat")).isEqualTo(new Result(0, "4\n", ""));
        assertThat(c("echo 6 | tcat | tcat | tcat | tcat | tcat")).isEqualTo(new Result(0, "6\n", ""));
    }

    @Test
    void theStatusOfAPipelineIsTheLastCommands() {
        assertThat(c("false | true; echo $?; true | false; echo $?; tcat </dev/null | tkill 9; echo $?; "
                + "true | true | true | sh -c 'exit 5'; echo $?; ! true | false; echo $?"))
                .isEqualTo(new Result(0, "0\n1\n137\n5\n0\n", ""));
    }

    @Test
    void everyCommandOfAPipelineSeesTheEndOfItsInput() {
        // tcat ends only when every write end of its pipe is closed, in the shell too
        assertThat(c("echo a | tcat | tcat | tcat; echo done")).isEqualTo(new Result(0, "a\ndone\n", ""));
    }

    @Test
    void builtinsRunInAPipelineToo() {
        assertThat(c("cd /tmp | tcat; pwd; echo x | tcat | tenv HOME")).isEqualTo(new Result(0, "/\n/root\n", ""));
    }

    // Redirections

    @Test
    void outputAndAppend() {
        assertThat(c("echo one >/tmp/f; echo two >>/tmp/f; tcat </tmp/f; echo three >/tmp/f; tcat </tmp/f"))
                .isEqualTo(new Result(0, "one\ntwo\nthree\n", ""));
    }

    @Test
    void inputFromAFile() {
        directory("/data").file("/data/in", 0644, "from the file\n");
        assertThat(c("tcat </data/in; tcat < /tmp/missing; echo $?"))
                .isEqualTo(new Result(0, "from the file\n1\n", "sh: /tmp/missing: No such file or directory\n"));
    }

    @Test
    void standardErrorAndDuplicates() {
        assertThat(c("nothere 2>/tmp/e; tcat </tmp/e; echo to err >&2; echo nowhere 2>&1 >/dev/null; "
                + "nothere 2>&1 | tcat"))
                .isEqualTo(new Result(0, "sh: nothere: not found\nsh: nothere: not found\n", "to err\n"));
    }

    @Test
    void readAndWrite() {
        directory("/data").file("/data/rw", 0644, "abc\n");
        assertThat(c("tcat <>/data/rw; echo x 1<>/data/rw; tcat </data/rw"))
                .isEqualTo(new Result(0, "abc\nx\nc\n", ""));
    }

    @Test
    void redirectionsOfABuiltinAreUndoneAfterIt() {
        assertThat(c("echo in file >/tmp/f; pwd >>/tmp/f 2>/dev/null; cd /nowhere 2>/dev/null; echo out; "
                + "tcat </tmp/f"))
                .isEqualTo(new Result(0, "out\nin file\n/\n", ""));
    }

    @Test
    void aRedirectionAloneCreatesTheFile() {
        assertThat(c(">/tmp/empty; tcat </tmp/empty; echo $?")).isEqualTo(new Result(0, "0\n", ""));
    }

    // Background and set

    @Test
    void waitWaitsForABackgroundCommandAndGivesItsStatus() {
        assertThat(c("tkill 9 & wait $!; echo $?")).isEqualTo(new Result(0, "137\n", ""));
    }

    @Test
    void setEEndsTheShellAtAFailureAndSetXTracesCommands() {
        assertThat(c("set -e; true; false || true; ! true; false; echo never"))
                .isEqualTo(new Result(1, "", ""));
        assertThat(c("set -x; echo a \"b c\"")).isEqualTo(new Result(0, "a b c\n", "+ echo a b c\n"));
    }
}
