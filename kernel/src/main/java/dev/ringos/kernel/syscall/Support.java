package dev.ringos.kernel.syscall;

/** How far ringos implements a syscall, as docs/syscalls.md reports it. */
public enum Support {
    /** As Linux documents it, for every argument Linux accepts. */
    FULL("full"),
    /** The common cases; the note says what is missing. */
    PARTIAL("partial");

    private final String text;

    Support(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}
