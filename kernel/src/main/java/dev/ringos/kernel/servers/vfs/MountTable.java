package dev.ringos.kernel.servers.vfs;

import dev.ringos.kernel.syscall.Errno;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The mounts a process sees, in the order they were made. One table is shared by every process
 * now; a mount namespace will be a copy of it.
 */
public final class MountTable {
    private final List<Mount> mounts = new ArrayList<>();

    public MountTable(FileSystem rootFs) {
        mounts.add(new Mount(rootFs, null, null, "/", false));
    }

    public Mount root() {
        return mounts.get(0);
    }

    public List<Mount> mounts() {
        return Collections.unmodifiableList(mounts);
    }

    /** The mount most recently made on {@code dir} (reached through {@code parent}), or null. */
    Mount mountedOn(Mount parent, Inode dir) {
        for (int i = mounts.size() - 1; i > 0; i--) {
            Mount m = mounts.get(i);
            if (m.parent() == parent && m.mountpoint() == dir) {
                return m;
            }
        }
        return null;
    }

    /** Mounts {@code fs} on the directory at {@code at}, whose absolute path is {@code path}. */
    Mount mount(Location at, String path, FileSystem fs, boolean readOnly) {
        Mount m = new Mount(fs, at.mount(), at.inode(), path, readOnly);
        mounts.add(m);
        return m;
    }

    /** Unmounts the mount whose root {@code at} is; EINVAL if it is not a mount root, EBUSY if something is mounted inside. */
    void unmount(Location at) throws FsException {
        Mount m = at.mount();
        if (!at.isMountRoot()) {
            throw FsException.of(Errno.EINVAL);
        }
        if (m == root()) {
            throw FsException.of(Errno.EBUSY);
        }
        for (Mount other : mounts) {
            if (other.parent() == m) {
                throw FsException.of(Errno.EBUSY);
            }
        }
        mounts.remove(m);
    }
}
