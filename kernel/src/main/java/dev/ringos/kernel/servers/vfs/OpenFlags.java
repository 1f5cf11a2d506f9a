package dev.ringos.kernel.servers.vfs;

/** open(2)'s flags, Linux i386 values (octal as in the headers). */
public final class OpenFlags {
    public static final int O_ACCMODE = 03, O_RDONLY = 0, O_WRONLY = 01, O_RDWR = 02;
    public static final int O_CREAT = 0100, O_EXCL = 0200, O_NOCTTY = 0400, O_TRUNC = 01000, O_APPEND = 02000,
            O_NONBLOCK = 04000, O_DIRECTORY = 0200000, O_NOFOLLOW = 0400000, O_CLOEXEC = 02000000;
    /** What a description keeps of the flags it was opened with. */
    static final int KEPT = O_ACCMODE | O_APPEND | O_NONBLOCK;
    /** What F_SETFL may change. */
    static final int SETTABLE = O_APPEND | O_NONBLOCK;

    private OpenFlags() {
    }
}
