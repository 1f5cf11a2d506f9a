package dev.ringos.userland;

import dev.ringos.asm.Assembler;
import dev.ringos.asm.Diagnostics;
import dev.ringos.asm.elf.ElfWriter;
import dev.ringos.asm.elf.Executable;
import dev.ringos.kernel.Kernel;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.vfs.CpioEntry;
import dev.ringos.kernel.servers.vfs.HostConsole;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a guest program built on the library under the real kernel: the program is assembled with
 * {@code src/main/asm/lib} on the include path, put in a root image as /bin/prog next to the
 * run-mode init, and run with the arguments, environment, input and files a test gives.
 */
final class GuestHarness {
    static final Path LIB = Path.of("src/main/asm/lib");
    static final Path PROGRAMS = Path.of("src/test/asm");
    static final String PATH = "/bin/prog";
    private static final long LIMIT = 2_000_000_000L;
    private static final Map<String, byte[]> ASSEMBLED = new ConcurrentHashMap<>();

    /** What came of a run: init's status (the program's exit status, or 128 + a signal), and fds 1 and 2 byte for byte (ISO-8859-1). */
    record Result(RunResult end, int status, String out, String err) {
    }

    private final byte[] program;
    private final List<CpioEntry> files = new ArrayList<>();
    private final List<String> env = new ArrayList<>();
    private String input = "";

    private GuestHarness(byte[] program) {
        this.program = program;
    }

    /** The program {@code src/test/asm/NAME.s}, assembled once per test run. */
    static GuestHarness program(String name) {
        return new GuestHarness(ASSEMBLED.computeIfAbsent(name, n -> assemble(PROGRAMS.resolve(n + ".s"))));
    }

    /** A program given as source text. */
    static GuestHarness source(String text) {
        try {
            Path dir = Files.createTempDirectory("ringos-lib");
            Path file = dir.resolve("prog.s");
            Files.writeString(file, text);
            return new GuestHarness(assemble(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] assemble(Path file) {
        Diagnostics diagnostics = new Diagnostics();
        Executable exe = Assembler.assembleFile(file, List.of(LIB), diagnostics);
        if (exe == null || diagnostics.hasErrors()) {
            throw new IllegalArgumentException(diagnostics.render());
        }
        return ElfWriter.write(exe);
    }

    /** The assembled program's bytes. */
    byte[] programBytes() {
        return program;
    }

    GuestHarness input(String text) {
        this.input = text;
        return this;
    }

    GuestHarness env(String... variables) {
        env.addAll(List.of(variables));
        return this;
    }

    GuestHarness file(String path, String contents) {
        files.add(new CpioEntry(path, CpioEntry.S_IFREG | 0644, contents.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    GuestHarness directory(String path) {
        files.add(new CpioEntry(path, CpioEntry.S_IFDIR | 0755, new byte[0]));
        return this;
    }

    /** Boots, runs /bin/prog with {@code args} until the machine stops, and collects what it wrote. */
    Result run(String... args) {
        List<CpioEntry> image = new ArrayList<>(Kernel.runImage(PATH, program));
        image.addAll(files);
        Console console = new Console(input);
        Kernel kernel = new Kernel(KernelConfig.defaults(), image, console, line -> { });
        List<String> argv = new ArrayList<>();
        argv.add(Kernel.INIT);
        argv.add(PATH);
        argv.addAll(List.of(args));
        int started = kernel.start(argv, env, false);
        if (started != 0) {
            throw new IllegalStateException("init did not start: " + started);
        }
        RunResult end = RunResult.BUDGET;
        long used = 0;
        while (end == RunResult.BUDGET && used < LIMIT) {
            long before = kernel.core().cycles();
            end = kernel.run(100_000_000L);
            used += kernel.core().cycles() - before;
        }
        int status = end == RunResult.SHUTDOWN ? kernel.core().shutdownStatus() : -1;
        return new Result(end, status, console.out.toString(StandardCharsets.ISO_8859_1),
                console.err.toString(StandardCharsets.ISO_8859_1));
    }

    /** The host's side of fds 0, 1 and 2: input given up front, output collected. */
    private static final class Console implements HostConsole {
        private final byte[] input;
        private int position;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();

        Console(String input) {
            this.input = input.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void write(int stream, byte[] data, int offset, int length) {
            (stream == 1 ? out : err).write(data, offset, length);
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            int n = Math.min(length, input.length - position);
            System.arraycopy(input, position, into, offset, n);
            position += n;
            return n;
        }
    }
}
