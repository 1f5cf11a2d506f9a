package dev.ringos.kernel.servers.vfs;

/** A mounted file system's kind: ramfs, devfs, procfs, hostfs. One instance per mount. */
public interface FileSystem {
    Inode root();

    /** The type as /proc/mounts shows it: "ramfs", "devtmpfs", "proc", "hostfs". */
    String type();

    /** The source field of /proc/mounts ("none", "proc", or the host directory). */
    default String source() {
        return "none";
    }

    /** A file system that cannot be written however it is mounted. */
    default boolean readOnly() {
        return false;
    }
}
