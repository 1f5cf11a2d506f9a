package dev.ringos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.elf.Executable;
import dev.ringos.kernel.core.KernelConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `ringos run` under the kernel: the kernel examples' output, status and strace. */
class KernelRunTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream guestErr = new ByteArrayOutputStream();
    private final StringWriter err = new StringWriter();

    private int run(String example, boolean strace, String... args) throws Exception {
        return runWithInput("", example, strace, args);
    }

    private int runWithInput(String input, String example, boolean strace, String... args) throws Exception {
        PrintWriter errWriter = new PrintWriter(err, true);
        Executable program = Programs.load(Path.of("../../examples/kernel/" + example + ".s"), List.of(), errWriter);
        StdioConsole console = new StdioConsole(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                out, guestErr);
        return KernelRun.run(program, example, List.of(args), KernelConfig.defaults(), strace, Long.MAX_VALUE,
                console, errWriter);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helloPrintsFromRingThreeAndExitsZero() throws Exception {
        assertThat(run("hello", false)).isZero();
        assertThat(out()).isEqualTo("Hello from ring 3!\n");
    }

    @Test
    void argumentsReachTheProgramOnItsStack() throws Exception {
        assertThat(run("echo", false, "one", "two words", "")).isZero();
        assertThat(out()).isEqualTo("one two words \n");
    }

    @Test
    void aForkedChildsExitStatusReachesItsParent() throws Exception {
        assertThat(run("fork-wait", false)).isZero();
        assertThat(out()).isEqualTo("child: hello\nparent: child exited with 7\n");
    }

    @Test
    void catCopiesStdinAndReportsAFileItCannotOpen() throws Exception {
        assertThat(runWithInput("typed\n", "cat", false)).isZero();
        assertThat(out()).isEqualTo("typed\n");
        assertThat(run("cat", false, "/nope")).isEqualTo(1);
        assertThat(guestErr.toString(StandardCharsets.UTF_8)).isEqualTo("cat: cannot open /nope\n");
    }

    @Test
    void aLineGoesThroughAPipeFromParentToChild() throws Exception {
        assertThat(run("pipe", false)).isZero();
        assertThat(out()).isEqualTo("through the pipe\n");
    }

    @Test
    void straceShowsThePipesDescriptorsAndTheChildsCallsPrefixed() throws Exception {
        run("pipe", true);
        assertThat(err.toString()).contains("pipe([3, 4])                            = 0\n")
                .contains("[pid 3] read(3, \"through the pipe\\n\", 64)       = 17\n")
                .contains("[pid 3] read(3, \"\", 64)                         = 0\n");
    }

    @Test
    void aProgramKilledBySignalElevenExitsWith139() throws Exception {
        assertThat(run("segfault", false)).isEqualTo(139);
    }

    @Test
    void straceShowsTheProgramsCallsInStracesFormat() throws Exception {
        run("hello", true);
        assertThat(err.toString().lines().toList()).containsExactly(
                "execve(\"/bin/hello\", [\"/bin/hello\"], 0xbfffef30 /* 2 vars */) = 0",
                "write(1, \"Hello from ring 3!\\n\", 19)    = 19",
                "exit(0)                                 = ?",
                "+++ exited with 0 +++");
    }

    @Test
    void straceShowsTheSignalThatKilledTheProgram() throws Exception {
        run("segfault", true);
        assertThat(err.toString()).contains(
                "--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---\n+++ killed by SIGSEGV +++");
    }
}
