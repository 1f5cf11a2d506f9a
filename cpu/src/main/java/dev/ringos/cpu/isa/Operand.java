package dev.ringos.cpu.isa;

import dev.ringos.cpu.Registers;

/** An actual operand handed to the {@link Encoder}: a register, a memory reference, an immediate or a label. */
public sealed interface Operand permits Operand.Reg, Operand.Mem, Operand.Imm, Operand.Label {

    enum RegisterKind { GENERAL, CONTROL, SEGMENT }

    /** A register: general (size 1, 2 or 4), control (CRn) or the segment register cs. */
    record Reg(RegisterKind kind, int number, int size) implements Operand {
        @Override
        public String toString() {
            return switch (kind) {
                case CONTROL -> "cr" + number;
                case SEGMENT -> "cs";
                case GENERAL -> (size == 1 ? Registers.NAMES8 : size == 2 ? Registers.NAMES16 : Registers.NAMES32)
                        .get(number);
            };
        }
    }

    /**
     * {@code [base + index*scale + disp]}; base and index are register numbers or -1; size is the
     * access size in bytes, or 0 when the other operand implies it.
     */
    record Mem(int base, int index, int scale, int disp, int size) implements Operand {
        public Mem {
            if (scale != 1 && scale != 2 && scale != 4 && scale != 8) {
                throw new IllegalArgumentException("scale must be 1, 2, 4 or 8, got " + scale);
            }
            if (index == Registers.ESP) {
                throw new IllegalArgumentException("esp cannot be an index register");
            }
        }

        public Mem withSize(int newSize) {
            return new Mem(base, index, scale, disp, newSize);
        }
    }

    record Imm(long value) implements Operand {
    }

    /** A label's address (plus an addend), resolved by a {@link CodeBuilder}. */
    record Label(String name, int addend) implements Operand {
    }

    Reg EAX = gp(0, 4), ECX = gp(1, 4), EDX = gp(2, 4), EBX = gp(3, 4), ESP = gp(4, 4), EBP = gp(5, 4),
            ESI = gp(6, 4), EDI = gp(7, 4);
    Reg AX = gp(0, 2), CX = gp(1, 2), DX = gp(2, 2), BX = gp(3, 2);
    Reg AL = gp(0, 1), CL = gp(1, 1), DL = gp(2, 1), BL = gp(3, 1), AH = gp(4, 1), CH = gp(5, 1), DH = gp(6, 1),
            BH = gp(7, 1);
    Reg CS = new Reg(RegisterKind.SEGMENT, 1, 2);

    static Reg gp(int number, int size) {
        return new Reg(RegisterKind.GENERAL, number, size);
    }

    static Reg cr(int number) {
        return new Reg(RegisterKind.CONTROL, number, 4);
    }

    static Imm imm(long value) {
        return new Imm(value);
    }

    static Label label(String name) {
        return new Label(name, 0);
    }

    /** [base + disp], size implied by the other operand. */
    static Mem mem(Reg base, int disp) {
        return new Mem(base.number(), -1, 1, disp, 0);
    }

    static Mem mem(Reg base) {
        return mem(base, 0);
    }

    /** [base + index*scale + disp]; base may be null. */
    static Mem mem(Reg base, Reg index, int scale, int disp) {
        return new Mem(base == null ? -1 : base.number(), index.number(), scale, disp, 0);
    }

    /** [disp], an absolute address. */
    static Mem abs(int address) {
        return new Mem(-1, -1, 1, address, 0);
    }

    static Mem byteAt(Mem m) {
        return m.withSize(1);
    }

    static Mem wordAt(Mem m) {
        return m.withSize(2);
    }

    static Mem dwordAt(Mem m) {
        return m.withSize(4);
    }
}
