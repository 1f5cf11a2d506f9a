package dev.ringos.kernel.servers.vfs.ramfs;

import dev.ringos.kernel.servers.vfs.FileSystem;
import dev.ringos.kernel.servers.vfs.Modes;
import java.nio.charset.StandardCharsets;

/** A symbolic link: its target, as written. */
final class RamSymlink extends RamNode {
    private final String target;

    RamSymlink(FileSystem fs, long ino, String target, int uid, int gid) {
        super(fs, ino, Modes.S_IFLNK | 0777, uid, gid);
        this.target = target;
    }

    @Override
    public long size() {
        return target.getBytes(StandardCharsets.ISO_8859_1).length;
    }

    @Override
    public String readlink() {
        return target;
    }
}
