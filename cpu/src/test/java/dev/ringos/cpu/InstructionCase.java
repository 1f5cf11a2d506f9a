package dev.ringos.cpu;

import static dev.ringos.cpu.isa.Operand.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.cpu.isa.CodeBuilder;
import dev.ringos.cpu.isa.Operand;
import dev.ringos.cpu.isa.Operand.Reg;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One row of an instruction-semantics table: a small ring 3 guest program that loads registers
 * (mov) and flags (push, popf), runs the instructions under test, stores EFLAGS with pushf and
 * exits with {@code int 0x80}; and the state expected afterwards. Every register the row does not
 * expect to change must keep its value, and the arithmetic flags must equal the given ones unless
 * the row expects others, so a row also says what an instruction leaves alone.
 *
 * <p>Memory: code at {@link #CODE}; two read-write data pages at {@link #DATA}; one read-only page
 * at {@link #READ_ONLY}; the stack below {@link #STACK_TOP}, ESP starting at {@link #SP}.
 */
final class InstructionCase {
    static final int CODE = GuestPrograms.CODE;
    static final int DATA = GuestPrograms.DATA;
    static final int READ_ONLY = DATA + 0x2000;
    static final int STACK_TOP = GuestPrograms.STACK_TOP;
    /** ESP at the start: below the top, so instructions may touch a little above it too. */
    static final int SP = STACK_TOP - 0x100;
    /** Where the epilogue leaves EFLAGS, EAX and EBX (its own exit needs the two registers). */
    private static final int SLOTS = 0x0820_0000;
    /** What the rest of a register holds when a row gives only its low 8 or 16 bits. */
    static final int BACKGROUND = 0xA5C3_5A3C;

    private final String name;
    private final Map<Integer, Integer> givenRegs = new LinkedHashMap<>();
    private Integer givenFlags;
    private final List<int[]> givenMemory = new ArrayList<>();
    private final List<Integer> openGates = new ArrayList<>();
    private final List<Consumer<CodeBuilder>> code = new ArrayList<>();
    private final List<Object[]> expectedRegs = new ArrayList<>();
    private final List<int[]> expectedMemory = new ArrayList<>();
    private Integer expectedFlags;
    private int undefinedFlags;
    private int flagBitsMask;
    private int flagBitsValue;
    private Integer trapVector;
    private String trapLabel;
    private Integer trapErrorCode;

    private InstructionCase(String name) {
        this.name = name;
    }

    /** A row named by the sentence it demonstrates. */
    static InstructionCase the(String name) {
        return new InstructionCase(name);
    }

    // ---- setup ----

    /**
     * The program loads a register first (mov r32, imm32). For al…bh and ax…dx the rest of the
     * 32-bit register holds what was given before, else a background pattern, so a row checks that
     * an 8- or 16-bit instruction leaves it alone.
     */
    InstructionCase given(Reg reg, int value) {
        int home = SingleInstructionMachine.home(reg);
        int[] regs = new int[8];
        regs[home] = givenRegs.getOrDefault(home, BACKGROUND);
        SingleInstructionMachine.put(regs, reg, value);
        givenRegs.put(home, regs[home]);
        return this;
    }

    /** Lets ring 3 reach {@code vector} with int n / int3 (gate DPL 3, as Linux sets #BP); BareMachine's is 0. */
    InstructionCase openGateToRing3(int vector) {
        openGates.add(vector);
        return this;
    }

    /** The program loads the arithmetic flags (and DF) first, with push and popf. */
    InstructionCase givenFlags(int flags) {
        givenFlags = flags;
        return this;
    }

    /** Memory holds {@code value} (little-endian, {@code size} bytes) at {@code va} before the program runs. */
    InstructionCase givenMemory(int va, int size, int value) {
        givenMemory.add(new int[] {va, size, value});
        return this;
    }

    // ---- the code under test ----

    InstructionCase run(String mnemonic, Operand... operands) {
        code.add(b -> b.emit(mnemonic, operands));
        return this;
    }

    InstructionCase label(String label) {
        code.add(b -> b.label(label));
        return this;
    }

    InstructionCase code(Consumer<CodeBuilder> more) {
        code.add(more);
        return this;
    }

    // ---- expectations ----

    /** The register (any size: al…bh, ax…dx, eax…edi) holds this value after; other bits are as given. */
    InstructionCase expect(Reg reg, int value) {
        expectedRegs.add(new Object[] {reg, value});
        return this;
    }

    /** The register holds the address {@code label} got in the program (a return address, say). */
    InstructionCase expectAddress(Reg reg, String label) {
        expectedRegs.add(new Object[] {reg, label});
        return this;
    }

    InstructionCase expectMemory(int va, int size, int value) {
        expectedMemory.add(new int[] {va, size, value});
        return this;
    }

    /** Exactly these of CF PF AF ZF SF OF are set after. */
    InstructionCase expectFlags(int arithmetic) {
        expectedFlags = arithmetic;
        return this;
    }

    /**
     * Flags the Intel manual leaves undefined after this row's instructions: not checked here (the
     * rows that pin down ringos's own choice for them say so in their names).
     */
    InstructionCase undefinedByIntel(int flags) {
        undefinedFlags = flags;
        return this;
    }

    /** Other EFLAGS bits (DF) after: those in {@code mask} equal {@code value}. */
    InstructionCase expectFlagBits(int mask, int value) {
        flagBitsMask = mask;
        flagBitsValue = value;
        return this;
    }

    /** The program stops with this trap, the EIP it reports being the address of {@code label}. */
    InstructionCase expectTrap(int vector, String label) {
        trapVector = vector;
        trapLabel = label;
        return this;
    }

    InstructionCase expectTrap(int vector, String label, int errorCode) {
        trapErrorCode = errorCode;
        return expectTrap(vector, label);
    }

    @Override
    public String toString() {
        return name;
    }

    // ---- running ----

    /** The whole guest program, prologue and epilogue included, and where its labels ended up. */
    CodeBuilder program() {
        CodeBuilder b = new CodeBuilder(CODE);
        if (givenFlags != null) {
            b.emit("push", imm(givenFlags | Flags.IF));
            b.emit("popf");
        }
        givenRegs.forEach((n, v) -> {
            if (n != Registers.ESP) {
                b.emit("mov", gp(n, 4), imm(v & 0xFFFF_FFFFL));
            }
        });
        if (givenRegs.containsKey(Registers.ESP)) {
            b.emit("mov", ESP, imm(givenRegs.get(Registers.ESP) & 0xFFFF_FFFFL));
        }
        b.label("start");
        code.forEach(c -> c.accept(b));
        b.label("end");
        b.emit("pushf");
        b.emit("pop", dwordAt(abs(SLOTS)));
        b.emit("mov", abs(SLOTS + 4), EAX);
        b.emit("mov", abs(SLOTS + 8), EBX);
        b.emit("mov", EAX, imm(BareMachine.SYS_EXIT));
        b.emit("mov", EBX, imm(0));
        b.emit("int", imm(0x80));
        return b;
    }

    /** Runs the program on a fresh machine and checks every expectation. */
    void check() {
        CodeBuilder b = program();
        byte[] bytes = b.assemble();
        BareMachine m = new BareMachine(2 << 20);
        m.loadUser(CODE, bytes, bytes.length, 0);
        m.loadUser(DATA, new byte[0], 0x2000, PageTables.RW | PageTables.NX);
        m.loadUser(READ_ONLY, new byte[0], 0x1000, PageTables.NX);
        m.loadUser(SLOTS, new byte[0], 0x1000, PageTables.RW | PageTables.NX);
        m.loadUser(STACK_TOP - 0x4000, new byte[0], 0x4000, PageTables.RW | PageTables.NX);
        Cpu cpu = m.cpu();
        for (int[] g : givenMemory) {
            write(cpu, g[0], g[1], g[2]);
        }
        for (int vector : openGates) {
            int high = BareMachine.IDT + vector * 8 + 4;
            cpu.memory().write32(high, cpu.memory().read32(high) | 3 << 13);
        }
        m.enterUser(CODE, SP);
        Exit exit = m.run(1_000_000);
        assertThat(cpu.shutdownCause()).as("%s: internal error", name).isNull();

        int[] regs = new int[8];
        for (int n = 0; n < 8; n++) {
            regs[n] = cpu.reg(n);
        }
        int eflags;
        if (trapVector != null) {
            assertThat(m.trap()).as("%s: trap", name).isNotNull();
            assertThat(m.trap().vector()).as("%s: trap vector (%s)", name, m.trap()).isEqualTo(trapVector);
            assertThat(m.trap().eip()).as("%s: EIP the trap reports", name).isEqualTo(b.address(trapLabel));
            if (trapErrorCode != null) {
                assertThat(m.trap().errorCode()).as("%s: error code", name).isEqualTo(trapErrorCode);
            }
            eflags = cpu.eflags();
        } else {
            assertThat(m.trap()).as("%s: trap", name).isNull();
            assertThat(exit).as("%s: exit", name).isEqualTo(Exit.STOPPED);
            assertThat(m.exitStatus()).as("%s: exit status", name).isZero();
            eflags = read(cpu, SLOTS, 4);
            regs[Registers.EAX] = read(cpu, SLOTS + 4, 4);
            regs[Registers.EBX] = read(cpu, SLOTS + 8, 4);
        }

        int[] expected = new int[8];
        expected[Registers.ESP] = SP;
        givenRegs.forEach((n, v) -> expected[n] = v);
        for (Object[] e : expectedRegs) {
            int value = e[1] instanceof String label ? b.address(label) : (Integer) e[1];
            SingleInstructionMachine.put(expected, (Reg) e[0], value);
        }
        for (int n = 0; n < 8; n++) {
            assertThat(hex(regs[n])).as("%s: %s", name, Registers.NAMES32.get(n)).isEqualTo(hex(expected[n]));
        }
        for (int[] e : expectedMemory) {
            assertThat(hex(read(cpu, e[0], e[1]))).as("%s: %d bytes at %#x", name, e[1], e[0]).isEqualTo(hex(e[2]));
        }
        int flags = expectedFlags != null ? expectedFlags : givenFlags != null ? givenFlags & Flags.ARITHMETIC : 0;
        int checked = Flags.ARITHMETIC & ~undefinedFlags;
        assertThat(SingleInstructionMachine.describeFlags(eflags & checked)).as("%s: arithmetic flags", name)
                .isEqualTo(SingleInstructionMachine.describeFlags(flags & checked));
        assertThat(eflags & flagBitsMask).as("%s: EFLAGS bits %#x", name, flagBitsMask).isEqualTo(flagBitsValue);
    }

    private static String hex(int value) {
        return String.format("%08x", value);
    }

    private static int read(Cpu cpu, int va, int size) {
        int value = 0;
        for (int k = 0; k < size; k++) {
            value |= cpu.memory().read8((int) cpu.physicalAddress(va + k)) << (8 * k);
        }
        return value;
    }

    private static void write(Cpu cpu, int va, int size, int value) {
        for (int k = 0; k < size; k++) {
            cpu.memory().write8((int) cpu.physicalAddress(va + k), value >>> (8 * k));
        }
    }
}
