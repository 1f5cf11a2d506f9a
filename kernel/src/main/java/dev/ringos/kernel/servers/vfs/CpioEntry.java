package dev.ringos.kernel.servers.vfs;

import java.util.Arrays;
import java.util.Objects;

/**
 * One member of a cpio archive: an absolute, normalised path ("/bin/sh"), the st_mode with its file
 * type bits, and the contents (for a symlink, the target; for a directory, empty).
 */
public record CpioEntry(String path, int mode, byte[] data) {
    public static final int S_IFMT = 0170000, S_IFREG = 0100000, S_IFDIR = 0040000, S_IFLNK = 0120000;

    public CpioEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(data, "data");
    }

    public boolean isRegular() {
        return (mode & S_IFMT) == S_IFREG;
    }

    public boolean isDirectory() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    public boolean isSymlink() {
        return (mode & S_IFMT) == S_IFLNK;
    }

    // A record compares arrays by identity; entries are values, so compare contents.
    @Override
    public boolean equals(Object other) {
        return other instanceof CpioEntry e && e.path.equals(path) && e.mode == mode && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
        return (path.hashCode() * 31 + mode) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "CpioEntry[" + path + ", 0" + Integer.toOctalString(mode) + ", " + data.length + " bytes]";
    }
}
