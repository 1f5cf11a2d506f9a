package dev.ringos.kernel.servers.vfs.pipe;

import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.UserFault;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.FsProcess;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.OpenFile;
import dev.ringos.kernel.syscall.Errno;

/**
 * An open file description on a pipe: the read or the write end pipe(2) makes, or whatever
 * access mode a FIFO was opened with (O_RDWR holds both ends). Seeking fails with ESPIPE, the
 * default. fstat describes {@link Pipe#inode}: pipefs's for pipe(2), the FIFO's own otherwise.
 */
public final class PipeEnd extends OpenFile {
    /** ioctl(FIONREAD): how many bytes a read would find now. */
    static final int FIONREAD = 0x541B;

    private final Pipe pipe;
    private final KernelCalls calls;
    /** Which counts of the pipe this description is in, fixed at open: F_SETFL cannot change the access mode. */
    private final boolean reads;
    private final boolean writes;
    private boolean released;

    /** {@code flags}' access mode says which end; the pipe's counts must already include it. */
    PipeEnd(Pipe pipe, KernelCalls calls, int flags) {
        super(flags);
        this.pipe = pipe;
        this.calls = calls;
        this.reads = readable();
        this.writes = writable();
    }

    @Override
    public Inode inode() {
        return pipe.inode();
    }

    @Override
    public int read(FsProcess caller, byte[] into, int off, int length) {
        return pipe.read(caller, into, off, length);
    }

    @Override
    public int write(FsProcess caller, byte[] from, int off, int length) throws FsException {
        return pipe.write(caller, from, off, length);
    }

    @Override
    public int ioctl(FsProcess caller, int request, int arg) throws FsException, UserFault {
        if (request != FIONREAD) {
            throw FsException.of(Errno.ENOTTY);
        }
        Task task = calls.task(caller.pid());
        calls.memory().writeInt(task, arg, pipe.available());
        return 0;
    }

    @Override
    protected void release() {
        if (!released) {
            released = true;
            pipe.closeEnds(reads, writes);
        }
    }
}
