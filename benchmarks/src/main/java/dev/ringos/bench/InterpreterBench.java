package dev.ringos.bench;

import dev.ringos.cpu.BareMachine;
import dev.ringos.cpu.Exit;
import dev.ringos.cpu.GuestPrograms;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * The interpreter's speed on guest code in ring 3 with paging on: a sieve of Eratosthenes (primes
 * below 1,000,000; memory-bound, byte loads and stores through the TLB) and a register-only ALU
 * loop. The primary score is runs per second; the {@code instructions} secondary score is guest
 * instructions per microsecond, i.e. guest MIPS.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class InterpreterBench {
    static final int SIEVE_LIMIT = 1_000_000;
    static final int ALU_ITERATIONS = 2_000_000;

    private static final byte[] SIEVE = GuestPrograms.sieve(SIEVE_LIMIT);
    private static final byte[] ALU = GuestPrograms.aluLoop(ALU_ITERATIONS);

    private BareMachine sieve;
    private BareMachine alu;

    /** Guest work done, reported per microsecond of benchmark time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class GuestWork {
        public long instructions;

        @Setup(Level.Iteration)
        public void reset() {
            instructions = 0;
        }
    }

    @Setup(Level.Invocation)
    public void freshMachines() {
        // Each run needs zeroed sieve memory; building the machine is outside the measured time.
        sieve = GuestPrograms.load(SIEVE, SIEVE_LIMIT);
        alu = GuestPrograms.load(ALU, 0);
    }

    @Benchmark
    public int sieve(GuestWork work) {
        return run(sieve, work);
    }

    @Benchmark
    public int aluLoop(GuestWork work) {
        return run(alu, work);
    }

    private static int run(BareMachine m, GuestWork work) {
        Exit exit = m.run(Long.MAX_VALUE);
        if (exit != Exit.STOPPED || m.exitStatus() == null) {
            throw new IllegalStateException("guest did not exit: " + exit + ", " + m.trap());
        }
        work.instructions += m.cpu().instructions();
        return m.exitStatus();
    }
}
