package dev.ringos.kernel;

import dev.ringos.asm.Assembler;
import dev.ringos.asm.Diagnostics;
import dev.ringos.asm.elf.ElfWriter;
import dev.ringos.asm.elf.Executable;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.vfs.CpioEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs guest programs under the kernel for tests: assembles sources, builds a root image with
 * the run-mode init, boots, and runs until the machine shuts down (or a cycle limit).
 */
final class GuestRun {
    static final long DEFAULT_LIMIT = 2_000_000_000L;

    /** What came of a run: the shell-style status, the output streams, traces and the kernel. */
    record Result(RunResult end, int status, String out, String err, List<String> trace, Kernel kernel) {
    }

    private final List<CpioEntry> files = new ArrayList<>();
    private KernelConfig config = KernelConfig.defaults();
    private String input = "";
    private boolean strace;
    private long limit = DEFAULT_LIMIT;

    /** Assembles {@code source} (text) as the file {@code path} in the image. */
    GuestRun program(String path, String source) {
        return file(path, 0755, assemble(path, source));
    }

    GuestRun file(String path, int mode, byte[] data) {
        files.add(new CpioEntry(path, CpioEntry.S_IFREG | mode, data));
        return this;
    }

    GuestRun config(KernelConfig config) {
        this.config = config;
        return this;
    }

    GuestRun input(String input) {
        this.input = input;
        return this;
    }

    GuestRun strace() {
        this.strace = true;
        return this;
    }

    GuestRun limit(long cycles) {
        this.limit = cycles;
        return this;
    }

    /** Boots with init running {@code argv} (argv[0] is the program's path) and an empty environment. */
    Result run(String... argv) {
        List<CpioEntry> image = new ArrayList<>(files);
        image.add(new CpioEntry(Kernel.INIT, CpioEntry.S_IFREG | 0755, Kernel.runInit()));
        CapturedConsole console = new CapturedConsole(input);
        List<String> trace = new ArrayList<>();
        config = config.withTrace(config.trace());
        Kernel kernel = new Kernel(config, image, console, trace::add);
        List<String> initArgv = new ArrayList<>();
        initArgv.add(Kernel.INIT);
        initArgv.addAll(List.of(argv));
        int started = kernel.start(initArgv, List.of(), strace);
        if (started != 0) {
            throw new IllegalStateException("init did not start: " + started);
        }
        RunResult end = RunResult.BUDGET;
        long used = 0;
        while (end == RunResult.BUDGET && used < limit) {
            long before = kernel.core().cycles();
            end = kernel.run(Math.min(100_000_000L, limit - used));
            used += kernel.core().cycles() - before;
        }
        int status = end == RunResult.SHUTDOWN ? kernel.core().shutdownStatus() : -1;
        return new Result(end, status, console.out.toString(StandardCharsets.UTF_8),
                console.err.toString(StandardCharsets.UTF_8), trace, kernel);
    }

    static byte[] assemble(String path, String source) {
        try {
            Path dir = Files.createTempDirectory("ringos-guest");
            Path file = dir.resolve(path.substring(path.lastIndexOf('/') + 1) + ".s");
            Files.writeString(file, source);
            Diagnostics diagnostics = new Diagnostics();
            Executable exe = Assembler.assembleFile(file, List.of(dir), diagnostics);
            if (exe == null || diagnostics.hasErrors()) {
                throw new IllegalArgumentException(diagnostics.render());
            }
            return ElfWriter.write(exe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Assembles a file with its include directory (for sources kept as resources). */
    static byte[] assembleFile(Path file, Path includeDir) {
        Diagnostics diagnostics = new Diagnostics();
        Executable exe = Assembler.assembleFile(file, List.of(includeDir), diagnostics);
        if (exe == null || diagnostics.hasErrors()) {
            throw new IllegalArgumentException(diagnostics.render());
        }
        return ElfWriter.write(exe);
    }
}
