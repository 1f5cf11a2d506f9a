package dev.ringos.kernel.servers.vfs;

import dev.ringos.kernel.syscall.Errno;
import java.util.List;

/**
 * A file in some file system: its attributes, and the operations its kind supports. Directory
 * operations name one component (never a path, never "." or ".."); the VFS walks paths, checks
 * permissions and crosses mounts, so a file system only answers for its own tree. An operation
 * a kind does not have fails as Linux's does (ENOTDIR, EINVAL, EISDIR). A file system returns
 * the same Inode object for the same file for as long as it exists: mounts are found by identity.
 */
public abstract class Inode {
    private final FileSystem fs;
    private final long ino;
    protected int mode;
    protected int uid;
    protected int gid;
    protected int nlink = 1;
    protected int rdev;
    protected long atime;
    protected long mtime;
    protected long ctime;
    /** Open descriptions writing it: execve refuses such a file (ETXTBSY). */
    int writers;

    protected Inode(FileSystem fs, long ino, int mode, int uid, int gid) {
        this.fs = fs;
        this.ino = ino;
        this.mode = mode;
        this.uid = uid;
        this.gid = gid;
    }

    public final FileSystem fs() {
        return fs;
    }

    public final long ino() {
        return ino;
    }

    /** st_mode: the type bits and the permission bits. */
    public int mode() {
        return mode;
    }

    public final int type() {
        return mode() & Modes.S_IFMT;
    }

    public final boolean isDirectory() {
        return type() == Modes.S_IFDIR;
    }

    public final boolean isSymlink() {
        return type() == Modes.S_IFLNK;
    }

    public final boolean isRegular() {
        return type() == Modes.S_IFREG;
    }

    public int uid() {
        return uid;
    }

    public int gid() {
        return gid;
    }

    public int nlink() {
        return nlink;
    }

    /** The device a character or block special file stands for. */
    public int rdev() {
        return rdev;
    }

    public long size() {
        return 0;
    }

    public long atime() {
        return atime;
    }

    public long mtime() {
        return mtime;
    }

    public long ctime() {
        return ctime;
    }

    /** Records a change of contents at {@code now} (seconds): mtime and ctime. */
    public void modified(long now) {
        mtime = now;
        ctime = now;
    }

    public void accessed(long now) {
        atime = now;
    }

    /** chmod: the permission bits (the type stays). */
    public void setPermissions(int permissions, long now) throws FsException {
        mode = (mode & Modes.S_IFMT) | (permissions & Modes.PERMISSIONS);
        ctime = now;
    }

    /** chown: -1 keeps a field. */
    public void setOwner(int uid, int gid, long now) throws FsException {
        if (uid != -1) {
            this.uid = uid;
        }
        if (gid != -1) {
            this.gid = gid;
        }
        ctime = now;
    }

    // ---- directories ----

    /** The entry called {@code name}, or null if there is none. */
    public Inode lookup(String name) throws FsException {
        throw FsException.of(Errno.ENOTDIR);
    }

    /** The directory holding this one within its file system (the root answers itself). */
    public Inode parent() throws FsException {
        throw FsException.of(Errno.ENOTDIR);
    }

    /** A new non-directory, non-symlink file (regular, FIFO, device, socket); {@code mode} has its type. */
    public Inode create(String name, int mode, int uid, int gid, int rdev) throws FsException {
        throw FsException.of(Errno.ENOTDIR);
    }

    public Inode mkdir(String name, int mode, int uid, int gid) throws FsException {
        throw FsException.of(Errno.ENOTDIR);
    }

    public Inode symlink(String name, String target, int uid, int gid) throws FsException {
        throw FsException.of(Errno.ENOTDIR);
    }

    /** A hard link to {@code target} (same file system, not a directory: the VFS checks both). */
    public void link(String name, Inode target) throws FsException {
        throw FsException.of(Errno.ENOTDIR);
    }

    /** Removes a non-directory entry. */
    public void unlink(String name) throws FsException {
        throw FsException.of(Errno.ENOTDIR);
    }

    /** Removes an empty directory entry. */
    public void rmdir(String name) throws FsException {
        throw FsException.of(Errno.ENOTDIR);
    }

    /**
     * Moves entry {@code from} to {@code to} in {@code target} (a directory of the same file
     * system), replacing what is there as rename(2) allows; the VFS has checked the rest.
     */
    public void rename(String from, Inode target, String to) throws FsException {
        throw FsException.of(Errno.ENOTDIR);
    }

    /** The entries, without "." and "..", in a stable order. */
    public List<DirEntry> list() throws FsException {
        throw FsException.of(Errno.ENOTDIR);
    }

    // ---- contents ----

    /** Reads at {@code position}; 0 at or past the end. */
    public int read(long position, byte[] into, int offset, int length) throws FsException {
        throw FsException.of(isDirectory() ? Errno.EISDIR : Errno.EINVAL);
    }

    /** Writes at {@code position}, growing the file (a gap reads as zeros); returns the count. */
    public int write(long position, byte[] from, int offset, int length) throws FsException {
        throw FsException.of(isDirectory() ? Errno.EISDIR : Errno.EINVAL);
    }

    public void truncate(long size) throws FsException {
        throw FsException.of(isDirectory() ? Errno.EISDIR : Errno.EINVAL);
    }

    public String readlink() throws FsException {
        throw FsException.of(Errno.EINVAL);
    }

    /**
     * The target as {@code reader} sees it, for readlink(2) and path walks. A link's target is
     * the same for everyone but in procfs, where /proc/self names the reader's own directory.
     */
    public String readlink(FsProcess reader) throws FsException {
        return readlink();
    }

    /**
     * An open file description for a regular file or a directory. Special files (FIFOs,
     * devices) are opened by the VFS itself; a file system overrides this for files whose
     * contents are made at open time (procfs) or held open on the host (hostfs).
     */
    public OpenFile open(int flags) throws FsException {
        return new InodeFile(this, flags);
    }

    /** Everything written through {@code file} must be durable now: its last descriptor is closing. */
    public void closed(OpenFile file) throws FsException {
    }

    @Override
    public String toString() {
        return fs.type() + ":" + ino;
    }
}
