package dev.ringos.kernel.servers.vfs;

/** A file system attached at a directory of another mount (the root mount has no parent). */
public final class Mount {
    private final FileSystem fs;
    private final Mount parent;
    private final Inode mountpoint;
    private final String path;
    private final boolean readOnly;

    Mount(FileSystem fs, Mount parent, Inode mountpoint, String path, boolean readOnly) {
        this.fs = fs;
        this.parent = parent;
        this.mountpoint = mountpoint;
        this.path = path;
        this.readOnly = readOnly || fs.readOnly();
    }

    public FileSystem fs() {
        return fs;
    }

    /** The mount holding the mountpoint; null for the root mount. */
    public Mount parent() {
        return parent;
    }

    public Inode mountpoint() {
        return mountpoint;
    }

    /** Where it was mounted, as an absolute path at the time (/proc/mounts shows it). */
    public String path() {
        return path;
    }

    public boolean readOnly() {
        return readOnly;
    }
}
