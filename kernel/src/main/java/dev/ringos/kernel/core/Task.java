package dev.ringos.kernel.core;

/**
 * A thread of execution (Linux's task): its saved context, its address space, its scheduling
 * state and CPU time. What a process is — pid, parent, signals — belongs to the process
 * manager, which hangs its record on {@link #owner}.
 */
public final class Task {
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    public final int id;
    final Context context = new Context();
    AddressSpace space;
    TaskState state = TaskState.RUNNABLE;
    /** Where it is parked, when SLEEPING or UNINTERRUPTIBLE. */
    WaitQueue waitingOn;
    /** Parked in a syscall that runs again from the start when woken (its EIP was moved back). */
    boolean restartOnWake;
    /**
     * Woken by the event it waited for (not by a signal): its syscall must run again before any
     * pending signal is delivered, as on Linux, where the woken thread finishes the call first.
     */
    boolean wokenByEvent;
    /**
     * What a restartable syscall already did before it parked (bytes written to a full pipe): if
     * a signal ends the wait, the call returns this instead of EINTR, as a short write does on Linux.
     */
    int progress;
    /** The end of a timed sleep (nanosleep), in cycles; {@link #NO_DEADLINE} when none is under way. */
    long wakeAt = NO_DEADLINE;
    /** Where a timed sleep parks; made on the first one. */
    WaitQueue timer;
    /** Something (a signal) must be looked at before it next returns to user mode. */
    boolean workPending;
    long userCycles;
    long systemCycles;
    /** The cycle count when it was made (Linux's start_time: /proc/PID/stat's starttime). */
    long startCycles;
    /** The cycle count when it last went on the CPU or entered the kernel, for accounting. */
    long since;
    /** strace-style tracing of its syscalls. */
    TraceSink tracer;
    /** The command name (Linux's comm), for traces and ps. */
    private String name = "?";
    /** The process manager's record of the process this thread belongs to. */
    private Object owner;

    Task(int id) {
        this.id = id;
    }

    public TaskState state() {
        return state;
    }

    public AddressSpace space() {
        return space;
    }

    public long userCycles() {
        return userCycles;
    }

    public long systemCycles() {
        return systemCycles;
    }

    public long startCycles() {
        return startCycles;
    }

    public boolean traced() {
        return tracer != null;
    }

    /** Where its strace lines go; null when it is not traced. */
    public TraceSink tracer() {
        return tracer;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Object owner() {
        return owner;
    }

    public void setOwner(Object owner) {
        this.owner = owner;
    }

    /** Asks the kernel to call the process manager before this thread next returns to user mode. */
    public void requestWork() {
        workPending = true;
    }

    @Override
    public String toString() {
        return "task " + id;
    }
}
