package dev.ringos.kernel.servers.vfs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** struct stat64 as Linux i386 lays it out for stat64, lstat64 and fstat64 (96 bytes). */
final class Stat64 {
    static final int SIZE = 96;

    private Stat64() {
    }

    static byte[] encode(Inode inode, int dev) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        long size = inode.size();
        b.putLong(0, dev & 0xFFFF_FFFFL);
        b.putInt(12, (int) inode.ino());
        b.putInt(16, inode.mode());
        b.putInt(20, inode.nlink());
        b.putInt(24, inode.uid());
        b.putInt(28, inode.gid());
        b.putLong(32, inode.rdev() & 0xFFFF_FFFFL);
        b.putLong(44, size);
        b.putInt(52, 4096);
        b.putLong(56, (size + 511) / 512);
        b.putInt(64, (int) inode.atime());
        b.putInt(72, (int) inode.mtime());
        b.putInt(80, (int) inode.ctime());
        b.putLong(88, inode.ino());
        return b.array();
    }
}
