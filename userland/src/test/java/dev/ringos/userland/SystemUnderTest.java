package dev.ringos.userland;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.kernel.Kernel;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.vfs.CpioEntry;
import dev.ringos.kernel.servers.vfs.HostConsole;
import dev.ringos.kernel.servers.vfs.tty.TerminalConsole;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The system booted from the root image, with the stand-in shell (src/test/asm/standin-sh.s) as
 * /bin/sh: on the host's streams ({@link #streams}) or on a terminal ({@link #terminal}).
 */
final class SystemUnderTest {
    static final Path STANDIN_SHELL = Path.of("src/test/asm/standin-sh.s");
    private static final long LIMIT = 500_000_000L;
    private static byte[] standIn;

    final Kernel kernel;
    final TerminalConsole terminal;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private SystemUnderTest(Kernel kernel, TerminalConsole terminal) {
        this.kernel = kernel;
        this.terminal = terminal;
    }

    /** The root image with the stand-in shell at /bin/sh. */
    static List<CpioEntry> image() {
        List<CpioEntry> image = RootImage.entries();
        image.add(new CpioEntry("/bin/sh", CpioEntry.S_IFREG | 0755, standInShell()));
        return image;
    }

    static synchronized byte[] standInShell() {
        if (standIn == null) {
            ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
            standIn = RootImageBuilder.assemble(STANDIN_SHELL, Path.of("src/main/asm/lib"),
                    new PrintStream(diagnostics, true, StandardCharsets.UTF_8));
            assertThat(standIn).as(diagnostics.toString(StandardCharsets.UTF_8)).isNotNull();
        }
        return standIn;
    }

    /** Booted without a terminal: fds 0, 1, 2 are {@code input}, {@link #out} and {@link #err}; init gets {@code args}. */
    static SystemUnderTest streams(String input, Map<String, String> host, String... args) {
        byte[] in = input.getBytes(StandardCharsets.UTF_8);
        SystemUnderTest[] system = new SystemUnderTest[1];
        HostConsole console = new HostConsole() {
            private int position;

            @Override
            public void write(int stream, byte[] data, int offset, int length) {
                (stream == 1 ? system[0].out : system[0].err).write(data, offset, length);
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                int n = Math.min(length, in.length - position);
                System.arraycopy(in, position, into, offset, n);
                position += n;
                return n;
            }
        };
        system[0] = new SystemUnderTest(new Kernel(KernelConfig.defaults(), image(), console, line -> { }), null);
        system[0].boot(host, args);
        return system[0];
    }

    /** Booted on a terminal whose screen {@link #screen} shows; init gets {@code args}. */
    static SystemUnderTest terminal(String... args) {
        TerminalConsole console = new TerminalConsole();
        SystemUnderTest system = new SystemUnderTest(
                new Kernel(KernelConfig.defaults(), image(), console, line -> { }), console);
        system.boot(Map.of("TERM", "vt100"), args);
        return system;
    }

    private void boot(Map<String, String> host, String... args) {
        assertThat(kernel.boot(List.of(args), host, false)).isZero();
    }

    /** Runs until the machine stops or waits for keys. */
    RunResult run() {
        long end = kernel.core().cycles() + LIMIT;
        RunResult result = RunResult.BUDGET;
        while (result == RunResult.BUDGET && kernel.core().cycles() < end) {
            result = kernel.run(end - kernel.core().cycles());
        }
        return result;
    }

    /** Runs to the end; the status the machine stopped with. */
    int status() {
        assertThat(run()).isEqualTo(RunResult.SHUTDOWN);
        return kernel.core().shutdownStatus();
    }

    /** Types {@code keys} on the terminal, runs until the machine waits again or stops; what the screen showed. */
    String type(String keys) {
        terminal.type(keys);
        return screen();
    }

    /** Runs until the machine waits for keys or stops; what the screen showed meanwhile. */
    String screen() {
        assertThat(run()).isIn(RunResult.WAITING_FOR_INPUT, RunResult.SHUTDOWN);
        return terminal.takeOutput();
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
