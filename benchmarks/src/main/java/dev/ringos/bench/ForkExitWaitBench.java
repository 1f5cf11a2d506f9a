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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Process creation and teardown: a guest loop that forks, whose child exits at once, and that
 * reaps the child with wait4 before the next fork. Each invocation runs exactly {@link #BATCH}
 * such cycles; the score is host nanoseconds per fork + exit + wait4 (address space copy,
 * scheduling both ways, teardown, reaping). Syscalls are entered with {@code syscall}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class ForkExitWaitBench {
    static final int BATCH = 50;

    static final String PROGRAM = """
            section .text
            global _start
            _start:
                    xor ebp, ebp            ; iterations, read by the host
            .loop:
                    mov eax, 2              ; fork
                    syscall
                    test eax, eax
                    jz .child
                    js .fail
                    mov ebx, eax            ; wait4(pid, NULL, 0, NULL)
                    mov eax, 114
                    xor ecx, ecx
                    xor edx, edx
                    xor esi, esi
                    syscall
                    cmp eax, ebx
                    jne .fail
                    inc ebp
                    jmp .loop
            .child:
                    mov eax, 1              ; exit(0)
                    xor ebx, ebx
                    syscall
            .fail:                          ; exit(100 + errno), 100 if the wrong child was reaped
                    mov ebx, eax
                    neg ebx
                    cmp ebx, 0
                    jg .code
                    xor ebx, ebx
            .code:
                    add ebx, 100
                    mov eax, 1
                    syscall
            """;

    GuestKernel guest;

    @Setup(Level.Trial)
    public void boot() {
        guest = new GuestKernel(PROGRAM);
        guest.warmAndCalibrate(1_000, 5_000);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long forkExitWait(GuestWork work) {
        return guest.measure(work, BATCH);
    }
}
