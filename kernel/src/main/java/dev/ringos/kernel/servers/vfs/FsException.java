package dev.ringos.kernel.servers.vfs;

import dev.ringos.kernel.syscall.Errno;

/**
 * A file operation failed with a Linux errno. One shared instance per errno and no stack trace:
 * failing is an ordinary answer here (ENOENT on every PATH entry a shell tries), not a defect.
 */
public final class FsException extends Exception {
    private static final FsException[] BY_ERRNO = new FsException[Errno.values().length];

    private final transient Errno errno;

    private FsException(Errno errno) {
        super(errno.name(), null, false, false);
        this.errno = errno;
    }

    public static FsException of(Errno errno) {
        FsException e = BY_ERRNO[errno.ordinal()];
        if (e == null) {
            e = new FsException(errno);
            BY_ERRNO[errno.ordinal()] = e;
        }
        return e;
    }

    public Errno errno() {
        return errno;
    }

    /** The syscall result: minus the errno. */
    public int negated() {
        return errno.negated();
    }
}
