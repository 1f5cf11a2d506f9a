package dev.ringos.kernel.servers.vfs;

import dev.ringos.kernel.syscall.Errno;

/** The classic Unix permission check: owner, group or other bits; root passes all but execute. */
final class Permissions {
    static final int READ = 4, WRITE = 2, EXECUTE = 1;

    private Permissions() {
    }

    static boolean permitted(FsProcess p, Inode inode, int want) {
        int mode = inode.mode();
        if (p.uid == 0) {
            // Root may execute only what someone may execute; a directory it may always search.
            return (want & EXECUTE) == 0 || inode.isDirectory() || (mode & 0111) != 0;
        }
        int bits = p.uid == inode.uid() ? mode >>> 6 : p.gid == inode.gid() ? mode >>> 3 : mode;
        return (bits & want) == want;
    }

    static void require(FsProcess p, Inode inode, int want) throws FsException {
        if (!permitted(p, inode, want)) {
            throw FsException.of(Errno.EACCES);
        }
    }

    /** chmod, chown's owner change, utime: only the owner or root. */
    static void requireOwner(FsProcess p, Inode inode) throws FsException {
        if (p.uid != 0 && p.uid != inode.uid()) {
            throw FsException.of(Errno.EPERM);
        }
    }

    /** Removing or renaming {@code victim} in {@code dir}: write and search on dir, and the sticky bit's rule. */
    static void requireDeletable(FsProcess p, Inode dir, Inode victim) throws FsException {
        require(p, dir, WRITE | EXECUTE);
        if ((dir.mode() & Modes.S_ISVTX) != 0 && p.uid != 0 && p.uid != dir.uid() && p.uid != victim.uid()) {
            throw FsException.of(Errno.EPERM);
        }
    }
}
