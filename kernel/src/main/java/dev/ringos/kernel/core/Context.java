package dev.ringos.kernel.core;

/**
 * A thread's user-visible CPU state while it is not on the CPU. For the running thread, EIP,
 * ESP and EFLAGS are captured here at every kernel entry and written back at exit; its general
 * registers stay in the CPU until it is switched out.
 */
final class Context {
    final int[] regs = new int[8];
    int eip;
    int esp;
    int eflags;
    int ring = 3;

    void copyFrom(Context other) {
        System.arraycopy(other.regs, 0, regs, 0, 8);
        eip = other.eip;
        esp = other.esp;
        eflags = other.eflags;
        ring = other.ring;
    }
}
