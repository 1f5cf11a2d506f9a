package dev.ringos.cpu;

import static dev.ringos.cpu.Registers.ESP;

import java.util.ArrayList;
import java.util.List;

/**
 * The ringos CPU: registers, flags, privilege, control registers, the MMU, devices, and the
 * interpreter loop. Guest code can do anything to it and only ever causes guest traps; the host
 * drives it with {@link #run} and reaches guest state through the accessors here.
 *
 * <p>The hot path — fetch from the decoded-instruction cache, dispatch on a handler chosen at
 * decode time, TLB fast path for memory — allocates nothing.
 */
public final class Cpu {
    /** Virtual cycles a trap or interrupt delivery costs, on top of the instruction. */
    static final int DELIVERY_CYCLES = 20;

    // ---- architectural state (package-private: the interpreter's helpers use it directly) ----
    /** eax…edi, then a ninth register that is always zero (an absent base or index). */
    final int[] regs = new int[9];
    int eip;
    /** TF, IF, DF, IOPL and bit 1 always; PF AF ZF SF OF only while flagOp is EAGER; never CF. */
    int eflags = Flags.RESERVED_ONE;
    /** CF, 0 or 1, always current. */
    int carry;
    /** How the lazy flags follow from flagA, flagB and flagRes at width flagMask (see {@link Alu}). */
    int flagOp = Alu.EAGER;
    int flagA;
    int flagB;
    int flagRes;
    int flagMask = -1;
    int cpl;
    int cr0 = ControlRegisters.CR0_PE;
    int cr2;
    int cr3;
    int cr4;
    int idtBase;
    int idtLimit = 0xFFFF;
    /** Task register: the linear address of the TSS. */
    int tr;
    int efer;
    int lstar;
    int fmask;
    int syscallEsp;
    int sysretEip;
    int sysretEflags;
    int sysretEsp;
    int syscallHostGate;
    /** Set by the syscall host gate to return through an iret frame instead of sysret. */
    boolean leaveByIret;

    // ---- counters ----
    long cycles;
    long instructions;
    final long[] trapCounts = new long[256];

    // ---- machinery ----
    final PhysicalMemory memory;
    final Mmu mmu;
    final CpuFault fault = new CpuFault();
    final IoBus io;
    final IntervalTimer timer;
    final Console console;
    final List<HostGate> hostGates = new ArrayList<>();
    final Interpreter interpreter;
    final Events events;
    /** After an internal error: the Java exception behind it, for the host's report. */
    Throwable shutdownCause;

    public Cpu(PhysicalMemory memory) {
        this.memory = memory;
        this.mmu = new Mmu(this, memory);
        this.events = new Events(this);
        this.timer = new IntervalTimer(events);
        this.console = new Console(this);
        this.io = new IoBus();
        io.attach(IntervalTimer.PORT, timer);
        for (int port = Console.DATA; port <= Console.STATUS; port++) {
            io.attach(port, console);
        }
        this.interpreter = new Interpreter(this);
    }

    /** Runs until {@code budget} more cycles have passed, or hlt, a stop request or a triple fault. */
    public Exit run(long budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("cycle budget must not be negative: " + budget);
        }
        return interpreter.run(budget);
    }

    // ---- host access to state ----

    public PhysicalMemory memory() {
        return memory;
    }

    public int reg(int r) {
        return regs[checkRegister(r)];
    }

    public void setReg(int r, int value) {
        regs[checkRegister(r)] = value;
    }

    private static int checkRegister(int r) {
        if (r < 0 || r > 7) {
            throw new IllegalArgumentException("no register " + r + " (0–7: eax ecx edx ebx esp ebp esi edi)");
        }
        return r;
    }

    public int eip() {
        return eip;
    }

    public void setEip(int eip) {
        this.eip = eip;
    }

    /** EFLAGS as software sees it. */
    public int eflags() {
        return (eflags & ~Flags.ARITHMETIC) | Alu.arithmetic(this);
    }

    /** Sets every modifiable EFLAGS bit, as ring 0 may. */
    public void setEflags(int value) {
        int before = eflags;
        eflags = (value & Flags.MODIFIABLE) | Flags.RESERVED_ONE;
        carry = value & Flags.CF;
        flagOp = Alu.EAGER;
        events.flagsChanged(before, eflags);
    }

    /** Sets only the arithmetic flags, from already computed bits. */
    void setArithmetic(int bits) {
        eflags = (eflags & ~Flags.ARITHMETIC) | (bits & Flags.ARITHMETIC);
        carry = bits & Flags.CF;
        flagOp = Alu.EAGER;
    }

    void setLazy(int kind, int a, int b, int result, int mask) {
        flagOp = kind;
        flagA = a;
        flagB = b;
        flagRes = result;
        flagMask = mask;
    }

    public int cpl() {
        return cpl;
    }

    /**
     * Changes the privilege level; the MMU switches between its user and supervisor TLBs. The
     * interpreter's fetch page stays across a trip into the kernel, as an iTLB entry would: a page
     * user code may execute, ring 0 may too; only one checked with supervisor rights is dropped on
     * the way out to ring 3.
     */
    public void setCpl(int ring) {
        if (ring < 0 || ring > 3) {
            throw new IllegalArgumentException("ring must be 0–3, got " + ring);
        }
        if (ring == 3 && cpl != 3) {
            interpreter.enteringUserMode();
        }
        cpl = ring;
        mmu.setUser(ring == 3);
    }

    /** CS as the instruction that reads it reports it: its low two bits are the CPL. */
    public int cs() {
        return Registers.codeSelector(cpl);
    }

    public int cr0() {
        return cr0;
    }

    public int cr2() {
        return cr2;
    }

    public int cr3() {
        return cr3;
    }

    public int cr4() {
        return cr4;
    }

    /** Loads a control register as {@code mov crN, r32} does in ring 0. */
    public void setControlRegister(int n, int value) {
        if (!SystemInstructions.writeControlRegister(this, n, value)) {
            throw new IllegalArgumentException(String.format("cr%d cannot hold %#x", n, value));
        }
    }

    public int idtBase() {
        return idtBase;
    }

    public int idtLimit() {
        return idtLimit;
    }

    /** Loads IDTR as lidt does: the table's linear address and its limit (its size minus one, 0–0xFFFF). */
    public void setIdt(int base, int limit) {
        if (limit < 0 || limit > 0xFFFF) {
            throw new IllegalArgumentException(String.format("the IDT limit is 16 bits (0–0xffff), got %#x", limit));
        }
        idtBase = base;
        idtLimit = limit;
    }

    public int taskRegister() {
        return tr;
    }

    public void setTaskRegister(int tssAddress) {
        tr = tssAddress;
    }

    /** Reads an MSR as rdmsr does; unknown numbers throw. */
    public long msr(int number) {
        long value = SystemInstructions.readMsr(this, number);
        if (value < 0) {
            throw new IllegalArgumentException(String.format("no MSR %#x", number));
        }
        return value;
    }

    public void setMsr(int number, long value) {
        if (!SystemInstructions.writeMsr(this, number, value)) {
            throw new IllegalArgumentException(String.format("no MSR %#x, or it cannot hold %#x", number, value));
        }
    }

    /**
     * Forgets every translation of address space {@code pcid} (x86's INVPCID, single-context), for
     * a kernel that changed or freed the page tables of a process that is not running. ringos
     * decodes no INVPCID instruction; a kernel hosted in Java calls this.
     */
    public void invalidateAddressSpace(int pcid) {
        mmu.invalidateContext(pcid & 0xFFF);
        interpreter.forgetFetchPage();
    }

    /** Drops the TLB entries for the page holding {@code va}, as invlpg does. */
    public void invalidatePage(int va) {
        mmu.invalidatePage(va);
        interpreter.forgetFetchPage();
    }

    /**
     * Advances virtual time by {@code cycles}: a hosted kernel's Java code takes no guest
     * instructions, so it charges the work it models (a syscall, a page copy) this way.
     */
    public void addCycles(long cycles) {
        if (cycles < 0) {
            throw new IllegalArgumentException("time only moves forward: " + cycles);
        }
        // No poke: the interpreter compares the cycle count with the next event's after every instruction.
        this.cycles += cycles;
    }

    /**
     * From the syscall host gate: leave by iret through the frame at ESP instead of by sysret, as
     * Linux's slow path does when sysret cannot resume the context (another ring, a full frame).
     */
    public void leaveSyscallByIret() {
        leaveByIret = true;
    }

    /** Registers host code behind a gate; the number goes in an IDT descriptor or SYSCALL_HOST_GATE. */
    public int registerHostGate(HostGate gate) {
        if (gate == null) {
            throw new IllegalArgumentException("host gate must not be null");
        }
        hostGates.add(gate);
        return hostGates.size();
    }

    /** Raises an external interrupt line: delivered before the next instruction once IF allows. */
    public void raiseInterrupt(int vector) {
        if (vector < Events.FIRST_IRQ || vector >= Events.FIRST_IRQ + 64) {
            throw new IllegalArgumentException("external interrupts use vectors 32–95, got " + vector);
        }
        events.raise(vector);
    }

    /** Asks {@link #run} to return {@link Exit#STOPPED} before the next instruction. */
    public void requestStop() {
        events.requestStop();
    }

    /** Whether the CPU sits in hlt, waiting for an interrupt. */
    public boolean isHalted() {
        return events.halted;
    }

    /** After {@link Exit#TRIPLE_FAULT}: what happened, for the host to report. */
    public String shutdownReason() {
        return events.shutdownReason;
    }

    /** After a shutdown caused by a defect in ringos or in a host gate: the exception, else null. */
    public Throwable shutdownCause() {
        return shutdownCause;
    }

    public Console console() {
        return console;
    }

    public IntervalTimer timer() {
        return timer;
    }

    public IoBus io() {
        return io;
    }

    // ---- counters ----

    public long cycles() {
        return cycles;
    }

    public long instructions() {
        return instructions;
    }

    public long tlbHits() {
        return mmu.hits;
    }

    public long tlbMisses() {
        return mmu.misses;
    }

    public long trapCount(int vector) {
        return trapCounts[vector & 0xFF];
    }

    /** The physical address the current page tables map {@code va} to, or -1; touches nothing. */
    public long physicalAddress(int va) {
        return mmu.probe(va);
    }

    // ---- helpers for the interpreter ----

    int ea(Insn in) {
        return regs[in.base] + (regs[in.index] << in.scale) + in.disp;
    }

    int reg8(int r) {
        return r < 4 ? regs[r] & 0xFF : (regs[r - 4] >>> 8) & 0xFF;
    }

    void setReg8(int r, int value) {
        if (r < 4) {
            regs[r] = (regs[r] & ~0xFF) | (value & 0xFF);
        } else {
            regs[r - 4] = (regs[r - 4] & ~0xFF00) | (value & 0xFF) << 8;
        }
    }

    int getReg(int r, int size) {
        return switch (size) {
            case 1 -> reg8(r);
            case 2 -> regs[r] & 0xFFFF;
            default -> regs[r];
        };
    }

    void putReg(int r, int size, int value) {
        switch (size) {
            case 1 -> setReg8(r, value);
            case 2 -> regs[r] = (regs[r] & 0xFFFF_0000) | (value & 0xFFFF);
            default -> regs[r] = value;
        }
    }

    int readMem(int va, int size) {
        return switch (size) {
            case 1 -> mmu.read8(va);
            case 2 -> mmu.read16(va);
            default -> mmu.read32(va);
        };
    }

    void writeMem(int va, int size, int value) {
        switch (size) {
            case 1 -> mmu.write8(va, value);
            case 2 -> mmu.write16(va, value);
            default -> mmu.write32(va, value);
        }
    }

    void push32(int value) {
        int sp = regs[ESP] - 4;
        mmu.write32(sp, value);
        regs[ESP] = sp;
    }

    int pop32() {
        int value = mmu.read32(regs[ESP]);
        regs[ESP] += 4;
        return value;
    }

    CpuFault gp(int errorCode) {
        return fault.set(Vectors.GENERAL_PROTECTION, errorCode, true);
    }

    CpuFault ud() {
        return fault.set(Vectors.INVALID_OPCODE, 0, false);
    }

    boolean strict() {
        return (cr4 & ControlRegisters.CR4_SVE) != 0;
    }
}
