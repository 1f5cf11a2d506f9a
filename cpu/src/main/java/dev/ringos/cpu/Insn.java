package dev.ringos.cpu;

import dev.ringos.cpu.isa.InstructionForm;
import dev.ringos.cpu.isa.Op;

/**
 * A decoded instruction, ready to execute: the decoder fills it once per physical page offset and
 * the interpreter reads it every time the instruction runs. Operands are normalised to a
 * destination and a source, each a register, the one memory operand, or the immediate.
 */
public final class Insn {
    public static final int NONE = 0, REG = 1, MEM = 2, IMM = 3;
    /** Register index 8 always reads zero: an absent base or index costs no branch. */
    static final int NO_REG = 8;

    /** The opcode table row, or null when the bytes are undefined (executes as #UD). */
    public InstructionForm form;
    public Op op;
    /** The interpreter's handler, chosen at decode time. */
    int exec;
    public int length;
    public int cycles;
    /** Operand size in bytes (1, 2, 4); srcSize differs for movzx/movsx. */
    public int size;
    public int srcSize;
    public int condition;

    public int dstKind;
    public int dst;
    public int srcKind;
    public int src;
    public int imm;

    public int base = NO_REG;
    public int index = NO_REG;
    public int scale;
    public int disp;

    void clear() {
        form = null;
        op = null;
        exec = 0;
        length = 0;
        cycles = 1;
        size = 4;
        srcSize = 4;
        condition = -1;
        dstKind = NONE;
        dst = 0;
        srcKind = NONE;
        src = 0;
        imm = 0;
        base = NO_REG;
        index = NO_REG;
        scale = 0;
        disp = 0;
    }

    void copyFrom(Insn o) {
        form = o.form;
        op = o.op;
        exec = o.exec;
        length = o.length;
        cycles = o.cycles;
        size = o.size;
        srcSize = o.srcSize;
        condition = o.condition;
        dstKind = o.dstKind;
        dst = o.dst;
        srcKind = o.srcKind;
        src = o.src;
        imm = o.imm;
        base = o.base;
        index = o.index;
        scale = o.scale;
        disp = o.disp;
    }

    public boolean isDefined() {
        return form != null;
    }

    @Override
    public String toString() {
        return form == null ? "(bad)" : form.syntax();
    }
}
