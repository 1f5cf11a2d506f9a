package dev.ringos.bench;

import dev.ringos.kernel.Kernel;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.vfs.CpioEntry;
import dev.ringos.kernel.servers.vfs.tty.TerminalConsole;
import dev.ringos.userland.RootImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Boot to prompt, as {@code ringos} does it on a terminal: read the root image, make the kernel
 * (64 MiB, default configuration) on a terminal console, start /sbin/init, and run until every
 * thread waits for keys — the shell has shown its prompt and reads. Host time per boot.
 *
 * <p>Until the root image has a /bin/sh, a stand-in takes its place ({@link #PROMPT}: it writes
 * "$ " and reads a line), so init, the console and exec are measured all the same.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class BootBench {
    static final String PROMPT = """
            section .text
            global _start
            _start:
                    mov eax, 4              ; write(1, "$ ", 2)
                    mov ebx, 1
                    mov ecx, prompt
                    mov edx, 2
                    int 0x80
                    mov eax, 3              ; read(0, line, 256)
                    xor ebx, ebx
                    mov ecx, line
                    mov edx, 256
                    int 0x80
                    mov ebx, eax
                    mov eax, 1
                    int 0x80
            section .data
            prompt: db "$ "
            section .bss
            line: resb 256
            """;
    private static final long SLICE = 50_000_000L;
    private static byte[] standIn;

    /** What a boot showed on the screen before it waited for keys (the smoke test checks it). */
    String shown;

    /** The stand-in is assembled before any boot is timed: ringos itself assembles nothing at boot. */
    @Setup(Level.Trial)
    public void standInShell() {
        standIn();
    }

    @Benchmark
    public Kernel bootToPrompt() {
        TerminalConsole console = new TerminalConsole();
        Kernel kernel = new Kernel(KernelConfig.defaults(), image(), console, line -> { });
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

    /** The root image as ringos reads it, with the stand-in shell if it has none. */
    static List<CpioEntry> image() {
        List<CpioEntry> image = RootImage.entries();
        if (image.stream().noneMatch(e -> e.path().equals("/bin/sh"))) {
            image.add(new CpioEntry("/bin/sh", CpioEntry.S_IFREG | 0755, standIn()));
        }
        return image;
    }

    private static synchronized byte[] standIn() {
        if (standIn == null) {
            standIn = GuestKernel.assemble(PROMPT);
        }
        return standIn;
    }
}
