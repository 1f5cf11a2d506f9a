package dev.ringos.kernel;

import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.pm.Process;
import dev.ringos.kernel.servers.vfs.CpioEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A booted kernel the host keeps driving, for tests that look inside between steps: run until
 * every thread sleeps (or a cycle budget is spent), inspect, send a signal, run on.
 */
final class LiveGuest {
    final Kernel kernel;
    private final CapturedConsole console = new CapturedConsole("");
    final List<String> strace = new ArrayList<>();

    /** Boots init running {@code path} (an assembled program) as PID 2, with {@code others} in the image too. */
    LiveGuest(KernelConfig config, String path, String source, CpioEntry... others) {
        List<CpioEntry> image = new ArrayList<>(List.of(others));
        image.add(new CpioEntry(Kernel.INIT, CpioEntry.S_IFREG | 0755, Kernel.runInit()));
        image.add(new CpioEntry(path, CpioEntry.S_IFREG | 0755, GuestRun.assemble(path, source)));
        kernel = new Kernel(config, image, console, strace::add);
        int started = kernel.start(List.of(Kernel.INIT, path), List.of(), false);
        if (started != 0) {
            throw new IllegalStateException("init did not start: " + started);
        }
    }

    LiveGuest(String path, String source) {
        this(KernelConfig.defaults(), path, source);
    }

    /** Runs until something other than the budget stops the machine, for at most {@code limit} cycles. */
    RunResult runUntilQuiet(long limit) {
        long end = kernel.core().cycles() + limit;
        RunResult result = RunResult.BUDGET;
        while (result == RunResult.BUDGET && kernel.core().cycles() < end) {
            result = kernel.run(end - kernel.core().cycles());
        }
        return result;
    }

    RunResult run(long cycles) {
        return kernel.run(cycles);
    }

    /**
     * Sends {@code sig} to {@code pid} as if init had called kill, then raises the console
     * interrupt: a halted idle CPU (tickless, no timer) otherwise would not notice the woken thread.
     */
    void kill(int pid, int sig) {
        int result = kernel.processes().signals().kill(kernel.processes().process(1).task(), pid, sig);
        if (result != 0) {
            throw new IllegalStateException("kill(" + pid + ", " + sig + ") = " + result);
        }
        kernel.core().hostInputArrived();
    }

    Process process(int pid) {
        return kernel.processes().process(pid);
    }

    String out() {
        return console.out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return console.err.toString(StandardCharsets.UTF_8);
    }
}
