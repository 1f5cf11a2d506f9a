package dev.ringos.kernel.servers.vfs;

import dev.ringos.kernel.syscall.Errno;

/** An open regular file or directory: reads and writes at the description's offset. */
public class InodeFile extends OpenFile {
    public static final int SEEK_SET = 0, SEEK_CUR = 1, SEEK_END = 2;

    private final Inode inode;
    /** Where it was opened from (fchdir goes there); null for a file opened by the kernel itself. */
    private Location location;

    public InodeFile(Inode inode, int flags) {
        super(flags);
        this.inode = inode;
    }

    @Override
    public Inode inode() {
        return inode;
    }

    @Override
    public int read(FsProcess caller, byte[] into, int off, int length) throws FsException {
        int n = inode.read(offset, into, off, length);
        offset += n;
        return n;
    }

    @Override
    public int write(FsProcess caller, byte[] from, int off, int length) throws FsException {
        if ((flags & OpenFlags.O_APPEND) != 0) {
            offset = inode.size();
        }
        int n = inode.write(offset, from, off, length);
        offset += n;
        return n;
    }

    @Override
    public long seek(long to, int whence) throws FsException {
        long base = switch (whence) {
            case SEEK_SET -> 0;
            case SEEK_CUR -> offset;
            case SEEK_END -> inode.size();
            default -> throw FsException.of(Errno.EINVAL);
        };
        long target = base + to;
        if (target < 0) {
            throw FsException.of(Errno.EINVAL);
        }
        offset = target;
        return target;
    }

    /** Where it was opened from, or null (procfs names a descriptor's file by it). */
    public Location location() {
        return location;
    }

    void setLocation(Location location) {
        this.location = location;
    }

    /** getdents64 walks a directory by entry index; the offset is that index. */
    void setOffset(long offset) {
        this.offset = offset;
    }

    @Override
    protected void release() throws FsException {
        inode.closed(this);
    }
}
