package dev.ringos.kernel.servers.vfs;

/** A place in the tree a process sees: a file, and the mount it was reached through. */
public record Location(Mount mount, Inode inode) {
    /** Whether this is the root of the mount it is on. */
    boolean isMountRoot() {
        return inode == mount.fs().root();
    }
}
