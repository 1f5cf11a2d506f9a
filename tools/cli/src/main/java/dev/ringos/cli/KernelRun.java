package dev.ringos.cli;

import dev.ringos.asm.elf.ElfWriter;
import dev.ringos.asm.elf.Executable;
import dev.ringos.kernel.Kernel;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ringos run FILE ARGS…} under the kernel: a root image holding the run-mode init and the
 * program at /bin/NAME; init runs it as PID 2 and the machine stops when it exits, with its
 * status (128 + N when a signal killed it).
 */
final class KernelRun {
    /** The program's environment: deterministic, whatever the host's is. */
    static final List<String> ENVIRONMENT = List.of("PATH=/bin:/sbin", "HOME=/");
    static final int OUT_OF_CYCLES = 124;
    static final int KERNEL_FAILED = 125;
    private static final long SLICE = 50_000_000L;

    private KernelRun() {
    }

    static int run(Executable program, String name, List<String> args, KernelConfig config, boolean strace,
            long maxCycles, StdioConsole console, PrintWriter err) throws IOException {
        return run(program, name, args, List.of(), config, strace, maxCycles, console, err);
    }

    /**
     * As above, with host directories mounted before init starts; a mount that cannot be made is
     * an IllegalArgumentException saying why.
     */
    static int run(Executable program, String name, List<String> args, List<HostMount> mounts, KernelConfig config,
            boolean strace, long maxCycles, StdioConsole console, PrintWriter err) throws IOException {
        String path = "/bin/" + name;
        Kernel kernel = new Kernel(config, Kernel.runImage(path, ElfWriter.write(program)), console,
                line -> {
                    err.println(line);
                    err.flush();
                });
        for (HostMount m : mounts) {
            kernel.mountHost(m.host(), m.guest(), m.readOnly());
        }
        List<String> argv = new ArrayList<>();
        argv.add(Kernel.INIT);
        argv.add(path);
        argv.addAll(args);
        int started = kernel.start(argv, ENVIRONMENT, strace);
        if (started != 0) {
            err.println("ringos run: the kernel could not start init (error " + -started + ")");
            return KERNEL_FAILED;
        }
        while (true) {
            long left = maxCycles - kernel.core().cycles();
            if (left <= 0) {
                console.flush();
                err.println("ringos run: " + name + ": out of cycles after " + kernel.core().cycles()
                        + " (raise --max-cycles)");
                return OUT_OF_CYCLES;
            }
            RunResult result = kernel.run(Math.min(SLICE, left));
            switch (result) {
                case BUDGET -> { }
                case WAITING_FOR_INPUT -> {
                    console.fill();
                    kernel.core().hostInputArrived();
                }
                case SHUTDOWN -> {
                    console.flush();
                    return kernel.core().shutdownStatus();
                }
                case DEADLOCK -> {
                    console.flush();
                    err.println("ringos run: " + name + ": every process is asleep and nothing can wake them");
                    return KERNEL_FAILED;
                }
                case PANIC -> {
                    console.flush();
                    err.println("ringos run: kernel panic: " + kernel.core().panicReason());
                    return KERNEL_FAILED;
                }
            }
        }
    }
}
