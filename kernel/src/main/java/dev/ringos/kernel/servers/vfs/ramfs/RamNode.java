package dev.ringos.kernel.servers.vfs.ramfs;

import dev.ringos.kernel.servers.vfs.FileSystem;
import dev.ringos.kernel.servers.vfs.Inode;

/** A ramfs file that is not a directory: it may have several names (hard links). */
abstract class RamNode extends Inode {
    RamNode(FileSystem fs, long ino, int mode, int uid, int gid) {
        super(fs, ino, mode, uid, gid);
    }

    void linked(int delta) {
        nlink += delta;
    }
}
