package dev.ringos.kernel.core;

/**
 * The syscall layer, as the core sees it: a trap from ring 3 with the number in EAX and the
 * arguments in EBX, ECX, EDX, ESI, EDI, EBP (both {@code syscall} and {@code int 0x80}).
 * The result goes to EAX unless it is one of the two markers below.
 */
public interface SyscallHandler {
    /**
     * The caller was parked. If it parked to restart, the core moves its EIP back onto the
     * syscall instruction, which runs again when it wakes; otherwise whoever wakes it sets EAX.
     */
    int PARKED = Integer.MIN_VALUE;
    /** The handler has set every register itself (sigreturn, execve); EAX is left alone. */
    int KEEP_REGISTERS = Integer.MIN_VALUE + 1;

    int syscall(Task caller, int number, int ebx, int ecx, int edx, int esi, int edi, int ebp);
}
