package dev.ringos.asm.elf;

/**
 * A file that is not a ringos executable. The message is the reason, precise and without the
 * file's name (callers add it: {@code prog: not an ELF file …}); there is never a cause, since
 * the file, not the program, is at fault.
 */
public final class ElfFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public ElfFormatException(String reason) {
        super(reason);
    }
}
