package dev.ringos.kernel.core;

import static dev.ringos.cpu.Registers.*;

import dev.ringos.cpu.ControlRegisters;
import dev.ringos.cpu.Cpu;
import dev.ringos.cpu.Exit;
import dev.ringos.cpu.Flags;
import dev.ringos.cpu.Gates;
import dev.ringos.cpu.IntervalTimer;
import dev.ringos.cpu.Msr;
import dev.ringos.cpu.PageTables;
import dev.ringos.cpu.PhysicalMemory;
import dev.ringos.cpu.Registers;
import dev.ringos.cpu.Vectors;
import dev.ringos.kernel.core.KernelTrace.Category;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The core of the microkernel: it owns the CPU and physical memory, and is entered only through
 * the CPU's host gates — a trap, an interrupt or a syscall from ring 3 — and leaves only by
 * iret or sysret. In between it dispatches (page fault, signal-worthy fault, timer, syscall),
 * then on the way out delivers pending work and picks who runs next.
 *
 * <p>The running thread's general registers stay in the CPU while it runs; its EIP, ESP and
 * EFLAGS are captured into its context at every entry and written back at exit, by sysret when
 * it entered by syscall and returns to ring 3, else through an iret frame built on the kernel
 * stack. A switch saves the old thread's registers and loads the new one's.
 */
public final class Microkernel {
    /** Virtual cycles the kernel's own work costs: a syscall, a resolved page fault. */
    static final int SYSCALL_CYCLES = 40;
    static final int FAULT_CYCLES = 200;

    private static final int ENTRY_SYSCALL = 1;
    private static final int ENTRY_GATE = 2;
    private static final int USER_FLAGS = Flags.CF | Flags.PF | Flags.AF | Flags.ZF | Flags.SF | Flags.TF
            | Flags.DF | Flags.OF;

    private final Cpu cpu;
    private final PhysicalMemory memory;
    private final Frames frames;
    private final KernelConfig config;
    private final KernelTrace trace;
    private final SchedulingPolicy policy;
    private final UserMemory userMemory;
    private final KernelCalls calls;
    private final LoadAverage loadAverage;
    /**
     * The CPU keeps each address space's translations under its PCID across switches, so a
     * change to any space's page tables is invalidated at once, running or not.
     */
    private final AddressSpace.Tlb tlb = new AddressSpace.Tlb() {
        @Override
        public void invalidate(AddressSpace space, int va) {
            cpu.invalidatePage(va);
        }

        @Override
        public void flush(AddressSpace space) {
            cpu.invalidateAddressSpace(space.pcid);
        }

        @Override
        public void destroyed(AddressSpace space) {
            cpu.invalidateAddressSpace(space.pcid);
            pcids.release(space.pcid);
            space.pcid = Pcids.UNTAGGED;
        }
    };
    private final Pcids pcids = new Pcids();
    /** Every thread that has not been reaped, by id. */
    private final Map<Integer, Task> tasks = new LinkedHashMap<>();
    private final Task idle = new Task(0);
    private final WaitQueue hostInput = new WaitQueue("host input");

    private SyscallHandler syscalls;
    private ProcessEvents processEvents;
    private Task current;
    /** The thread whose general registers are in the CPU. */
    private Task live;
    private AddressSpace activeSpace;
    private boolean needResched;
    private boolean started;
    private int entry;
    private long sliceStart;
    private long idleCycles;
    private long contextSwitches;
    private boolean timerRunning;
    /** Threads in a timed sleep, in the order they went to sleep. */
    private final List<Task> timed = new ArrayList<>();
    private boolean shutdown;
    private int shutdownStatus;
    private String panicReason;

    public Microkernel(KernelConfig config) {
        this(config, new RoundRobin(config.quantum()));
    }

    public Microkernel(KernelConfig config, SchedulingPolicy policy) {
        this.config = config;
        this.trace = config.trace();
        this.policy = policy;
        this.memory = new PhysicalMemory(config.memoryBytes());
        if (config.memoryBytes() < 2L * Layout.RESERVED) {
            throw new IllegalArgumentException("the kernel needs at least 2 MiB of memory, got "
                    + config.memoryBytes() + " bytes");
        }
        this.cpu = new Cpu(memory);
        this.frames = new Frames(memory);
        this.userMemory = new UserMemory(memory, this);
        this.calls = new KernelCalls(this);
        this.loadAverage = new LoadAverage(5 * KernelConfig.CLOCK_HZ);
        idle.state = TaskState.RUNNABLE;
        idle.setName("idle");
        boot();
        current = idle;
        live = idle;
    }

    /** Connects the layers above: who handles syscalls, who hears of faults and pending work. */
    public void attach(SyscallHandler syscalls, ProcessEvents processEvents) {
        this.syscalls = syscalls;
        this.processEvents = processEvents;
    }

    public KernelCalls calls() {
        return calls;
    }

    // ---- boot ----

    /** Kernel half page table, IDT of host gates, TSS, syscall MSRs, the idle loop; paging on. */
    private void boot() {
        for (int pa = 0; pa < Layout.RESERVED; pa += Layout.PAGE) {
            int flags = PageTables.P | (pa == Layout.IDLE_CODE ? 0 : PageTables.RW | PageTables.NX);
            memory.write32(Layout.KERNEL_PAGE_TABLE + (pa >>> 12) * 4, pa | flags);
        }
        memory.write32(Layout.KERNEL_DIRECTORY + (Layout.KERNEL_BASE >>> 22) * 4,
                Layout.KERNEL_PAGE_TABLE | PageTables.P | PageTables.RW);
        // The idle loop, ring 0: sti; hlt; jmp back to sti.
        memory.load(Layout.IDLE_CODE, new byte[] {(byte) 0xFB, (byte) 0xF4, (byte) 0xEB, (byte) 0xFC});

        int exceptionGate = cpu.registerHostGate(this::exceptionGate);
        int interruptGate = cpu.registerHostGate(this::interruptGate);
        int syscallGate = cpu.registerHostGate(this::syscallGate);
        for (int vector = 0; vector < 256; vector++) {
            int offset = vector < 32 ? exceptionGate : interruptGate;
            // As on Linux, ring 3 may use int 0x80 and int3 itself; any other int n is a #GP.
            int dpl = vector == Vectors.SYSCALL || vector == Vectors.BREAKPOINT ? 3 : 0;
            Gates.write(memory, Layout.IDT, vector, offset, 0, dpl, Gates.HOST_INTERRUPT_GATE);
        }
        cpu.setIdt(Layout.virt(Layout.IDT), 256 * 8 - 1);
        memory.write32(Layout.TSS + Gates.TSS_ESP0, Layout.virt(Layout.KERNEL_STACK_TOP));
        cpu.setTaskRegister(Layout.virt(Layout.TSS));
        cpu.setMsr(Msr.EFER, Msr.EFER_SCE);
        cpu.setMsr(Msr.SYSCALL_ESP, Integer.toUnsignedLong(Layout.virt(Layout.KERNEL_STACK_TOP)));
        cpu.setMsr(Msr.FMASK, Flags.IF | Flags.TF | Flags.DF);
        cpu.setMsr(Msr.SYSCALL_HOST_GATE, syscallGate);
        cpu.setControlRegister(3, Layout.KERNEL_DIRECTORY);
        cpu.setControlRegister(0, ControlRegisters.CR0_PE | ControlRegisters.CR0_PG | ControlRegisters.CR0_WP);
        cpu.setControlRegister(4, cpu.cr4() | ControlRegisters.CR4_PCIDE);
    }

    // ---- running ----

    /**
     * Runs the machine for up to {@code cycles} virtual cycles. The first call starts whichever
     * thread the scheduler picks.
     */
    public RunResult run(long cycles) {
        if (shutdown) {
            return RunResult.SHUTDOWN;
        }
        if (panicReason != null) {
            return RunResult.PANIC;
        }
        if (!started) {
            started = true;
            schedule();
            loadRegisters(current);
            live = current;
            resumeDirectly(current);
        }
        Exit exit = cpu.run(cycles);
        return switch (exit) {
            case BUDGET -> RunResult.BUDGET;
            case STOPPED -> shutdown ? RunResult.SHUTDOWN : panicReason != null ? RunResult.PANIC : RunResult.BUDGET;
            case HALTED -> hostInput.isEmpty() ? RunResult.DEADLOCK : RunResult.WAITING_FOR_INPUT;
            case TRIPLE_FAULT -> {
                panicReason = cpu.shutdownCause() != null
                        ? "kernel bug: " + cpu.shutdownCause() : "triple fault: " + cpu.shutdownReason();
                yield RunResult.PANIC;
            }
        };
    }

    /** The first entry into user mode: no gate to return through, so set the CPU up as iret would. */
    private void resumeDirectly(Task task) {
        Context c = task.context;
        switchSpace(task);
        cpu.setEflags(c.ring == 3 ? userFlags(c.eflags) : c.eflags);
        cpu.setCpl(c.ring);
        cpu.setEip(c.eip);
        cpu.setReg(ESP, c.esp);
        task.since = cpu.cycles();
    }

    // ---- entries ----

    private void syscallGate(Cpu c, int vector, int errorCode) {
        Task task = current;
        Context context = task.context;
        context.eip = (int) c.msr(Msr.SYSRET_EIP);
        context.esp = (int) c.msr(Msr.SYSRET_ESP);
        context.eflags = (int) c.msr(Msr.SYSRET_EFLAGS);
        context.ring = 3;
        entry = ENTRY_SYSCALL;
        syscall(task);
        leave();
    }

    private void interruptGate(Cpu c, int vector, int errorCode) {
        enterThroughGate();
        if (vector == Vectors.SYSCALL) {
            syscall(current);
        } else if (vector == Vectors.TIMER) {
            tick();
        } else if (vector == Vectors.CONSOLE) {
            wakeAll(hostInput);
        }
        leave();
    }

    private void exceptionGate(Cpu c, int vector, int errorCode) {
        if (Vectors.hasErrorCode(vector)) {
            c.setReg(ESP, c.reg(ESP) + 4);
        }
        enterThroughGate();
        Task task = current;
        if (task.context.ring != 3) {
            panic(String.format("%s in the kernel at eip %#x (error code %#x, cr2 %#x)", Vectors.name(vector),
                    task.context.eip, errorCode, c.cr2()));
            return;
        }
        userException(task, vector, errorCode);
        leave();
    }

    /** Captures EIP, EFLAGS and ESP from the frame a gate delivered at ESP. */
    private void enterThroughGate() {
        int frame = cpu.reg(ESP) - Layout.KERNEL_BASE;
        Context context = current.context;
        context.eip = memory.read32(frame);
        context.ring = memory.read32(frame + 4) & 3;
        context.eflags = memory.read32(frame + 8);
        context.esp = context.ring == 3 ? memory.read32(frame + 12) : cpu.reg(ESP) + 12;
        entry = ENTRY_GATE;
        account();
    }

    /** Charges the cycles since the thread last entered the kernel or was switched in. */
    private void account() {
        long now = cpu.cycles();
        if (current == idle) {
            idleCycles += now - idle.since;
        } else {
            current.userCycles += now - current.since;
        }
        current.since = now;
    }

    private void chargeSystem(Task task, int cycles) {
        cpu.addCycles(cycles);
        task.systemCycles += cycles;
        task.since += cycles;
    }

    private void syscall(Task task) {
        if (entry == ENTRY_SYSCALL) {
            account();
        }
        chargeSystem(task, SYSCALL_CYCLES);
        task.restartOnWake = false;
        int result = syscalls.syscall(task, cpu.reg(EAX), cpu.reg(EBX), cpu.reg(ECX), cpu.reg(EDX),
                cpu.reg(ESI), cpu.reg(EDI), cpu.reg(EBP));
        if (result == SyscallHandler.PARKED) {
            if (task.restartOnWake) {
                // Both int 0x80 and syscall are two bytes: back onto the instruction, to run it again.
                task.context.eip -= 2;
            }
            if (task.workPending && task.state == TaskState.SLEEPING) {
                // A signal is already pending: the thread does not sleep (Linux checks before sleeping).
                if (!task.restartOnWake) {
                    setRegister(task, EAX, -4);
                }
                makeRunnable(task);
            }
        } else if (result != SyscallHandler.KEEP_REGISTERS) {
            setRegister(task, EAX, result);
        }
    }

    private void userException(Task task, int vector, int errorCode) {
        switch (vector) {
            case Vectors.PAGE_FAULT -> {
                int address = cpu.cr2();
                boolean write = (errorCode & PageTables.ERR_WRITE) != 0;
                boolean fetch = (errorCode & PageTables.ERR_FETCH) != 0;
                FaultResolution how = resolveFault(task, address, write, fetch, false);
                if (how == FaultResolution.OUT_OF_MEMORY) {
                    processEvents.fault(task, Signal.SIGKILL, 0, address, vector, errorCode);
                } else if (!how.resolved()) {
                    int code = how == FaultResolution.UNMAPPED ? SignalCodes.SEGV_MAPERR : SignalCodes.SEGV_ACCERR;
                    signalFault(task, Signal.SIGSEGV, code, address, vector, errorCode);
                }
            }
            case Vectors.DIVIDE_ERROR -> signalFault(task, Signal.SIGFPE, SignalCodes.FPE_INTDIV, task.context.eip,
                    vector, errorCode);
            case Vectors.INVALID_OPCODE -> signalFault(task, Signal.SIGILL, SignalCodes.ILL_ILLOPN, task.context.eip,
                    vector, errorCode);
            case Vectors.BREAKPOINT -> signalFault(task, Signal.SIGTRAP, SignalCodes.SI_KERNEL, 0, vector, errorCode);
            case Vectors.DEBUG -> signalFault(task, Signal.SIGTRAP, SignalCodes.TRAP_TRACE, task.context.eip, vector,
                    errorCode);
            case 17 -> signalFault(task, Signal.SIGBUS, SignalCodes.BUS_ADRALN, 0, vector, errorCode);
            default -> signalFault(task, Signal.SIGSEGV, SignalCodes.SI_KERNEL, 0, vector, errorCode);
        }
    }

    private void signalFault(Task task, int signal, int code, int address, int vector, int errorCode) {
        if (trace.on(Category.TRAP)) {
            event(Category.TRAP, String.format("%s %s at eip %#x (error code %#x) -> signal %d", who(task),
                    Vectors.name(vector), task.context.eip, errorCode, signal));
        }
        processEvents.fault(task, signal, code, address, vector, errorCode);
    }

    /** A page fault by {@code task} (or by the kernel copying for it), resolved from its regions. */
    FaultResolution resolveFault(Task task, int address, boolean write, boolean fetch, boolean byKernel) {
        FaultResolution how = task.space.resolve(address, write, fetch);
        if (how.resolved()) {
            chargeSystem(task, FAULT_CYCLES);
        }
        if (trace.on(Category.MM)) {
            event(Category.MM, String.format("%s page fault at %#010x (%s%s) -> %s", who(task), address,
                    fetch ? "fetch" : write ? "write" : "read", byKernel ? ", in copy" : "", how));
        }
        return how;
    }

    private void tick() {
        long now = cpu.cycles();
        expireTimers(now);
        loadAverage.update(now, activeCount());
        if (current != idle && policy.shouldPreempt(current, now - sliceStart)) {
            needResched = true;
        }
    }

    /** Runnable and uninterruptible threads, for the load average. */
    private int activeCount() {
        int n = 0;
        for (Task t : tasks.values()) {
            if (t.state == TaskState.RUNNABLE || t.state == TaskState.UNINTERRUPTIBLE) {
                n++;
            }
        }
        return n;
    }

    // ---- exit path ----

    /** Delivers pending work, picks who runs, and sets up the return to it. */
    private void leave() {
        while (true) {
            if (current != idle && current.state == TaskState.RUNNABLE && hasDeliverableWork(current)) {
                current.workPending = false;
                processEvents.beforeUserReturn(current);
                continue;
            }
            if (needResched || current == idle || current.state != TaskState.RUNNABLE) {
                schedule();
                if (current != idle && hasDeliverableWork(current)) {
                    continue;
                }
            }
            break;
        }
        if (shutdown || panicReason != null) {
            cpu.requestStop();
        }
        if (live != current) {
            saveRegisters(live);
            loadRegisters(current);
            live = current;
        }
        Context c = current.context;
        if (c.ring == 3 && entry == ENTRY_SYSCALL) {
            cpu.setMsr(Msr.SYSRET_EIP, Integer.toUnsignedLong(c.eip));
            cpu.setMsr(Msr.SYSRET_ESP, Integer.toUnsignedLong(c.esp));
            cpu.setMsr(Msr.SYSRET_EFLAGS, Integer.toUnsignedLong(userFlags(c.eflags)));
        } else {
            buildIretFrame(c);
            if (entry == ENTRY_SYSCALL) {
                cpu.leaveSyscallByIret();
            }
        }
        current.since = cpu.cycles();
    }

    /** Pending work waits while a woken thread has yet to run its restarted syscall. */
    private static boolean hasDeliverableWork(Task task) {
        return task.workPending && !(task.restartOnWake && task.wokenByEvent);
    }

    /** Ring 3 frames go at the top of the kernel stack; a ring-0 one (idle) on the thread's own stack. */
    private void buildIretFrame(Context c) {
        int sp = c.ring == 3 ? Layout.virt(Layout.KERNEL_STACK_TOP) - 16 : c.esp - 12;
        int pa = sp - Layout.KERNEL_BASE;
        memory.write32(pa, c.eip);
        memory.write32(pa + 4, Registers.codeSelector(c.ring));
        memory.write32(pa + 8, c.ring == 3 ? userFlags(c.eflags) : c.eflags);
        if (c.ring == 3) {
            memory.write32(pa + 12, c.esp);
        }
        cpu.setReg(ESP, sp);
    }

    /** User mode gets its arithmetic and direction flags back, interrupts on, IOPL 0 — nothing more. */
    private static int userFlags(int eflags) {
        return (eflags & USER_FLAGS) | Flags.IF;
    }

    private void schedule() {
        needResched = false;
        Task previous = current;
        if (previous != idle && previous.state == TaskState.RUNNABLE) {
            policy.ready(previous);
        }
        Task next = policy.next();
        if (next == null) {
            next = idle;
            idle.context.eip = Layout.virt(Layout.IDLE_CODE);
            idle.context.esp = Layout.virt(Layout.IDLE_STACK_TOP);
            idle.context.eflags = Flags.IF;
            idle.context.ring = 0;
        }
        if (next != previous) {
            contextSwitches++;
            if (trace.on(Category.SCHED)) {
                event(Category.SCHED, String.format("switch %s -> %s (%s)", who(previous), who(next),
                        previous.state == TaskState.RUNNABLE ? previous == idle ? "work to do" : "preempted"
                                : previous.state == TaskState.DEAD ? "exited"
                                : "blocked on " + previous.waitingOn));
            }
        }
        current = next;
        sliceStart = cpu.cycles();
        switchSpace(next);
        setTimer(next != idle);
    }

    private void switchSpace(Task next) {
        if (next != idle && next.space != activeSpace) {
            load(next.space);
        }
    }

    /** CR3 := the space's directory and PCID; an untagged space (PCID 0) starts with nothing cached. */
    private void load(AddressSpace space) {
        activeSpace = space;
        int pcid = space != null ? space.pcid : 0;
        cpu.setControlRegister(3, (space != null ? space.directory : Layout.KERNEL_DIRECTORY) | pcid);
        if (pcid == 0) {
            cpu.invalidateAddressSpace(0);
        }
    }

    /**
     * Tickless idle: the timer ticks only while there is a thread to preempt (a sleeper's deadline
     * is then met at the first tick after it, as Linux's jiffies do); an idle CPU sets it to fire
     * once, at the earliest deadline, or not at all.
     */
    private void setTimer(boolean threadRunning) {
        if (threadRunning) {
            if (!timerRunning) {
                timerRunning = true;
                cpu.timer().out(IntervalTimer.PORT, 4, (int) config.tickCycles());
            }
            return;
        }
        timerRunning = false;
        long earliest = earliestDeadline();
        long wait = earliest == Task.NO_DEADLINE ? 0 : Math.max(1, Math.min(earliest - cpu.cycles(), Integer.MAX_VALUE));
        cpu.timer().out(IntervalTimer.PORT, 4, (int) wait);
    }

    private void saveRegisters(Task task) {
        for (int r = 0; r < 8; r++) {
            if (r != ESP) {
                task.context.regs[r] = cpu.reg(r);
            }
        }
    }

    private void loadRegisters(Task task) {
        for (int r = 0; r < 8; r++) {
            if (r != ESP) {
                cpu.setReg(r, task.context.regs[r]);
            }
        }
    }

    private void panic(String reason) {
        panicReason = reason;
        cpu.requestStop();
    }

    /**
     * The host has input for the guest: raised as the console's interrupt, whose handler wakes
     * every thread waiting for it (they retry their reads).
     */
    public void hostInputArrived() {
        cpu.raiseInterrupt(Vectors.CONSOLE);
    }

    // ---- services for KernelCalls ----

    Task createTask(int id, AddressSpace space) {
        if (tasks.containsKey(id) || id <= 0) {
            throw new IllegalArgumentException("task id " + id + " is taken or invalid");
        }
        Task task = new Task(id);
        task.space = space;
        task.startCycles = cpu.cycles();
        tasks.put(id, task);
        return task;
    }

    /** Copies {@code parent}'s user state into {@code child}, reading the CPU if the parent is live. */
    void copyContext(Task parent, Task child) {
        child.context.copyFrom(parent.context);
        if (parent == live) {
            for (int r = 0; r < 8; r++) {
                if (r != ESP) {
                    child.context.regs[r] = cpu.reg(r);
                }
            }
        }
    }

    int register(Task task, int r) {
        if (r == ESP) {
            return task.context.esp;
        }
        return task == live ? cpu.reg(r) : task.context.regs[r];
    }

    void setRegister(Task task, int r, int value) {
        if (r == ESP) {
            task.context.esp = value;
        } else if (task == live) {
            cpu.setReg(r, value);
        } else {
            task.context.regs[r] = value;
        }
    }

    void makeRunnable(Task task) {
        if (task.state == TaskState.RUNNABLE || task.state == TaskState.DEAD) {
            return;
        }
        if (task.waitingOn != null) {
            task.waitingOn.waiters.remove(task);
            task.waitingOn = null;
        }
        task.state = TaskState.RUNNABLE;
        if (task != current) {
            policy.ready(task);
        }
        if (current == idle) {
            needResched = true;
        }
    }

    void yieldCpu(Task task) {
        if (task == current) {
            needResched = true;
        }
    }

    void park(Task task, WaitQueue queue, boolean restart, boolean interruptible) {
        if (task.state == TaskState.RUNNABLE && task != current) {
            policy.remove(task);
        }
        task.state = interruptible ? TaskState.SLEEPING : TaskState.UNINTERRUPTIBLE;
        task.wokenByEvent = false;
        task.waitingOn = queue;
        task.restartOnWake = restart;
        queue.waiters.add(task);
    }

    /** Parks {@code task} (restarting) until the virtual clock reaches {@code deadline} or a signal ends it. */
    void sleepUntil(Task task, long deadline) {
        if (task.timer == null) {
            task.timer = new WaitQueue("nanosleep");
        }
        task.wakeAt = deadline;
        if (!timed.contains(task)) {
            timed.add(task);
        }
        park(task, task.timer, true, true);
    }

    /** The timed sleep is over (done, or given up for a signal): the deadline goes. */
    void endSleep(Task task) {
        task.wakeAt = Task.NO_DEADLINE;
        timed.remove(task);
    }

    /** Wakes, in the order they went to sleep, the threads whose deadline has passed; they look at the clock again. */
    private void expireTimers(long now) {
        for (int i = 0; i < timed.size(); ) {
            Task t = timed.get(i);
            if (t.wakeAt <= now) {
                timed.remove(i);
                wakeAll(t.timer);
            } else {
                i++;
            }
        }
    }

    private long earliestDeadline() {
        long earliest = Task.NO_DEADLINE;
        for (Task t : timed) {
            earliest = Math.min(earliest, t.wakeAt);
        }
        return earliest;
    }

    void wakeAll(WaitQueue queue) {
        // Waking takes a thread off its queue, so the queue is walked from the front until empty: no copy per wake.
        List<Task> waiters = queue.waiters;
        while (!waiters.isEmpty()) {
            Task t = waiters.get(0);
            t.wokenByEvent = true;
            makeRunnable(t);
            if (!waiters.isEmpty() && waiters.get(0) == t) {
                waiters.remove(0); // a thread on a queue is always asleep; never loop on one that is not
            }
        }
    }

    void stop(Task task) {
        if (task.state == TaskState.DEAD) {
            return;
        }
        if (task.state == TaskState.RUNNABLE && task != current) {
            policy.remove(task);
        }
        if (task.waitingOn != null) {
            task.waitingOn.waiters.remove(task);
            task.waitingOn = null;
        }
        task.state = TaskState.STOPPED;
    }

    /** The thread is finished: off every queue, its address space freed. */
    void exitTask(Task task) {
        endSleep(task);
        if (task.state == TaskState.RUNNABLE && task != current) {
            policy.remove(task);
        }
        if (task.waitingOn != null) {
            task.waitingOn.waiters.remove(task);
            task.waitingOn = null;
        }
        task.state = TaskState.DEAD;
        replaceSpace(task, null);
    }

    /** Gives {@code task} a new address space (execve) and frees the old one. */
    void replaceSpace(Task task, AddressSpace space) {
        AddressSpace old = task.space;
        task.space = space;
        if (old == activeSpace) {
            load(space);
        }
        if (old != null) {
            old.destroy();
        }
    }

    void forget(Task task) {
        tasks.remove(task.id);
    }

    AddressSpace newSpace() {
        return tagged(AddressSpace.create(memory, frames, tlb));
    }

    AddressSpace forkSpace(AddressSpace space) {
        return tagged(space.fork());
    }

    private AddressSpace tagged(AddressSpace space) {
        if (space != null) {
            space.pcid = pcids.allocate();
        }
        return space;
    }

    void requestShutdown(int status) {
        shutdown = true;
        shutdownStatus = status;
        cpu.requestStop();
    }

    void event(Category category, String text) {
        trace.emit(cpu.cycles(), category, text);
    }

    String who(Task task) {
        return task == idle ? "idle" : task.name() + "[" + task.id + "]";
    }

    UserMemory userMemory() {
        return userMemory;
    }

    /** The IPC port table (docs/ipc.md), made on first use. */
    private Ports ports;

    Ports ports() {
        if (ports == null) {
            ports = new Ports(this);
        }
        return ports;
    }

    KernelTrace trace() {
        return trace;
    }

    WaitQueue hostInput() {
        return hostInput;
    }

    Task currentTask() {
        return current;
    }

    Task task(int id) {
        return tasks.get(id);
    }

    Map<Integer, Task> taskTable() {
        return Collections.unmodifiableMap(tasks);
    }

    // ---- observation, for the host and tests ----

    public Frames frames() {
        return frames;
    }

    public long cycles() {
        return cpu.cycles();
    }

    public long instructions() {
        return cpu.instructions();
    }

    public long contextSwitches() {
        return contextSwitches;
    }

    public long idleCycles() {
        return idleCycles;
    }

    public LoadAverage loadAverage() {
        return loadAverage;
    }

    public boolean isShutdown() {
        return shutdown;
    }

    public int shutdownStatus() {
        return shutdownStatus;
    }

    public String panicReason() {
        return panicReason;
    }

    public String policyName() {
        return policy.name();
    }

    /** The CPU, for tests of the core and for the debugger; servers never see it. */
    public Cpu cpu() {
        return cpu;
    }
}
