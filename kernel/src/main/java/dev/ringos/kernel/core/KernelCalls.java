package dev.ringos.kernel.core;

import dev.ringos.kernel.core.KernelTrace.Category;
import java.util.Map;

/**
 * The kernel calls: everything a server (the process manager, the VFS) may ask of the core, and
 * the only way servers act on threads, address spaces and user memory (as Minix's sys_* calls).
 * Nothing here exposes the CPU or physical memory.
 */
public final class KernelCalls {
    /** Linux's EINTR; the core stands below the syscall layer's Errno. */
    private static final int EINTR = 4;
    private final Microkernel kernel;

    KernelCalls(Microkernel kernel) {
        this.kernel = kernel;
    }

    // ---- threads ----

    /** A new thread with id {@code id}, not yet runnable, in {@code space}. */
    public Task createTask(int id, AddressSpace space) {
        Task task = kernel.createTask(id, space);
        task.state = TaskState.STOPPED;
        return task;
    }

    /** A thread made by fork: {@code parent}'s registers, EAX 0, in {@code space}. */
    public Task forkTask(Task parent, int id, AddressSpace space) {
        Task child = createTask(id, space);
        kernel.copyContext(parent, child);
        child.context.regs[UserRegisters.EAX] = 0;
        child.setName(parent.name());
        child.tracer = parent.tracer;
        if (child.tracer != null) {
            child.tracer.retain();
        }
        return child;
    }

    /** Sets where a thread starts in user mode: a fresh register file, EIP and ESP as given. */
    public void startAt(Task task, int eip, int esp) {
        for (int r = 0; r < 8; r++) {
            kernel.setRegister(task, r, 0);
        }
        task.context.eip = eip;
        task.context.esp = esp;
        task.context.eflags = 0;
        task.context.ring = 3;
    }

    public void makeRunnable(Task task) {
        kernel.makeRunnable(task);
    }

    /**
     * Parks {@code task} (the caller of the current syscall) on {@code queue}; the handler then
     * returns {@link SyscallHandler#PARKED}. With {@code restart} the syscall runs again from the
     * start when the thread wakes; otherwise the waker sets its result with {@link #setResult}.
     */
    public void park(Task task, WaitQueue queue, boolean restart) {
        kernel.park(task, queue, restart, true);
    }

    public void wakeAll(WaitQueue queue) {
        kernel.wakeAll(queue);
    }

    /**
     * Wakes a sleeping thread early (a signal arrived): a restartable syscall runs again (or
     * fails with EINTR if a handler runs and says so); any other wait ends with EINTR.
     */
    public void interrupt(Task task) {
        if (task.state == TaskState.SLEEPING) {
            if (!task.restartOnWake) {
                setResult(task, -EINTR);
            }
            task.wokenByEvent = false;
            kernel.makeRunnable(task);
        }
    }

    /** Whether {@code task} is still parked on {@code queue} (an interrupted wait is not). */
    public boolean isWaitingOn(Task task, WaitQueue queue) {
        return task.waitingOn == queue;
    }

    /** Whether the thread's interrupted syscall is set to run again (its EIP is on the syscall instruction). */
    public boolean willRestart(Task task) {
        return task.restartOnWake;
    }

    /** Turns a pending restart into a result instead (EINTR): EIP past the syscall, EAX = result. */
    public void cancelRestart(Task task, int result) {
        if (task.restartOnWake) {
            task.restartOnWake = false;
            task.context.eip += 2;
            kernel.setRegister(task, UserRegisters.EAX, task.progress > 0 ? task.progress : result);
            task.progress = 0;
        }
    }

    /**
     * Before parking a restartable call that has done part of its work: adds {@code done} to
     * what the call will report (see {@link #takeProgress}) or, if a signal ends it, returns.
     */
    public void addProgress(Task task, int done) {
        task.progress += done;
    }

    /** The restarted call is finishing: what it did before it parked, now forgotten. */
    public int takeProgress(Task task) {
        int done = task.progress;
        task.progress = 0;
        return done;
    }

    /** The syscall it is about to return from, or returned from, is done: forget any restart. */
    public void clearRestart(Task task) {
        task.restartOnWake = false;
    }

    /**
     * A timed sleep (nanosleep): parks {@code task} until the virtual clock reaches
     * {@code deadline}; the syscall runs again when it wakes (it compares the clock with
     * {@link #sleepDeadline}) or is interrupted. The handler returns {@link SyscallHandler#PARKED}.
     */
    public void sleepUntil(Task task, long deadline) {
        kernel.sleepUntil(task, deadline);
    }

    /** The deadline of the sleep under way, or {@link Task#NO_DEADLINE}. */
    public long sleepDeadline(Task task) {
        return task.wakeAt;
    }

    /** The sleep is over: the call is returning (done, or interrupted). */
    public void endSleep(Task task) {
        kernel.endSleep(task);
    }

    /** Starts (a sink) or stops (null) tracing {@code task}'s syscalls; the sink is retained, the one it had released. */
    public void setTracer(Task task, TraceSink sink) {
        TraceSink old = task.tracer;
        task.tracer = sink;
        if (sink != null) {
            sink.retain();
        }
        if (old != null) {
            old.release();
        }
    }

    /** sched_yield: the caller goes to the back of the queue if anyone else is ready. */
    public void yield(Task task) {
        kernel.yieldCpu(task);
    }

    public void stop(Task task) {
        kernel.stop(task);
    }

    /** Ends a thread: off every queue, address space freed. */
    public void exitTask(Task task) {
        kernel.exitTask(task);
    }

    /** Forgets a finished thread (its process was reaped). */
    public void forget(Task task) {
        kernel.forget(task);
    }

    public Task task(int id) {
        return kernel.task(id);
    }

    public Map<Integer, Task> tasks() {
        return kernel.taskTable();
    }

    // ---- registers ----

    /** A user register (Registers.EAX … EDI), wherever it lives now. */
    public int register(Task task, int r) {
        return kernel.register(task, r);
    }

    public void setRegister(Task task, int r, int value) {
        kernel.setRegister(task, r, value);
    }

    public void setResult(Task task, int value) {
        kernel.setRegister(task, UserRegisters.EAX, value);
    }

    public int eip(Task task) {
        return task.context.eip;
    }

    public void setEip(Task task, int eip) {
        task.context.eip = eip;
    }

    public int eflags(Task task) {
        return task.context.eflags;
    }

    /** Sets the flags user code may hold (the core keeps IF on and IOPL 0 whatever is asked). */
    public void setEflags(Task task, int eflags) {
        task.context.eflags = eflags;
    }

    // ---- memory ----

    public UserMemory memory() {
        return kernel.userMemory();
    }

    /** A fresh address space with only the kernel half; null when out of memory. */
    public AddressSpace newSpace() {
        return kernel.newSpace();
    }

    /** A copy-on-write copy of {@code space}; null when out of memory. */
    public AddressSpace forkSpace(AddressSpace space) {
        return kernel.forkSpace(space);
    }

    /** Frees a space no thread runs in (one an execve built and then refused). */
    public void freeSpace(AddressSpace space) {
        space.destroy();
    }

    /** Adds a region to {@code space}: pages appear on first touch, zeroed or from {@code image}. */
    public void map(AddressSpace space, int start, int end, int rights, Region.Kind kind, byte[] image,
            int imageAddress, String name) {
        space.add(new Region(start, end, rights, kind, image, imageAddress, name));
    }

    /** brk(2) on the space's heap region; false if the break cannot move there. */
    public boolean setBrk(AddressSpace space, int newBrk) {
        return space.setBrk(newBrk);
    }

    /** Swaps the thread's address space (execve) and frees the old one. */
    public void replaceSpace(Task task, AddressSpace space) {
        kernel.replaceSpace(task, space);
    }

    public Frames frames() {
        return kernel.frames();
    }

    // ---- IPC ports ----

    /** The port table: port_create, ipc_call, ipc_recv, ipc_reply, and clean-up when a process exits. */
    public Ports ports() {
        return kernel.ports();
    }

    // ---- time, host, machine ----

    public long cycles() {
        return kernel.cycles();
    }

    public LoadAverage loadAverage() {
        return kernel.loadAverage();
    }

    /** Cycles the CPU has spent idle since boot (/proc/uptime's second field). */
    public long idleCycles() {
        return kernel.idleCycles();
    }

    /** The queue of threads waiting for input from the host; woken by the console interrupt. */
    public WaitQueue hostInput() {
        return kernel.hostInput();
    }

    /** Stops the machine (init has exited) with {@code status} for the host. */
    public void shutdown(int status) {
        kernel.requestShutdown(status);
    }

    public boolean tracing(Category category) {
        return kernel.trace().on(category);
    }

    public void trace(Category category, String text) {
        kernel.event(category, text);
    }
}
