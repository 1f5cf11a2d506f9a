package dev.ringos.kernel.servers.vfs.hostfs;

import dev.ringos.kernel.servers.vfs.Modes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What stat says of a host file, as the guest is shown it: the host's identity for it (dev
 * and inode), the type and permission bits without set-user-ID and set-group-ID (hostfs is
 * nosuid), the size, the link count and the times in seconds.
 */
record HostAttributes(Object key, int mode, long size, int nlink, long atime, long mtime, long ctime) {
    /** What a hostfs guest never sees or sets: the bits that would lend a file its owner's rights. */
    static final int NOSUID = Modes.S_ISUID | Modes.S_ISGID;
    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    /**
     * From the directory-relative stat ({@code posix}, the authority on identity and type) and,
     * when it describes the same file, the path stat's {@code unix} view (full mode, links, ctime).
     */
    static HostAttributes of(PosixFileAttributes posix, Map<String, Object> unix) {
        int type;
        if (posix.isDirectory()) {
            type = Modes.S_IFDIR;
        } else if (posix.isRegularFile()) {
            type = Modes.S_IFREG;
        } else if (posix.isSymbolicLink()) {
            type = Modes.S_IFLNK;
        } else {
            // A FIFO, socket or device: only the unix view tells which; a socket is what opens nothing.
            type = unix != null ? (Integer) unix.get("mode") & Modes.S_IFMT : Modes.S_IFSOCK;
        }
        int permissions = unix != null ? (Integer) unix.get("mode") & Modes.PERMISSIONS : bits(posix.permissions());
        int nlink = unix != null ? (Integer) unix.get("nlink") : type == Modes.S_IFDIR ? 2 : 1;
        long mtime = seconds(posix.lastModifiedTime());
        long ctime = unix != null ? seconds((FileTime) unix.get("ctime")) : mtime;
        return new HostAttributes(posix.fileKey(), type | (permissions & ~NOSUID), posix.size(), nlink,
                seconds(posix.lastAccessTime()), mtime, ctime);
    }

    static int bits(Set<PosixFilePermission> permissions) {
        int bits = 0;
        for (int i = 0; i < BITS.length; i++) {
            if (permissions.contains(BITS[i])) {
                bits |= 1 << i;
            }
        }
        return bits;
    }

    /** The rwx bits of {@code mode} (set-ID and sticky bits have no Java form, and hostfs sets none). */
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BITS.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(BITS[i]);
            }
        }
        return set;
    }

    private static long seconds(FileTime time) {
        return time == null ? 0 : time.to(TimeUnit.SECONDS);
    }
}
