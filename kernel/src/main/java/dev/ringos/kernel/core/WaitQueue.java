package dev.ringos.kernel.core;

import java.util.ArrayList;
import java.util.List;

/** Threads parked until some event (a child's exit, a reply, input); waking makes them runnable. */
public final class WaitQueue {
    private final String name;
    final List<Task> waiters = new ArrayList<>(2);

    public WaitQueue(String name) {
        this.name = name;
    }

    public boolean isEmpty() {
        return waiters.isEmpty();
    }

    @Override
    public String toString() {
        return name;
    }
}
