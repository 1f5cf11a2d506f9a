package dev.ringos.kernel.servers.vfs.tty;

import dev.ringos.kernel.core.UserFault;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.FsProcess;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.OpenFile;

/** An open terminal: reads, writes and ioctls go to its {@link Tty}; it cannot seek (ESPIPE), as on Linux. */
final class TtyFile extends OpenFile {
    private final Tty tty;
    private final Inode node;

    TtyFile(Tty tty, Inode node, int flags) {
        super(flags);
        this.tty = tty;
        this.node = node;
    }

    @Override
    public Inode inode() {
        return node;
    }

    @Override
    public int read(FsProcess caller, byte[] into, int off, int length) throws FsException {
        return tty.read(caller, into, off, length);
    }

    @Override
    public int write(FsProcess caller, byte[] from, int off, int length) throws FsException {
        return tty.write(caller, from, off, length);
    }

    @Override
    public int ioctl(FsProcess caller, int request, int arg) throws FsException, UserFault {
        return tty.ioctl(this, caller, request, arg);
    }
}
