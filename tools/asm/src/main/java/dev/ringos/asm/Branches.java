package dev.ringos.asm;

import dev.ringos.asm.ParsedOperand.Distance;
import dev.ringos.cpu.isa.InstructionForm;
import dev.ringos.cpu.isa.OpcodeTable;
import dev.ringos.cpu.isa.Operand;
import dev.ringos.cpu.isa.Operand.Imm;
import dev.ringos.cpu.isa.OperandType;
import java.io.ByteArrayOutputStream;

/**
 * Branches whose size the programmer chose: {@code jmp short x} must reach with rel8,
 * {@code jmp near x} always takes rel32. Without a keyword the encoder picks the shortest form.
 */
final class Branches {
    private Branches() {
    }

    static boolean isShort(Statement.Instruction in) {
        return distance(in) == Distance.SHORT;
    }

    /** A branch to an immediate target whose size is the assembler's to choose. */
    static boolean isAutomatic(Statement.Instruction in) {
        return in.operands().size() == 1 && in.operands().get(0) instanceof ParsedOperand.Immediate
                && Mnemonics.isBranch(in.mnemonic()) && distance(in) == Distance.ANY;
    }

    static boolean isNear(Statement.Instruction in) {
        return distance(in) == Distance.NEAR;
    }

    private static Distance distance(Statement.Instruction in) {
        if (in.operands().size() == 1 && in.operands().get(0) instanceof ParsedOperand.Immediate im
                && Mnemonics.isBranch(in.mnemonic())) {
            return im.distance();
        }
        return Distance.ANY;
    }

    /** The rel32 form of a branch to {@code target}. */
    static byte[] near(String mnemonic, int address, Operand target, int column) {
        String m = Mnemonics.canonical(mnemonic);
        for (InstructionForm form : OpcodeTable.FORMS) {
            if (form.mnemonic().equals(m) && form.operands().equals(java.util.List.of(OperandType.REL32))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                form.encoding().writeOpcode(out, 0);
                int end = address + out.size() + 4;
                int displacement = (int) ((Imm) target).value() - end;
                for (int k = 0; k < 4; k++) {
                    out.write(displacement >>> (8 * k));
                }
                return out.toByteArray();
            }
        }
        throw new AsmException(column, "'" + mnemonic + "' has no near form");
    }

    static AsmException outOfRange(Statement.Instruction in, Operand target, long here) {
        long distance = ((Imm) target).value() - (here + 2);
        return new AsmException(in.operands().get(0).column(), "short jump out of range: the target is " + distance
                + " bytes away and rel8 reaches -128 to 127 (drop 'short' to let the assembler choose)");
    }
}
