package dev.ringos.kernel.servers.vfs.hostfs;

import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.Modes;
import dev.ringos.kernel.syscall.Errno;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * A host file as the guest sees it: its host identity, where the guest last found it (a
 * directory of this export and the host name there), and its attributes as of then. Owner and
 * group are root's for every file; the times are the host's, so the VFS's stamps are ignored.
 */
abstract sealed class HostInode extends Inode permits HostDir, HostFile, HostSymlink, HostSpecial {
    final HostFs fs;
    /** The host's identity for the file: dev and inode (BasicFileAttributes.fileKey). */
    final Object key;
    /** The directory the guest last found it in (the root: itself); null once that name is gone. */
    HostDir dir;
    /** Its host name in {@link #dir} (null for the root). */
    String name;
    long hostSize;

    HostInode(HostFs fs, long ino, HostAttributes attributes, HostDir dir, String name) {
        super(fs, ino, attributes.mode(), 0, 0);
        this.fs = fs;
        this.key = attributes.key();
        this.dir = dir;
        this.name = name;
        update(attributes);
    }

    void update(HostAttributes attributes) {
        mode = attributes.mode();
        nlink = attributes.nlink();
        atime = attributes.atime();
        mtime = attributes.mtime();
        ctime = attributes.ctime();
        hostSize = attributes.size();
    }

    /** The guest found this file as {@code name} in {@code dir}: that is where it is now. */
    void foundAt(HostDir dir, String name) throws FsException {
        this.dir = dir;
        this.name = name;
    }

    boolean isAt(HostDir dir, String name) {
        return this.dir == dir && name.equals(this.name);
    }

    /** The name the guest knew it by is gone. */
    void lost() {
        dir = null;
        name = null;
    }

    /** The directory holding this file, open: ENOENT when the guest no longer knows where it is. */
    DirHandle openParent() throws FsException {
        if (dir == null || name == null) {
            throw FsException.of(Errno.ENOENT);
        }
        return fs.openDir(dir);
    }

    @Override
    public long size() {
        return hostSize;
    }

    /** The host keeps its own times: a change through hostfs stamps them there. */
    @Override
    public void modified(long now) {
    }

    @Override
    public void accessed(long now) {
    }

    @Override
    public void setPermissions(int permissions, long now) throws FsException {
        fs.requireWritable();
        try {
            chmod(HostAttributes.permissions(permissions));
        } catch (IOException e) {
            throw HostErrors.of(e);
        } catch (InvalidPathException | UnsupportedOperationException e) {
            throw HostErrors.of(e);
        }
        mode = (mode & Modes.S_IFMT) | (permissions & Modes.PERMISSIONS & ~HostAttributes.NOSUID & ~Modes.S_ISVTX);
    }

    /**
     * Changes the permission bits on the host. Only a directory and a regular file can: changing
     * a FIFO's or device's would mean opening it on the host (EPERM).
     */
    void chmod(Set<PosixFilePermission> permissions) throws IOException, FsException {
        throw FsException.of(Errno.EPERM);
    }

    /**
     * Everything belongs to root as the guest sees it, and hostfs cannot give a host file away:
     * "changing" to root, or to nothing, succeeds; any other owner is EPERM.
     */
    @Override
    public void setOwner(int uid, int gid, long now) throws FsException {
        fs.requireWritable();
        if ((uid != -1 && uid != 0) || (gid != -1 && gid != 0)) {
            throw FsException.of(Errno.EPERM);
        }
    }
}
