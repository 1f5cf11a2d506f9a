package dev.ringos.kernel.servers.vfs.ramfs;

import dev.ringos.kernel.servers.vfs.FileSystem;

/** A FIFO, device node or socket: only attributes here; the VFS opens it by its type and device number. */
final class RamSpecial extends RamNode {
    RamSpecial(FileSystem fs, long ino, int mode, int uid, int gid, int rdev) {
        super(fs, ino, mode, uid, gid);
        this.rdev = rdev;
    }
}
