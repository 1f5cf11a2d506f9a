package dev.ringos.kernel.core;

/** A thread's scheduling state, with the letter ps shows for it. */
public enum TaskState {
    /** On the CPU or ready for it. */
    RUNNABLE('R'),
    /** Parked in a syscall until an event; a signal wakes it. */
    SLEEPING('S'),
    /** Parked where signals do not wake it. */
    UNINTERRUPTIBLE('D'),
    /** Stopped by a signal until SIGCONT. */
    STOPPED('T'),
    /** Finished; its process's server decides when it is gone. */
    DEAD('Z');

    private final char letter;

    TaskState(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }
}
