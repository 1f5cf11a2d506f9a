package dev.ringos.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Secondary scores for the kernel benchmarks: guest instructions and guest (virtual) cycles per
 * benchmark operation.
 *
 * <p>JMH sums {@code EVENTS} counters over all measurement iterations of all forks (the summary
 * says {@code [Sum]}), so to make that sum the mean per-operation value each measurement
 * iteration reports its own mean divided by forks × measurement iterations. The summary table
 * therefore shows guest instructions and cycles per operation; the per-iteration lines show
 * that share of it (warm-up lines show the unscaled mean).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class GuestWork {
    private long ops;
    private long instructions;
    private long cycles;

    /** 1 outside JMH and in warm-up. */
    private double scale = 1;

    @Setup(Level.Iteration)
    public void reset(BenchmarkParams benchmark, IterationParams iteration) {
        ops = 0;
        instructions = 0;
        cycles = 0;
        scale = iteration.getType() == IterationType.MEASUREMENT
                ? 1.0 / (Math.max(1, benchmark.getForks()) * benchmark.getMeasurement().getCount()) : 1;
    }

    /** Records one invocation: {@code n} operations that took these guest instructions and cycles. */
    public void add(int n, long instructions, long cycles) {
        ops += n;
        this.instructions += instructions;
        this.cycles += cycles;
    }

    /** Guest instructions per operation (user mode only: the kernel runs as host code). */
    public double guestInstructions() {
        return ops == 0 ? 0 : scale * instructions / ops;
    }

    /** Guest virtual cycles per operation (instruction costs plus the kernel's charges). */
    public double guestCycles() {
        return ops == 0 ? 0 : scale * cycles / ops;
    }
}
