package dev.ringos.kernel.servers.vfs;

/** A cpio archive that is not well-formed newc; the message says what is wrong and at which byte offset. */
public final class CpioFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public CpioFormatException(String message) {
        super(message);
    }
}
