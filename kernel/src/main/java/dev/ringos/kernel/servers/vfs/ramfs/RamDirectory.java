package dev.ringos.kernel.servers.vfs.ramfs;

import dev.ringos.kernel.servers.vfs.DirEntry;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.Modes;
import dev.ringos.kernel.syscall.Errno;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A ramfs directory: names in creation order, each to an inode of the same file system. */
final class RamDirectory extends Inode {
    private final RamFs fs;
    private final Map<String, Inode> entries = new LinkedHashMap<>();
    private RamDirectory parent;

    RamDirectory(RamFs fs, long ino, int mode, int uid, int gid, RamDirectory parent) {
        super(fs, ino, mode, uid, gid);
        this.fs = fs;
        this.parent = parent == null ? this : parent;
        this.nlink = 2;
    }

    @Override
    public long size() {
        return 4096;
    }

    @Override
    public Inode lookup(String name) {
        return entries.get(name);
    }

    @Override
    public Inode parent() {
        return parent;
    }

    @Override
    public Inode create(String name, int mode, int uid, int gid, int rdev) throws FsException {
        requireAbsent(name);
        Inode node = Modes.isRegular(mode)
                ? new RamFile(fs, fs.nextIno(), mode, uid, gid)
                : new RamSpecial(fs, fs.nextIno(), mode, uid, gid, rdev);
        entries.put(name, node);
        return node;
    }

    /** Puts a ready-made file under {@code name} (unpacking the root image). */
    void place(String name, Inode node) throws FsException {
        requireAbsent(name);
        entries.put(name, node);
    }

    @Override
    public Inode mkdir(String name, int mode, int uid, int gid) throws FsException {
        requireAbsent(name);
        RamDirectory dir = new RamDirectory(fs, fs.nextIno(), Modes.S_IFDIR | (mode & Modes.PERMISSIONS), uid, gid, this);
        entries.put(name, dir);
        nlink++;
        return dir;
    }

    @Override
    public Inode symlink(String name, String target, int uid, int gid) throws FsException {
        requireAbsent(name);
        Inode link = new RamSymlink(fs, fs.nextIno(), target, uid, gid);
        entries.put(name, link);
        return link;
    }

    @Override
    public void link(String name, Inode target) throws FsException {
        requireAbsent(name);
        entries.put(name, target);
        ((RamNode) target).linked(1);
    }

    @Override
    public void unlink(String name) throws FsException {
        Inode victim = require(name);
        if (victim.isDirectory()) {
            throw FsException.of(Errno.EISDIR);
        }
        entries.remove(name);
        ((RamNode) victim).linked(-1);
    }

    @Override
    public void rmdir(String name) throws FsException {
        Inode victim = require(name);
        if (!victim.isDirectory()) {
            throw FsException.of(Errno.ENOTDIR);
        }
        if (!((RamDirectory) victim).entries.isEmpty()) {
            throw FsException.of(Errno.ENOTEMPTY);
        }
        entries.remove(name);
        ((RamDirectory) victim).nlink = 0;
        nlink--;
    }

    @Override
    public void rename(String from, Inode target, String to) throws FsException {
        Inode moving = require(from);
        RamDirectory into = (RamDirectory) target;
        Inode existing = into.entries.get(to);
        if (existing == moving) {
            return;
        }
        if (existing != null) {
            if (moving.isDirectory() != existing.isDirectory()) {
                throw FsException.of(moving.isDirectory() ? Errno.ENOTDIR : Errno.EISDIR);
            }
            if (existing.isDirectory()) {
                into.rmdir(to);
            } else {
                into.unlink(to);
            }
        }
        entries.remove(from);
        into.entries.put(to, moving);
        if (moving instanceof RamDirectory dir) {
            dir.parent = into;
            nlink--;
            into.nlink++;
        }
    }

    @Override
    public List<DirEntry> list() {
        List<DirEntry> out = new ArrayList<>(entries.size());
        for (Map.Entry<String, Inode> e : entries.entrySet()) {
            out.add(new DirEntry(e.getKey(), e.getValue().ino(), e.getValue().mode()));
        }
        return out;
    }

    private void requireAbsent(String name) throws FsException {
        if (entries.containsKey(name)) {
            throw FsException.of(Errno.EEXIST);
        }
    }

    private Inode require(String name) throws FsException {
        Inode node = entries.get(name);
        if (node == null) {
            throw FsException.of(Errno.ENOENT);
        }
        return node;
    }
}
