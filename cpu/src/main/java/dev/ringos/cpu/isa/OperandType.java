package dev.ringos.cpu.isa;

/** The operand types of the opcode table, named as in the Intel manual. */
public enum OperandType {
    R8("r8", 1), R16("r16", 2), R32("r32", 4),
    RM8("r/m8", 1), RM16("r/m16", 2), RM32("r/m32", 4),
    /** A memory operand whose size the instruction implies (lea, lidt, invlpg). */
    M("m", 0),
    IMM8("imm8", 1), IMM16("imm16", 2), IMM32("imm32", 4),
    /** An imm8 sign-extended to the operand size. */
    SIMM8("imm8", 1),
    REL8("rel8", 1), REL32("rel32", 4),
    /** An absolute 32-bit address right after the opcode (A0–A3). */
    MOFFS8("moffs8", 1), MOFFS16("moffs16", 2), MOFFS32("moffs32", 4),
    AL("al", 1), AX("ax", 2), EAX("eax", 4), CL("cl", 1), DX("dx", 2),
    ONE("1", 1),
    /** A control register, CR0–CR4, in the ModRM reg field. */
    CR("cr", 4),
    /** The code segment register: its low two bits are the CPL. */
    CS("cs", 2);

    private final String text;
    private final int size;

    OperandType(String text, int size) {
        this.text = text;
        this.size = size;
    }

    /** The operand size in bytes (0 for an untyped memory operand). */
    public int size() {
        return size;
    }

    public boolean isRegisterOrMemory() {
        return this == RM8 || this == RM16 || this == RM32 || this == M;
    }

    public boolean isModRmRegister() {
        return this == R8 || this == R16 || this == R32 || this == CR || this == CS;
    }

    public boolean isImmediate() {
        return this == IMM8 || this == IMM16 || this == IMM32 || this == SIMM8;
    }

    public boolean isRelative() {
        return this == REL8 || this == REL32;
    }

    public boolean isMoffs() {
        return this == MOFFS8 || this == MOFFS16 || this == MOFFS32;
    }

    @Override
    public String toString() {
        return text;
    }
}
