package dev.ringos.bench;

import dev.ringos.kernel.Kernel;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.vfs.tty.TerminalConsole;
import dev.ringos.userland.RootImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Boot to prompt, as {@code ringos} does it on a terminal: read the root image, make the kernel
 * (64 MiB, default configuration) on a terminal console, start /sbin/init, and run until every
 * thread waits for keys — the shell has shown its prompt and reads. Host time per boot.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class BootBench {
    private static final long SLICE = 50_000_000L;

    /** What a boot showed on the screen before it waited for keys (the smoke test checks it). */
    String shown;

    @Benchmark
    public Kernel bootToPrompt() {
        TerminalConsole console = new TerminalConsole();
        Kernel kernel = new Kernel(KernelConfig.defaults(), RootImage.entries(), console, line -> { });
        if (kernel.boot(List.of(), Map.of("TERM", "xterm"), false) != 0) {
            throw new IllegalStateException("init did not start");
        }
        RunResult result;
        do {
            result = kernel.run(SLICE);
        } while (result == RunResult.BUDGET);
        shown = console.takeOutput();
        if (result != RunResult.WAITING_FOR_INPUT) {
            throw new IllegalStateException("the system did not reach a prompt: " + result + ", showing " + shown);
        }
        return kernel;
    }
}
