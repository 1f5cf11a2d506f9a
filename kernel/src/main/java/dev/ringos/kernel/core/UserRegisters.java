package dev.ringos.kernel.core;

/** Register numbers for {@link KernelCalls#register}: x86 order, as the CPU numbers them. */
public final class UserRegisters {
    public static final int EAX = 0, ECX = 1, EDX = 2, EBX = 3, ESP = 4, EBP = 5, ESI = 6, EDI = 7;

    private UserRegisters() {
    }
}
