package dev.ringos.asm.disasm;

import dev.ringos.cpu.Insn;
import dev.ringos.cpu.Registers;
import dev.ringos.cpu.isa.Op;
import dev.ringos.cpu.isa.OperandType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One decoded instruction as NASM source: the opcode table's mnemonic, then its operands in the
 * table's order. The text assembles back to the same instruction, so a memory operand carries a
 * size keyword exactly when no register operand implies its size, and numbers are written in hex.
 */
public final class IntelSyntax {
    /** The decoder's "no register" index for an absent base or index. */
    private static final int NO_REG = 8;

    private IntelSyntax() {
    }

    /**
     * @param address where the instruction is, for the absolute target of a relative branch
     * @param target  what to append after a branch target (" <label>"), or null for nothing
     */
    public static String format(Insn in, int address, IntFunction<String> target) {
        if (!in.isDefined()) {
            return "(bad)";
        }
        List<OperandType> types = in.form.operands();
        List<String> parts = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            parts.add(operand(in, i, address, target));
        }
        return parts.isEmpty() ? in.form.mnemonic() : in.form.mnemonic() + " " + String.join(", ", parts);
    }

    private static String operand(Insn in, int i, int address, IntFunction<String> target) {
        OperandType t = in.form.operands().get(i);
        int kind = i == 0 ? in.dstKind : i == 1 ? in.srcKind : Insn.IMM;
        int reg = i == 0 ? in.dst : in.src;
        return switch (t) {
            case R8, R16, R32, AL, AX, EAX, CL, DX -> register(reg, t.size());
            case RM8, RM16, RM32 -> kind == Insn.REG ? register(reg, t.size()) : sizeKeyword(in, i) + memory(in);
            case M, MOFFS8, MOFFS16, MOFFS32 -> memory(in);
            case CR -> "cr" + reg;
            case CS -> "cs";
            case ONE -> "1";
            case IMM8, IMM16, IMM32 -> hex(in.imm);
            case SIMM8 -> hex(in.form.operandSize() == 2 ? in.imm & 0xFFFF : in.form.operandSize() == 1
                    ? in.imm & 0xFF : in.imm);
            case REL8, REL32 -> {
                int to = address + in.length + in.imm;
                String note = target == null ? null : target.apply(to);
                yield note == null ? hex(to) : hex(to) + note;
            }
        };
    }

    static String register(int number, int size) {
        List<String> names = size == 1 ? Registers.NAMES8 : size == 2 ? Registers.NAMES16 : Registers.NAMES32;
        return names.get(number & 7);
    }

    /**
     * "byte ", "word ", "dword " when nothing else gives the access size: no general register of
     * that size among the other operands. The 16-bit stores of x86 (smsw, str, ltr, mov r/m, cs) get
     * none, as NASM rejects a dword there and ringos has one size for them anyway.
     */
    private static String sizeKeyword(Insn in, int memoryOperand) {
        Op op = in.form.op();
        if (op == Op.SMSW || op == Op.STR || op == Op.LTR || op == Op.MOV_FROM_CS) {
            return "";
        }
        List<OperandType> types = in.form.operands();
        int size = types.get(memoryOperand).size();
        for (int i = 0; i < types.size(); i++) {
            OperandType t = types.get(i);
            boolean register = t == OperandType.R8 || t == OperandType.R16 || t == OperandType.R32
                    || t == OperandType.AL || t == OperandType.AX || t == OperandType.EAX;
            if (i != memoryOperand && register && t.size() == size) {
                return "";
            }
        }
        return size == 1 ? "byte " : size == 2 ? "word " : "dword ";
    }

    /** [base+index*scale+disp], [base-0x10], or [0x8049000] for an absolute address. */
    static String memory(Insn in) {
        StringBuilder s = new StringBuilder("[");
        if (in.base != NO_REG) {
            s.append(Registers.NAMES32.get(in.base & 7));
        }
        if (in.index != NO_REG) {
            if (in.base != NO_REG) {
                s.append('+');
            }
            s.append(Registers.NAMES32.get(in.index & 7)).append('*').append(1 << (in.scale & 3));
        }
        if (in.base == NO_REG && in.index == NO_REG) {
            s.append(hex(in.disp));
        } else if (in.disp < 0) {
            s.append("-0x").append(Long.toHexString(-(long) in.disp));
        } else if (in.disp > 0) {
            s.append("+").append(hex(in.disp));
        }
        return s.append(']').toString();
    }

    /** The 32-bit value as unsigned hex: 0x1f, 0xfffffffe. */
    static String hex(int value) {
        return "0x" + Integer.toHexString(value);
    }
}
