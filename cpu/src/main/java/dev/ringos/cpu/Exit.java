package dev.ringos.cpu;

/** Why {@link Cpu#run} returned to the host. */
public enum Exit {
    /** The cycle budget ran out; call run again to go on. */
    BUDGET,
    /** hlt with nothing that could ever wake it (interrupts off, or no timer and no input). */
    HALTED,
    /** A host gate asked the CPU to stop (see {@link Cpu#requestStop}). */
    STOPPED,
    /** A fault while delivering a double fault: the machine is dead (see {@link Cpu#shutdownReason}). */
    TRIPLE_FAULT
}
