package dev.ringos.cpu;

import static dev.ringos.cpu.Registers.*;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ringos.cpu.isa.CodeBuilder;
import dev.ringos.cpu.isa.Encoding;
import dev.ringos.cpu.isa.InstructionForm;
import dev.ringos.cpu.isa.Operand;
import dev.ringos.cpu.isa.OperandType;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bare machine laid out for privilege and trap tests: user pages for code, data and stack (which
 * rings 0–2 may use as well), a supervisor-only area for ring-0 guest handlers, and a host gate on
 * every IDT vector and on syscall that records what arrived — vector, error code, the frame the CPU
 * pushed, the registers — pops the error code and stops the CPU, which so comes back to where the
 * trap left it. Tests replace single gates with their own.
 */
final class RingTestbed {
    static final int CODE = 0x0040_0000;
    static final int DATA = 0x0040_2000;
    /** Two user stack pages; ESP starts in the middle so a test can place a frame above it. */
    static final int STACK = 0x0040_4000;
    static final int USER_ESP = 0x0040_5800;
    /** Supervisor-only, identity-mapped by the bare machine. */
    static final int KERNEL_CODE = 0x4000;
    static final int KERNEL_DATA = 0x6000;
    /** A virtual address nothing maps. */
    static final int UNMAPPED = 0x00A0_0000;

    /** What a host gate saw when the CPU entered it. */
    record Arrival(int vector, int errorCode, int cpl, int esp, int eflags, int[] regs, Frame frame) {
        int reg(Operand.Reg r) {
            return regs[r.number()];
        }
    }

    /**
     * The frame delivery pushed, read at ESP on entry (after the error code when there is one).
     * oldEsp is -1 when delivery stayed in the same ring; none of it exists for syscall.
     */
    record Frame(int eip, int cs, int eflags, int oldEsp) {
        int ring() {
            return cs & 3;
        }
    }

    final BareMachine machine;
    final Cpu cpu;
    final PhysicalMemory memory;
    final List<Arrival> arrivals = new ArrayList<>();
    /** The recording gate's number, for {@link #setHostGate}. */
    final int recorder;

    RingTestbed() {
        machine = new BareMachine(2 << 20);
        cpu = machine.cpu();
        memory = cpu.memory();
        recorder = cpu.registerHostGate(this::record);
        for (int vector = 0; vector < 256; vector++) {
            setHostGate(vector, recorder, vector == Vectors.SYSCALL ? 3 : 0);
        }
        cpu.setMsr(Msr.SYSCALL_HOST_GATE, recorder);
        machine.loadUser(CODE, new byte[0], 2 * PhysicalMemory.PAGE_SIZE, PageTables.RW);
        machine.loadUser(DATA, new byte[0], PhysicalMemory.PAGE_SIZE, PageTables.RW | PageTables.NX);
        machine.loadUser(STACK, new byte[0], 2 * PhysicalMemory.PAGE_SIZE, PageTables.RW | PageTables.NX);
    }

    /** Points an IDT vector at a host gate, as an interrupt gate (IF cleared on entry). */
    void setHostGate(int vector, int gate, int dpl) {
        machine.setGate(vector, gate, dpl, Gates.HOST_INTERRUPT_GATE);
    }

    /** Points an IDT vector at ring-0 guest code. */
    void setGuestGate(int vector, int handler, int dpl, int type) {
        machine.setGate(vector, handler, dpl, type);
    }

    /** Clears the present bit of a gate. */
    void markNotPresent(int vector) {
        int high = BareMachine.IDT + vector * 8 + 4;
        memory.write32(high, memory.read32(high) & ~0x8000);
    }

    static CodeBuilder userCode() {
        return new CodeBuilder(CODE);
    }

    static CodeBuilder kernelCode() {
        return new CodeBuilder(KERNEL_CODE);
    }

    /** Copies code to CODE (in any ring's reach). */
    void load(byte[] code) {
        write(CODE, code);
    }

    /** Copies code to KERNEL_CODE (supervisor only). */
    void loadKernel(byte[] code) {
        write(KERNEL_CODE, code);
    }

    /** Starts at CODE in {@code ring} with ESP at USER_ESP, IF on and the given IOPL. */
    void enter(int ring, int iopl) {
        machine.enter(ring, CODE, USER_ESP);
        cpu.setEflags(Flags.IF | iopl << Flags.IOPL_SHIFT);
    }

    void setReg(Operand.Reg r, int value) {
        cpu.setReg(r.number(), value);
    }

    int reg(Operand.Reg r) {
        return cpu.reg(r.number());
    }

    Exit run() {
        return run(1_000_000);
    }

    /** Executes exactly one instruction (or its trap, whose gate stops the CPU). */
    Exit step() {
        return run(1);
    }

    /** cpu.run, failing instead of hanging if the CPU never comes back. */
    Exit run(long budget) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> cpu.run(budget),
                "run(" + budget + ") did not return");
    }

    /** The first gate entry, or null. */
    Arrival firstArrival() {
        return arrivals.isEmpty() ? null : arrivals.get(0);
    }

    /** Everything an instruction could change, as the host sees it (the DATA and stack pages as hashes). */
    record State(List<Integer> regs, int eip, int eflags, int cpl, int cr0, int cr2, int cr3, int cr4, int idtBase,
                 int idtLimit, int tr, List<Long> msrs, boolean halted, int dataHash, int stackHash) {
    }

    private static final int[] MSRS = {Msr.EFER, Msr.LSTAR, Msr.FMASK, Msr.SYSCALL_ESP, Msr.SYSRET_EIP,
            Msr.SYSRET_EFLAGS, Msr.SYSRET_ESP, Msr.SYSCALL_HOST_GATE};

    State snapshot() {
        List<Integer> regs = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            regs.add(cpu.reg(r));
        }
        List<Long> msrs = new ArrayList<>();
        for (int m : MSRS) {
            msrs.add(cpu.msr(m));
        }
        return new State(regs, cpu.eip(), cpu.eflags(), cpu.cpl(), cpu.cr0(), cpu.cr2(), cpu.cr3(), cpu.cr4(),
                cpu.idtBase(), cpu.idtLimit(), cpu.taskRegister(), msrs, cpu.isHalted(), pageHash(DATA),
                pageHash(USER_ESP));
    }

    private int pageHash(int va) {
        return Arrays.hashCode(memory.copy(physical(va & ~0xFFF), PhysicalMemory.PAGE_SIZE));
    }

    // ---- guest memory through the current page tables ----

    int read32(int va) {
        return memory.read32(physical(va));
    }

    int read16(int va) {
        return memory.read16(physical(va));
    }

    void write32(int va, int value) {
        memory.write32(physical(va), value);
    }

    void write(int va, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            memory.write8(physical(va + i), bytes[i]);
        }
    }

    private int physical(int va) {
        long pa = cpu.physicalAddress(va);
        if (pa < 0) {
            throw new IllegalArgumentException(String.format("%#x is not mapped", va));
        }
        return (int) pa;
    }

    // ---- the recording gate ----

    /** x86's vectors that push an error code. */
    static boolean hasErrorCode(int vector) {
        return vector == Vectors.DOUBLE_FAULT || vector >= 10 && vector <= 14 || vector == 17;
    }

    private void record(Cpu c, int vector, int errorCode) {
        arrivals.add(arrival(c, vector, errorCode));
        popErrorCode(c, vector);
        c.requestStop();
    }

    /** What an x86 handler does before its iret, and so must a host gate that returns. */
    static void popErrorCode(Cpu c, int vector) {
        if (vector >= 0 && hasErrorCode(vector)) {
            c.setReg(ESP, c.reg(ESP) + 4);
        }
    }

    /** What a host gate sees on entry; usable from any test's own gate. */
    Arrival arrival(Cpu c, int vector, int errorCode) {
        int[] regs = new int[8];
        for (int r = 0; r < 8; r++) {
            regs[r] = c.reg(r);
        }
        Frame frame = null;
        if (vector >= 0) {
            int sp = c.reg(ESP) + (hasErrorCode(vector) ? 4 : 0);
            int cs = read32(sp + 4);
            frame = new Frame(read32(sp), cs, read32(sp + 8), (cs & 3) != c.cpl() ? read32(sp + 12) : -1);
        }
        return new Arrival(vector, errorCode, c.cpl(), c.reg(ESP), c.eflags(), regs, frame);
    }

    // ---- one sample of any opcode-table row ----

    /**
     * Registers under which {@link #sample} of every row runs without a fault in ring 0: ebx, ebp,
     * esi, edi point into DATA, ecx names a real MSR (and is a harmless shift or rep count), edx:eax
     * is a value that MSR takes, DATA starts with the current IDTR, and the stack holds an iret frame
     * back to CODE in the same ring.
     */
    void prepareSample(int ring, int iopl) {
        enter(ring, iopl);
        cpu.setReg(EAX, 0);
        cpu.setReg(ECX, Msr.LSTAR);
        cpu.setReg(EDX, 0);
        cpu.setReg(EBX, DATA);
        cpu.setReg(EBP, DATA);
        cpu.setReg(ESI, DATA + 0x100);
        cpu.setReg(EDI, DATA + 0x200);
        memory.load(physical(DATA), new byte[PhysicalMemory.PAGE_SIZE]);
        memory.write16(physical(DATA), cpu.idtLimit());
        write32(DATA + 2, cpu.idtBase());
        write32(USER_ESP, CODE + 0x40);
        write32(USER_ESP + 4, Registers.codeSelector(ring));
        write32(USER_ESP + 8, Flags.IF | iopl << Flags.IOPL_SHIFT);
        write32(USER_ESP + 12, USER_ESP);
        cpu.setMsr(Msr.SYSRET_EIP, CODE + 0x40);
        cpu.setMsr(Msr.SYSRET_ESP, USER_ESP);
        cpu.setMsr(Msr.SYSRET_EFLAGS, Flags.IF);
    }

    /**
     * The row's own encoding with fixed operands: a ModRM register operand is ebx (bl, bx), a memory
     * one [ebx]; a register in the reg field or the opcode is edx (dl, dx), a control register cr2;
     * immediates and branch displacements are 1, moffs is DATA. Checked against the decoder, so the
     * bytes are this row and no other.
     */
    static byte[] sample(InstructionForm form) {
        Encoding e = form.encoding();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.writeOpcode(out, EDX);
        if (e.hasModRm()) {
            int reg = e.digit() >= 0 ? e.digit() : EDX;
            boolean memory = form.operands().contains(OperandType.M);
            out.write((memory ? 0 : 0xC0) | reg << 3 | EBX);
        }
        for (OperandType t : form.operands()) {
            if (t.isMoffs()) {
                writeLe(out, DATA, 4);
            }
        }
        writeLe(out, 1, e.immediateBytes());
        byte[] bytes = out.toByteArray();
        Insn decoded = new Insn();
        Decoder.decode(i -> i < bytes.length ? bytes[i] & 0xFF : 0x90, decoded);
        if (decoded.form != form || decoded.length != bytes.length) {
            throw new AssertionError("sample of '" + form + "' decodes as '" + decoded.form + "'");
        }
        return bytes;
    }

    private static void writeLe(ByteArrayOutputStream out, int value, int bytes) {
        for (int k = 0; k < bytes; k++) {
            out.write(k < 4 ? value >>> (8 * k) : 0);
        }
    }
}
