package dev.ringos.cpu;

import dev.ringos.cpu.isa.Encoder;
import dev.ringos.cpu.isa.Operand;
import dev.ringos.cpu.isa.Operand.Reg;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * A {@link BareMachine} in ring 3 with paging that executes one instruction at a time, its
 * registers and flags set from the host: for tests that run many instructions and compare state.
 * Each instruction is placed once in a user code area and run either through the interpreter
 * (with its fast paths, as guest code runs) or straight through the general {@link Executor}.
 */
final class SingleInstructionMachine {
    static final int CODE = GuestPrograms.CODE;
    static final int CODE_BYTES = 1 << 20;
    static final int DATA = GuestPrograms.DATA;
    static final int DATA_BYTES = 0x4000;
    static final int STACK_TOP = GuestPrograms.STACK_TOP;

    private final BareMachine machine = new BareMachine(16 << 20);
    private final Cpu cpu = machine.cpu();
    private final Executor generalPath;
    private final Map<ByteBuffer, Integer> placed = new HashMap<>();
    private int nextCode = CODE;

    SingleInstructionMachine() {
        machine.loadUser(CODE, new byte[0], CODE_BYTES, 0);
        machine.loadUser(DATA, new byte[0], DATA_BYTES, PageTables.RW | PageTables.NX);
        machine.loadUser(STACK_TOP - 0x4000, new byte[0], 0x4000, PageTables.RW | PageTables.NX);
        machine.enterUser(CODE, STACK_TOP);
        generalPath = new Executor(cpu, new Traps(cpu));
    }

    Cpu cpu() {
        return cpu;
    }

    /** The bytes of one instruction, encoded by the opcode table's encoder. */
    static byte[] encode(String mnemonic, Operand... operands) {
        return Encoder.encode(mnemonic, CODE, operands);
    }

    /** Where {@code instruction} sits in the code area (placed on first use, then reused). */
    int place(byte[] instruction) {
        return placed.computeIfAbsent(ByteBuffer.wrap(instruction.clone()), key -> {
            if (nextCode + instruction.length > CODE + CODE_BYTES) {
                throw new IllegalStateException("code area full");
            }
            int va = nextCode;
            for (int i = 0; i < instruction.length; i++) {
                cpu.memory().write8(physical(va + i), instruction[i]);
            }
            nextCode += instruction.length;
            return va;
        });
    }

    /** Runs {@code instruction} through the interpreter, exactly one instruction; fails on any trap. */
    void execute(byte[] instruction) {
        int va = place(instruction);
        cpu.setEip(va);
        long before = cpu.instructions();
        Exit exit = machine.run(1);
        if (exit != Exit.BUDGET || cpu.instructions() != before + 1 || cpu.eip() != va + instruction.length) {
            throw new AssertionError("'" + HexFormat.ofDelimiter(" ").formatHex(instruction) + "' did not run to its end: "
                    + exit + ", eip " + Integer.toHexString(cpu.eip()) + ", trap " + machine.trap()
                    + (cpu.shutdownCause() != null ? ", " + cpu.shutdownCause() : ""));
        }
    }

    /** Runs {@code instruction} through the general executor, bypassing the interpreter's fast paths. */
    void executeGenerally(byte[] instruction) {
        int va = place(instruction);
        Insn in = new Insn();
        Decoder.decode(i -> i < instruction.length ? instruction[i] & 0xFF : 0x90, in);
        if (in.length != instruction.length || !in.isDefined()) {
            throw new AssertionError("decoded as " + in + ", " + in.length + " bytes");
        }
        cpu.setEip(va);
        cpu.eip = generalPath.execute(in, va + in.length);
    }

    /**
     * Runs j{@code cc} rel8 (0x70 + cc) through the interpreter or the general executor and tells
     * whether it jumped. A jcc changes no flags, so all sixteen can follow the instruction under test.
     */
    boolean jumps(int cc, boolean generally) {
        byte[] jcc = {(byte) (0x70 + cc), 0x10};
        int va = place(jcc);
        if (generally) {
            executeGenerally(jcc);
        } else {
            cpu.setEip(va);
            Exit exit = machine.run(1);
            if (exit != Exit.BUDGET) {
                throw new AssertionError("j" + cc + " stopped with " + exit + ", trap " + machine.trap());
            }
        }
        if (cpu.eip() != va + 2 && cpu.eip() != va + 2 + 0x10) {
            throw new AssertionError(String.format("j%d went to %#x", cc, cpu.eip()));
        }
        return cpu.eip() == va + 2 + 0x10;
    }

    int physical(int va) {
        long pa = cpu.physicalAddress(va);
        if (pa < 0) {
            throw new IllegalArgumentException("not mapped: " + Integer.toHexString(va));
        }
        return (int) pa;
    }

    int read(int va, int size) {
        int value = 0;
        for (int k = 0; k < size; k++) {
            value |= cpu.memory().read8(physical(va + k)) << (8 * k);
        }
        return value;
    }

    void write(int va, int size, int value) {
        for (int k = 0; k < size; k++) {
            cpu.memory().write8(physical(va + k), value >>> (8 * k));
        }
    }

    /** All eight registers (ESP included). */
    int[] registers() {
        int[] values = new int[8];
        for (int n = 0; n < 8; n++) {
            values[n] = cpu.reg(n);
        }
        return values;
    }

    void setRegisters(int[] values) {
        for (int n = 0; n < 8; n++) {
            cpu.setReg(n, values[n]);
        }
    }

    /** The value of a general register operand of any size in {@code regs}: al…bh, ax…di, eax…edi. */
    static int get(int[] regs, Reg reg) {
        return switch (reg.size()) {
            case 1 -> reg.number() < 4 ? regs[reg.number()] & 0xFF : (regs[reg.number() - 4] >>> 8) & 0xFF;
            case 2 -> regs[reg.number()] & 0xFFFF;
            default -> regs[reg.number()];
        };
    }

    /** Stores into a general register operand of any size in {@code regs}, leaving the other bits. */
    static void put(int[] regs, Reg reg, int value) {
        int n = reg.number();
        switch (reg.size()) {
            case 1 -> {
                if (n < 4) {
                    regs[n] = (regs[n] & ~0xFF) | (value & 0xFF);
                } else {
                    regs[n - 4] = (regs[n - 4] & ~0xFF00) | (value & 0xFF) << 8;
                }
            }
            case 2 -> regs[n] = (regs[n] & 0xFFFF_0000) | (value & 0xFFFF);
            default -> regs[n] = value;
        }
    }

    /** The 32-bit register an operand of any size lives in. */
    static int home(Reg reg) {
        return reg.size() == 1 && reg.number() >= 4 ? reg.number() - 4 : reg.number();
    }

    /** The arithmetic flags set in {@code eflags}, by name: "CF ZF", or "-" for none. */
    static String describeFlags(int eflags) {
        StringBuilder names = new StringBuilder();
        String[] all = {"CF", "PF", "AF", "ZF", "SF", "OF"};
        int[] bits = {Flags.CF, Flags.PF, Flags.AF, Flags.ZF, Flags.SF, Flags.OF};
        for (int i = 0; i < bits.length; i++) {
            if ((eflags & bits[i]) != 0) {
                names.append(names.length() == 0 ? "" : " ").append(all[i]);
            }
        }
        return names.length() == 0 ? "-" : names.toString();
    }
}
