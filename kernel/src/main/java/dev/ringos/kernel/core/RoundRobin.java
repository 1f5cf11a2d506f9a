package dev.ringos.kernel.core;

import java.util.ArrayDeque;

/** Round robin: a FIFO of ready threads; the running one goes to the back when its quantum is used. */
public final class RoundRobin implements SchedulingPolicy {
    private final ArrayDeque<Task> ready = new ArrayDeque<>();
    private final long quantum;

    /** @param quantum cycles a thread may run before it is preempted, if another is ready */
    public RoundRobin(long quantum) {
        this.quantum = quantum;
    }

    @Override
    public String name() {
        return "round robin";
    }

    @Override
    public void ready(Task task) {
        ready.addLast(task);
    }

    @Override
    public void remove(Task task) {
        ready.remove(task);
    }

    @Override
    public Task next() {
        return ready.pollFirst();
    }

    @Override
    public boolean shouldPreempt(Task running, long cycles) {
        return cycles >= quantum && !ready.isEmpty();
    }
}
