package dev.ringos.asm;

import dev.ringos.cpu.isa.Operand.Reg;

/** An instruction operand as written, before its expressions have values. */
public sealed interface ParsedOperand {

    /** How far a branch was asked to go: {@code jmp short x}, {@code jmp near x}, or left to the assembler. */
    enum Distance { ANY, SHORT, NEAR }

    int column();

    record Register(Reg register, int column) implements ParsedOperand {
    }

    /** {@code [address]}; size in bytes from a size keyword, or 0. */
    record Memory(int size, Expression address, int column) implements ParsedOperand {
    }

    record Immediate(int size, Expression value, Distance distance, int column) implements ParsedOperand {
    }
}
