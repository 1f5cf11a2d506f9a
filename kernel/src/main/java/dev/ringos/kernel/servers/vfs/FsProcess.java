package dev.ringos.kernel.servers.vfs;

import dev.ringos.kernel.core.WaitQueue;

/**
 * What the VFS keeps for each process (Minix's fproc): its descriptors, where it stands in the
 * tree, its umask, and the credentials the process manager gave it.
 */
public final class FsProcess {
    private final int pid;
    FdTable fds;
    MountTable mounts;
    Location root;
    Location cwd;
    int umask = 022;
    int uid;
    int gid;
    /** Set by an open file that answered WOULD_BLOCK: the queue the caller should sleep on. */
    private WaitQueue blockedOn;

    FsProcess(int pid) {
        this.pid = pid;
    }

    public int pid() {
        return pid;
    }

    public int uid() {
        return uid;
    }

    public int gid() {
        return gid;
    }

    public FdTable fds() {
        return fds;
    }

    public MountTable mounts() {
        return mounts;
    }

    public Location root() {
        return root;
    }

    public Location cwd() {
        return cwd;
    }

    public int umask() {
        return umask;
    }

    /** An open file that cannot go on names the queue whose wake-up means "try again". */
    public void blockOn(WaitQueue queue) {
        blockedOn = queue;
    }

    WaitQueue takeBlockedOn() {
        WaitQueue q = blockedOn;
        blockedOn = null;
        return q;
    }

    /** A child's state after fork: the same places and credentials, a copy of the descriptor table. */
    FsProcess fork(int childPid) {
        FsProcess c = new FsProcess(childPid);
        c.fds = fds.copy();
        c.mounts = mounts;
        c.root = root;
        c.cwd = cwd;
        c.umask = umask;
        c.uid = uid;
        c.gid = gid;
        return c;
    }
}
