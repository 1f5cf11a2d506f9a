package dev.ringos.kernel.core;

/**
 * Which runnable thread runs next. The scheduler tells the policy who became runnable and who
 * stopped being so; the policy keeps its own queue of the ready ones (not the one running).
 */
public interface SchedulingPolicy {
    String name();

    /** {@code task} is ready to run (woken, new, or preempted). */
    void ready(Task task);

    /** {@code task} is no longer ready (it exited, or was stopped while waiting in the queue). */
    void remove(Task task);

    /** The next thread to run, taken off the queue, or null when none is ready. */
    Task next();

    /** On a timer tick: whether {@code running}, which has run {@code cycles} since it was picked, should yield. */
    boolean shouldPreempt(Task running, long cycles);
}
