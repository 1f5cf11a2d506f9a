package dev.ringos.kernel.servers.vfs.ramfs;

import dev.ringos.kernel.servers.vfs.FileSystem;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.syscall.Errno;
import java.util.Arrays;

/** A regular file held in a byte array that grows by doubling. */
final class RamFile extends RamNode {
    /** The largest file ramfs holds: its array is indexed by int. */
    static final long MAX_SIZE = 1L << 30;

    private byte[] data = new byte[0];
    private int size;

    RamFile(FileSystem fs, long ino, int mode, int uid, int gid) {
        super(fs, ino, mode, uid, gid);
    }

    /** A file with the given contents (the root image's). */
    RamFile(FileSystem fs, long ino, int mode, int uid, int gid, byte[] contents) {
        this(fs, ino, mode, uid, gid);
        data = contents.clone();
        size = contents.length;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(long position, byte[] into, int offset, int length) {
        if (position >= size) {
            return 0;
        }
        int n = (int) Math.min(length, size - position);
        System.arraycopy(data, (int) position, into, offset, n);
        return n;
    }

    @Override
    public int write(long position, byte[] from, int offset, int length) throws FsException {
        long end = position + length;
        if (end > MAX_SIZE) {
            throw FsException.of(Errno.EFBIG);
        }
        ensure((int) end);
        System.arraycopy(from, offset, data, (int) position, length);
        size = Math.max(size, (int) end);
        return length;
    }

    @Override
    public void truncate(long newSize) throws FsException {
        if (newSize > MAX_SIZE) {
            throw FsException.of(Errno.EFBIG);
        }
        int n = (int) newSize;
        if (n < size) {
            Arrays.fill(data, n, size, (byte) 0);
        } else {
            ensure(n);
        }
        size = n;
    }

    private void ensure(int capacity) {
        if (capacity > data.length) {
            data = Arrays.copyOf(data, (int) Math.min(MAX_SIZE, Math.max(capacity, Math.max(64, 2L * data.length))));
        }
    }
}
