package dev.ringos.bench;

import dev.ringos.asm.Assembler;
import dev.ringos.asm.Diagnostics;
import dev.ringos.asm.Preprocessor;
import dev.ringos.asm.SourceLine;
import dev.ringos.asm.elf.ElfWriter;
import dev.ringos.asm.elf.Executable;
import dev.ringos.cpu.Registers;
import dev.ringos.kernel.Kernel;
import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.servers.pm.Process;
import dev.ringos.kernel.servers.vfs.HostConsole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A booted ringos running one guest program that loops forever and counts its loop iterations
 * in EBP (which no syscall the benchmarks make reads or writes). The host reads the counter
 * through the kernel, so each benchmark invocation can run the machine for an exact number of
 * guest iterations: {@link #runIterations} runs budgets of calibrated cycles until the counter
 * has advanced by the requested amount (it stops at most one partial iteration late, and the
 * overshoot is carried into the next call, so the total over a measurement is exact).
 */
final class GuestKernel {
    static final String PATH = "/bin/bench";
    /** The program runs as init's first child. */
    static final int PROGRAM_PID = 2;
    private static final long STEP = 100_000;

    final Kernel kernel;
    private final KernelCalls calls;
    private Task task;
    /** The counter's last raw value and the iterations counted since the program started. */
    private int lastRaw;
    private long done;
    /** Iterations the next call should end at (done may be ahead by a partial batch). */
    private long target;
    private double cyclesPerIteration;
    private double instructionsPerIteration;

    GuestKernel(String source) {
        byte[] program = assemble(source);
        kernel = new Kernel(KernelConfig.defaults(), Kernel.runImage(PATH, program), HostConsole.discarding(),
                line -> { });
        calls = kernel.core().calls();
        int started = kernel.start(List.of(Kernel.INIT, PATH), List.of(), false);
        if (started != 0) {
            throw new IllegalStateException("init did not start: " + started);
        }
    }

    /**
     * Runs until the program has been exec'd and has done {@code warm} iterations, then measures
     * cycles and instructions per iteration over {@code calibrate} more.
     */
    void warmAndCalibrate(long warm, long calibrate) {
        long spent = 0;
        while (task == null) {
            step(STEP);
            Process p = kernel.processes().process(PROGRAM_PID);
            if (p != null && !p.argv().isEmpty() && p.argv().get(0).equals(PATH)) {
                task = p.task();
                lastRaw = counterRaw();
                done = lastRaw;
            }
            if ((spent += STEP) > 100_000_000L) {
                throw new IllegalStateException("the program never started");
            }
        }
        while (counted() < warm) {
            step(STEP);
        }
        long n0 = counted();
        long c0 = kernel.core().cycles();
        long i0 = kernel.core().instructions();
        while (counted() < n0 + calibrate) {
            step(STEP);
        }
        long n1 = counted();
        cyclesPerIteration = (double) (kernel.core().cycles() - c0) / (n1 - n0);
        instructionsPerIteration = (double) (kernel.core().instructions() - i0) / (n1 - n0);
        target = n1;
    }

    /**
     * One benchmark invocation: runs {@code batch} iterations and records the guest instructions
     * and cycles they took in {@code work}; returns the guest's counter (for the blackhole).
     */
    long measure(GuestWork work, int batch) {
        long instructions = instructions();
        long cycles = cycles();
        runIterations(batch);
        work.add(batch, instructions() - instructions, cycles() - cycles);
        return counted();
    }

    /** Runs the machine until {@code iterations} more loop iterations are done. */
    void runIterations(int iterations) {
        target += iterations;
        long remaining;
        while ((remaining = target - counted()) > 0) {
            step(Math.max(1, (long) (remaining * cyclesPerIteration)));
        }
    }

    private void step(long cycles) {
        RunResult result = kernel.run(cycles);
        if (result != RunResult.BUDGET) {
            throw new IllegalStateException("the guest stopped: " + result
                    + (result == RunResult.SHUTDOWN ? ", status " + kernel.core().shutdownStatus()
                    : result == RunResult.PANIC ? ", " + kernel.core().panicReason() : ""));
        }
    }

    /** Loop iterations the program has done (the counter widened past 32 bits). */
    long counted() {
        if (task == null) {
            return 0;
        }
        int raw = counterRaw();
        done += raw - lastRaw;
        lastRaw = raw;
        return done;
    }

    private int counterRaw() {
        return calls.register(task, Registers.EBP);
    }

    double cyclesPerIteration() {
        return cyclesPerIteration;
    }

    double instructionsPerIteration() {
        return instructionsPerIteration;
    }

    long cycles() {
        return kernel.core().cycles();
    }

    long instructions() {
        return kernel.core().instructions();
    }

    static byte[] assemble(String source) {
        Diagnostics diagnostics = new Diagnostics();
        List<SourceLine> lines = new ArrayList<>();
        String[] text = source.split("\n", -1);
        for (int i = 0; i < text.length; i++) {
            lines.add(new SourceLine(text[i], "bench.s", i + 1));
        }
        lines = Preprocessor.preprocess(lines, Path.of("bench.s"), List.of(), diagnostics);
        Executable exe = lines == null ? null : Assembler.assemble(lines, diagnostics);
        if (exe == null || diagnostics.hasErrors()) {
            throw new IllegalArgumentException("the benchmark program does not assemble:\n" + diagnostics.render());
        }
        return ElfWriter.write(exe);
    }
}
