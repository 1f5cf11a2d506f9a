package dev.ringos.userland;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.kernel.Kernel;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.vfs.CpioEntry;
import dev.ringos.kernel.servers.vfs.tty.TerminalConsole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library on a terminal: the terminal calls answer, and stdout is line-buffered. */
class TerminalTest {
    private final TerminalConsole console = new TerminalConsole();
    private Kernel kernel;

    private void boot(String program) {
        console.resize(24, 80);
        List<CpioEntry> image = new ArrayList<>(
                Kernel.runImage(GuestHarness.PATH, GuestHarness.assemble(GuestHarness.PROGRAMS.resolve(program + ".s"))));
        kernel = new Kernel(KernelConfig.defaults(), image, console, line -> { });
        assertThat(kernel.start(List.of(Kernel.INIT, GuestHarness.PATH), List.of(), false)).isZero();
    }

    /** Runs until the machine waits for keys or stops; what the screen showed meanwhile, with \n for \r\n. */
    private String run(RunResult expected) {
        long end = kernel.core().cycles() + 200_000_000L;
        RunResult result = RunResult.BUDGET;
        while (result == RunResult.BUDGET && kernel.core().cycles() < end) {
            result = kernel.run(end - kernel.core().cycles());
        }
        assertThat(result).isEqualTo(expected);
        return console.takeOutput().replace("\r\n", "\n");
    }

    @Test
    void completeLinesShowWhileTheProgramWaitsAndTheRestAtExit() {
        boot("tty_test");
        assertThat(run(RunResult.WAITING_FOR_INPUT)).isEqualTo("""
                isatty(0) 1
                isatty(1) 1
                in the foreground
                window 24 x 80
                ICANON 2 ECHO 8
                """);
        console.type("x\n");
        assertThat(run(RunResult.SHUTDOWN)).isEqualTo("x\npartial read 2\n");
        assertThat(kernel.core().shutdownStatus()).isZero();
    }
}
