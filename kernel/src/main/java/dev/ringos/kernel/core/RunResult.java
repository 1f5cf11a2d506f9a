package dev.ringos.kernel.core;

/** Why {@link Microkernel#run} returned. */
public enum RunResult {
    /** The cycle budget was used up; call run again to go on. */
    BUDGET,
    /** Every thread waits for input from the host; feed it and call run again. */
    WAITING_FOR_INPUT,
    /** Every thread is asleep and nothing can wake them. */
    DEADLOCK,
    /** The machine was shut down (init exited). */
    SHUTDOWN,
    /** The kernel met a state it cannot continue from; {@link Microkernel#panicReason} says what. */
    PANIC
}
