package dev.ringos.userland;

import dev.ringos.kernel.Kernel;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.vfs.CpioEntry;
import dev.ringos.kernel.servers.vfs.HostConsole;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the utilities of the root image's /bin under the real kernel, without a shell: the
 * run-mode init starts src/test/asm/run.s, which runs the words it is given as command lines
 * (";" between pipelines, "|" between commands, argv[0] the bare name as a shell passes it).
 * A test adds files, directories and input, and gets the status, stdout and stderr.
 */
final class Bin {
    private static final String RUNNER = "/sbin/run";
    private static final long LIMIT = 3_000_000_000L;

    /** What came of a run: the last pipeline's status, fds 1 and 2 (UTF-8). */
    record Result(int status, String out, String err) {
    }

    private final List<CpioEntry> files = new ArrayList<>();
    private String input = "";
    private final List<String> env = new ArrayList<>(List.of("PATH=/bin:/sbin", "HOME=/root"));

    static Bin system() {
        return new Bin();
    }

    Bin input(String text) {
        input = text;
        return this;
    }

    Bin env(String... variables) {
        env.clear();
        env.addAll(List.of(variables));
        return this;
    }

    Bin file(String path, String contents) {
        files.add(new CpioEntry(path, CpioEntry.S_IFREG | 0644, contents.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    Bin entry(String path, int mode, String contents) {
        files.add(new CpioEntry(path, mode, contents.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    Bin directory(String path) {
        files.add(new CpioEntry(path, CpioEntry.S_IFDIR | 0755, new byte[0]));
        return this;
    }

    /** Runs {@code line}, split at spaces into words (use {@link #words} for words with spaces). */
    Result run(String line) {
        return words(line.split(" "));
    }

    Result words(String... words) {
        List<CpioEntry> image = new ArrayList<>();
        for (CpioEntry e : RootImage.entries()) {
            if (!e.path().equals(Kernel.INIT)) {
                image.add(e);
            }
        }
        image.addAll(Kernel.runImage(RUNNER, GuestHarness.program("run").programBytes()));
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
        List<String> argv = new ArrayList<>();
        argv.add(Kernel.INIT);
        argv.add(RUNNER);
        argv.addAll(List.of(words));
        if (kernel.start(argv, env, false) != 0) {
            throw new IllegalStateException("init did not start");
        }
        RunResult end = RunResult.BUDGET;
        long used = 0;
        while (end == RunResult.BUDGET && used < LIMIT) {
            long before = kernel.core().cycles();
            end = kernel.run(100_000_000L);
            used += kernel.core().cycles() - before;
        }
        int status = end == RunResult.SHUTDOWN ? kernel.core().shutdownStatus() : -1;
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
