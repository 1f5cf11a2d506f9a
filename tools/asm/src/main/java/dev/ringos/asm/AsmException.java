package dev.ringos.asm;

/** A problem found in one statement, at a column of its line; the assembler turns it into a diagnostic. */
public final class AsmException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int column;

    public AsmException(int column, String message) {
        super(message, null, false, false);
        this.column = column;
    }

    public int column() {
        return column;
    }
}
