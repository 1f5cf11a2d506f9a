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
 * Pipes between two guest processes, after lmbench's lat_pipe and bw_pipe.
 *
 * <p>{@code latPipe}: the program makes two pipes and forks; the parent writes one byte into
 * the first and reads one back from the second, the child reads from the first and writes
 * back into the second. Each invocation runs exactly {@link #LAT_BATCH} round trips, counted
 * by the parent; the score is host nanoseconds per round trip, two context switches and four
 * syscalls (plus the two reads that wait and run again) included.
 *
 * <p>{@code bwPipe}: the parent writes 64 KiB chunks into a pipe, the child reads them 64 KiB
 * at a time. Each invocation moves exactly {@link #BW_BATCH} chunks, counted by the parent as
 * its writes complete; the score is host nanoseconds per chunk (MB/s = 65536 / ns × 1000).
 * Syscalls are entered with {@code syscall}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PipeBench {
    static final int LAT_BATCH = 500;
    static final int BW_BATCH = 20;
    static final int CHUNK = 64 * 1024;

    /** Both programs exit(100 + errno) when a call fails, 100 for a short transfer. */
    private static final String FAIL = """
            .fail:
                    mov ebx, eax
                    neg ebx
                    cmp ebx, 0
                    jg .code
                    xor ebx, ebx
            .code:
                    add ebx, 100
                    mov eax, 1              ; exit
                    syscall
            """;

    static final String LAT_PROGRAM = """
            section .text
            global _start
            _start:
                    xor ebp, ebp            ; round trips, counted by the parent, read by the host
                    mov eax, 42             ; pipe(down): parent to child
                    mov ebx, down
                    syscall
                    test eax, eax
                    jnz .fail
                    mov eax, 42             ; pipe(up): child to parent
                    mov ebx, up
                    syscall
                    test eax, eax
                    jnz .fail
                    mov eax, 2              ; fork
                    syscall
                    test eax, eax
                    jz .child
                    js .fail
            .parent:
                    mov eax, 4              ; write(down, one, 1)
                    mov ebx, [down+4]
                    mov ecx, one
                    mov edx, 1
                    syscall
                    cmp eax, 1
                    jne .fail
                    mov eax, 3              ; read(up, one, 1)
                    mov ebx, [up]
                    mov ecx, one
                    mov edx, 1
                    syscall
                    cmp eax, 1
                    jne .fail
                    inc ebp
                    jmp .parent
            .child:
                    mov eax, 3              ; read(down, one, 1)
                    mov ebx, [down]
                    mov ecx, one
                    mov edx, 1
                    syscall
                    cmp eax, 1
                    jne .fail
                    mov eax, 4              ; write(up, one, 1)
                    mov ebx, [up+4]
                    mov ecx, one
                    mov edx, 1
                    syscall
                    cmp eax, 1
                    jne .fail
                    jmp .child
            """ + FAIL + """

            section .bss
            down: resd 2
            up:   resd 2
            one:  resb 4
            """;

    static final String BW_PROGRAM = """
            CHUNK equ 65536
            section .text
            global _start
            _start:
                    xor ebp, ebp            ; chunks written, counted by the parent, read by the host
                    mov eax, 42             ; pipe(fds)
                    mov ebx, fds
                    syscall
                    test eax, eax
                    jnz .fail
                    mov eax, 2              ; fork
                    syscall
                    test eax, eax
                    jz .child
                    js .fail
            .parent:
                    mov eax, 4              ; write(fds[1], buffer, CHUNK)
                    mov ebx, [fds+4]
                    mov ecx, buffer
                    mov edx, CHUNK
                    syscall
                    cmp eax, CHUNK
                    jne .fail
                    inc ebp
                    jmp .parent
            .child:
                    mov eax, 3              ; read(fds[0], buffer, CHUNK)
                    mov ebx, [fds]
                    mov ecx, buffer
                    mov edx, CHUNK
                    syscall
                    test eax, eax
                    jle .fail
                    jmp .child
            """ + FAIL + """

            section .bss
            fds:    resd 2
            buffer: resb CHUNK
            """;

    @State(Scope.Thread)
    public static class Latency {
        GuestKernel guest;

        @Setup(Level.Trial)
        public void boot() {
            guest = new GuestKernel(LAT_PROGRAM);
            guest.warmAndCalibrate(5_000, 50_000);
        }
    }

    @State(Scope.Thread)
    public static class Bandwidth {
        GuestKernel guest;

        @Setup(Level.Trial)
        public void boot() {
            guest = new GuestKernel(BW_PROGRAM);
            guest.warmAndCalibrate(500, 5_000);
        }
    }

    @Benchmark
    @OperationsPerInvocation(LAT_BATCH)
    public long latPipe(Latency state, GuestWork work) {
        return state.guest.measure(work, LAT_BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(BW_BATCH)
    public long bwPipe(Bandwidth state, GuestWork work) {
        return state.guest.measure(work, BW_BATCH);
    }
}
