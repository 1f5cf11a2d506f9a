package dev.ringos.kernel.servers.vfs;

import dev.ringos.kernel.core.UserFault;
import dev.ringos.kernel.syscall.Errno;

/**
 * An open file description: what open(2), pipe(2) or a device made, shared by dup and fork. It
 * holds the status flags and the offset; reads and writes go to whatever it stands for. A read
 * or write that must wait returns {@link #WOULD_BLOCK} after telling the caller where
 * ({@link FsProcess#blockOn}); the VFS then fails with EAGAIN (O_NONBLOCK) or parks the caller,
 * whose syscall runs again when the queue is woken.
 */
public abstract class OpenFile {
    /** Returned by read and write: nothing can be done now; the caller has been told what to wait on. */
    public static final int WOULD_BLOCK = Integer.MIN_VALUE;

    /** O_ACCMODE plus the status flags fcntl(F_SETFL) may change (O_APPEND, O_NONBLOCK). */
    protected int flags;
    protected long offset;
    int references = 1;

    protected OpenFile(int flags) {
        this.flags = flags & OpenFlags.KEPT;
    }

    /** What fstat describes. */
    public abstract Inode inode();

    public int flags() {
        return flags;
    }

    /** F_SETFL: only O_APPEND and O_NONBLOCK change. */
    public void setStatusFlags(int value) {
        flags = (flags & ~OpenFlags.SETTABLE) | (value & OpenFlags.SETTABLE);
    }

    public boolean readable() {
        return (flags & OpenFlags.O_ACCMODE) != OpenFlags.O_WRONLY;
    }

    public boolean writable() {
        int mode = flags & OpenFlags.O_ACCMODE;
        return mode == OpenFlags.O_WRONLY || mode == OpenFlags.O_RDWR;
    }

    public boolean nonBlocking() {
        return (flags & OpenFlags.O_NONBLOCK) != 0;
    }

    public long offset() {
        return offset;
    }

    public int read(FsProcess caller, byte[] into, int off, int length) throws FsException {
        throw FsException.of(Errno.EINVAL);
    }

    public int write(FsProcess caller, byte[] from, int off, int length) throws FsException {
        throw FsException.of(Errno.EINVAL);
    }

    /** lseek; the new offset. */
    public long seek(long to, int whence) throws FsException {
        throw FsException.of(Errno.ESPIPE);
    }

    /** ioctl(2): the result, reading and writing the caller's memory at {@code arg} as the request says. */
    public int ioctl(FsProcess caller, int request, int arg) throws FsException, UserFault {
        throw FsException.of(Errno.ENOTTY);
    }

    /** The last descriptor referring to this description is gone. */
    protected void release() throws FsException {
    }
}
