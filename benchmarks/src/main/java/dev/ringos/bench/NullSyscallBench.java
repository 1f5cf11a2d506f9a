package dev.ringos.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cheapest syscall, getpid (20), from a ring-3 loop under the kernel, entered by
 * {@code syscall} (0F 05, returning by sysret) or by {@code int 0x80} (returning by iret). The
 * guest loops forever; each invocation runs the machine for exactly {@link #BATCH} getpid calls,
 * so the score is host nanoseconds per getpid, guest loop included (three cheap instructions).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class NullSyscallBench {
    static final int BATCH = 1000;

    @Param({"syscall", "int80"})
    public String entry;

    GuestKernel guest;

    static String program(String entry) {
        String instruction = switch (entry) {
            case "syscall" -> "syscall";
            case "int80" -> "int 0x80";
            default -> throw new IllegalArgumentException("entry is syscall or int80, not " + entry);
        };
        return """
                section .text
                global _start
                _start:
                        xor ebp, ebp            ; iterations, read by the host
                .loop:
                        mov eax, 20             ; getpid
                        %s
                        inc ebp
                        jmp .loop
                """.formatted(instruction);
    }

    @Setup(Level.Trial)
    public void boot() {
        guest = new GuestKernel(program(entry));
        guest.warmAndCalibrate(10_000, 100_000);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long getpid(GuestWork work) {
        return guest.measure(work, BATCH);
    }
}
