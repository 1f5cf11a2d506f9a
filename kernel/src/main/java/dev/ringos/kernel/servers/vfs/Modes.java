package dev.ringos.kernel.servers.vfs;

/** st_mode's file type bits and permission bits, as Linux's {@code <sys/stat.h>}. */
public final class Modes {
    public static final int S_IFMT = 0170000;
    public static final int S_IFSOCK = 0140000, S_IFLNK = 0120000, S_IFREG = 0100000, S_IFBLK = 0060000,
            S_IFDIR = 0040000, S_IFCHR = 0020000, S_IFIFO = 0010000;
    public static final int S_ISUID = 04000, S_ISGID = 02000, S_ISVTX = 01000;
    public static final int PERMISSIONS = 07777;

    private Modes() {
    }

    public static boolean isDirectory(int mode) {
        return (mode & S_IFMT) == S_IFDIR;
    }

    public static boolean isRegular(int mode) {
        return (mode & S_IFMT) == S_IFREG;
    }

    public static boolean isSymlink(int mode) {
        return (mode & S_IFMT) == S_IFLNK;
    }

    /** getdents64's d_type for a mode (DT_REG 8, DT_DIR 4, DT_LNK 10, DT_CHR 2, DT_FIFO 1, ...). */
    public static int direntType(int mode) {
        return (mode & S_IFMT) >>> 12;
    }

    /** A device number as Linux's new_encode_dev: minor's low byte, major, minor's high bits. */
    public static int device(int major, int minor) {
        return (minor & 0xFF) | (major << 8) | ((minor & ~0xFF) << 12);
    }

    public static int major(int dev) {
        return (dev >>> 8) & 0xFFF;
    }

    public static int minor(int dev) {
        return (dev & 0xFF) | ((dev >>> 12) & 0xFFF00);
    }
}
