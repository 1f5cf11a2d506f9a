package dev.ringos.asm;

import java.util.List;

/** What one line asks for, parsed but not yet evaluated; names of labels are already qualified. */
public sealed interface Statement {

    /** {@code name:} — the name with a local label's scope prefixed ({@code _start.loop}). */
    record Label(String name, int column) implements Statement {
    }

    record Instruction(String mnemonic, int column, List<ParsedOperand> operands) implements Statement {
    }

    /** {@code db}/{@code dw}/{@code dd}: unit is 1, 2 or 4. */
    record Data(int unit, List<DataItem> items, int column) implements Statement {
    }

    sealed interface DataItem {
    }

    /** A string operand of db/dw/dd: its bytes, padded with zeros to a multiple of the unit. */
    record Text(String text, int column) implements DataItem {
    }

    record Value(Expression value) implements DataItem {
    }

    /** {@code resb}/{@code resw}/{@code resd}. */
    record Reserve(int unit, Expression count, int column) implements Statement {
    }

    record Times(Expression count, Statement body, int column) implements Statement {
    }

    /**
     * {@code align N} pads with nop, as NASM does in every section; {@code align N, db 0} repeats
     * the fill statement once per byte of padding (NASM's definition). In .bss it reserves.
     */
    record Align(Expression boundary, Statement fill, int column) implements Statement {
    }

    record SectionSwitch(Section section) implements Statement {
    }

    record Global(List<Token> names) implements Statement {
    }

    record Equ(String name, Expression value, int column) implements Statement {
    }
}
