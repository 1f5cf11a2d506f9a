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
 * A synchronous IPC round trip between two guest processes: a server creates a port
 * (port_create, 4096), forks a client (which inherits the port id in memory), then loops on
 * ipc_recv (4098) and ipc_reply (4099); the client loops on ipc_call (4097) with a 4-byte
 * message and a 4-byte reply. Each invocation runs exactly {@link #BATCH} round trips, counted
 * by the server; the score is host nanoseconds per call + receive + reply, two context switches
 * included. Syscalls are entered with {@code syscall}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class IpcCallBench {
    static final int BATCH = 500;

    /** The exit status when port_create says ENOSYS: the kernel has no IPC syscalls. */
    static final int NO_IPC = 100 + 38;

    static final String PROGRAM = """
            SYS_EXIT        equ 1
            SYS_FORK        equ 2
            SYS_PORT_CREATE equ 4096
            SYS_IPC_CALL    equ 4097
            SYS_IPC_RECV    equ 4098
            SYS_IPC_REPLY   equ 4099

            section .text
            global _start
            _start:
                    xor ebp, ebp            ; round trips, counted by the server, read by the host
                    mov eax, SYS_PORT_CREATE
                    syscall
                    test eax, eax
                    js .fail
                    mov [port], eax
                    mov eax, SYS_FORK
                    syscall
                    test eax, eax
                    jz .client
                    js .fail
            .server:
                    mov eax, SYS_IPC_RECV   ; ipc_recv(port, request, 16, NULL)
                    mov ebx, [port]
                    mov ecx, request
                    mov edx, 16
                    xor esi, esi
                    syscall
                    cmp eax, 4
                    jne .fail
                    mov eax, SYS_IPC_REPLY  ; ipc_reply(port, request, 4): echo it
                    mov ebx, [port]
                    mov ecx, request
                    mov edx, 4
                    syscall
                    test eax, eax
                    jnz .fail
                    inc ebp
                    jmp .server
            .client:
                    mov eax, SYS_IPC_CALL   ; ipc_call(port, message, 4, reply, 16)
                    mov ebx, [port]
                    mov ecx, message
                    mov edx, 4
                    mov esi, reply
                    mov edi, 16
                    syscall
                    cmp eax, 4
                    jne .fail
                    jmp .client
            .fail:                          ; exit(100 + errno), 100 for a wrong length
                    mov ebx, eax
                    neg ebx
                    cmp ebx, 0
                    jg .code
                    xor ebx, ebx
            .code:
                    add ebx, 100
                    mov eax, SYS_EXIT
                    syscall

            section .data
            message: db "ping"

            section .bss
            port:    resd 1
            request: resb 16
            reply:   resb 16
            """;

    GuestKernel guest;

    @Setup(Level.Trial)
    public void boot() {
        guest = new GuestKernel(PROGRAM);
        guest.warmAndCalibrate(5_000, 50_000);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long roundTrip(GuestWork work) {
        return guest.measure(work, BATCH);
    }
}
