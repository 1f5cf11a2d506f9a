package dev.ringos.cli;

import dev.ringos.kernel.Kernel;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.vfs.CpioEntry;
import dev.ringos.userland.RootImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The system booted from the root image, its init starting the guest shell: on the host's
 * terminal ({@link TerminalSession}) when stdin and stdout are one and there is no {@code -c},
 * else on the host's standard streams, kept separate, as {@code docker run} without {@code -t}.
 * The machine stops when the shell exits; its status is ringos's.
 */
final class SystemRun {
    /** The status when the kernel cannot go on (deadlock, panic) or cannot start. */
    static final int KERNEL_FAILED = KernelRun.KERNEL_FAILED;
    static final long SLICE = 50_000_000L;

    private SystemRun() {
    }

    static int run(SystemOptions options, PrintWriter err) {
        if (options.command == null && System.console() != null) {
            return guarded(() -> TerminalSession.run(options, err), err);
        }
        return streams(options, System.in, System.out, System.err, err);
    }

    /** What a run does; it may fail with an I/O error or a bad option (a mount that cannot be made). */
    private interface Session {
        int run() throws IOException;
    }

    /** The session's status; a bad option or an I/O error is one line on {@code err} and status 1. */
    private static int guarded(Session session, PrintWriter err) {
        try {
            return session.run();
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            err.println("ringos: " + e.getMessage());
            return 1;
        }
    }

    /** The arguments init hands the shell: {@code -c LINE}, or none. */
    static List<String> shellArguments(SystemOptions options) {
        return options.command == null ? List.of() : List.of("-c", options.command);
    }

    static KernelConfig config(SystemOptions options) {
        return KernelConfig.defaults().withMemory(options.memory);
    }

    /** The root image the build made. */
    static List<CpioEntry> image() {
        return RootImage.entries();
    }

    static void mount(Kernel kernel, SystemOptions options) {
        for (HostMount m : options.mounts) {
            kernel.mountHost(m.host(), m.guest(), m.readOnly());
        }
    }

    /** The system on the given streams as the guest's fds 0, 1 and 2; {@code err} has ringos's own messages. */
    static int streams(SystemOptions options, InputStream in, OutputStream out, OutputStream guestErr, PrintWriter err) {
        return guarded(() -> streamsOrFail(options, in, out, guestErr, err), err);
    }

    private static int streamsOrFail(SystemOptions options, InputStream in, OutputStream out, OutputStream guestErr,
            PrintWriter err) throws IOException {
        StdioConsole console = new StdioConsole(in, new BufferedOutputStream(out), new BufferedOutputStream(guestErr));
        Kernel kernel = new Kernel(config(options), image(), console, line -> {
            err.println(line);
            err.flush();
        });
        mount(kernel, options);
        // No terminal: nothing of the host's environment (not even TERM) concerns the guest.
        int started = kernel.boot(shellArguments(options), Map.of(), options.strace);
        if (started != 0) {
            err.println("ringos: the kernel could not start " + Kernel.INIT + " (error " + -started + ")");
            return KERNEL_FAILED;
        }
        while (true) {
            RunResult result = kernel.run(SLICE);
            switch (result) {
                case BUDGET -> { }
                case WAITING_FOR_INPUT -> {
                    console.fill();
                    kernel.core().hostInputArrived();
                }
                default -> {
                    console.flush();
                    return ended(kernel, result, err);
                }
            }
        }
    }

    /** The status of a run that has ended: the shell's, or KERNEL_FAILED after a line saying why. */
    static int ended(Kernel kernel, RunResult result, PrintWriter err) {
        switch (result) {
            case SHUTDOWN -> {
                return kernel.core().shutdownStatus();
            }
            case DEADLOCK -> err.println("ringos: every process is asleep and nothing can wake them");
            case PANIC -> err.println("ringos: kernel panic: " + kernel.core().panicReason());
            default -> throw new IllegalStateException("the machine has not ended: " + result);
        }
        err.flush();
        return KERNEL_FAILED;
    }
}
