package dev.ringos.kernel.servers.vfs.procfs;

import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.syscall.Errno;

/**
 * A procfs inode: it knows its directory (files too, so a descriptor on one can be named),
 * belongs to root or, below /proc/PID, to that process's owner, and refuses every change of
 * its attributes with EPERM as Linux's /proc/PID entries do.
 */
abstract class ProcNode extends Inode {
    private final Inode parent;
    /** The process whose directory this is in, or null for the machine-wide files. */
    private final PidDirectory process;

    /** @param parent the directory holding it; null for the root, which is its own parent */
    ProcNode(ProcFs fs, long ino, int mode, Inode parent, PidDirectory process) {
        super(fs, ino, mode, 0, 0);
        this.parent = parent == null ? this : parent;
        this.process = process;
        long now = fs.now();
        atime = now;
        mtime = now;
        ctime = now;
    }

    final ProcFs procfs() {
        return (ProcFs) fs();
    }

    @Override
    public Inode parent() {
        return parent;
    }

    @Override
    public int uid() {
        return process == null ? 0 : process.ownerUid();
    }

    @Override
    public int gid() {
        return process == null ? 0 : process.ownerGid();
    }

    @Override
    public void modified(long now) {
    }

    @Override
    public void accessed(long now) {
    }

    @Override
    public void setPermissions(int permissions, long now) throws FsException {
        throw FsException.of(Errno.EPERM);
    }

    @Override
    public void setOwner(int uid, int gid, long now) throws FsException {
        throw FsException.of(Errno.EPERM);
    }
}
