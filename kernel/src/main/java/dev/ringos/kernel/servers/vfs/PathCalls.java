package dev.ringos.kernel.servers.vfs;

import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.UserFault;
import dev.ringos.kernel.syscall.Errno;
import java.nio.charset.StandardCharsets;

/**
 * The VFS's syscalls that take a path: open, the stat family, making and removing names,
 * links, the cwd, modes and owners, mknod and mount. Each resolves its path with
 * {@link PathWalk} from the process's cwd (or a directory descriptor for the *at calls) and
 * checks what Linux checks, in Linux's order where it shows (EEXIST before EACCES, and so on).
 */
public final class PathCalls {
    public static final int AT_FDCWD = -100;
    public static final int F_OK = 0, X_OK = 1, W_OK = 2, R_OK = 4;
    public static final int MS_RDONLY = 1;

    private final FileServer files;

    public PathCalls(FileServer files) {
        this.files = files;
    }

    // ---- open ----

    public int open(Task t, int pathAddress, int flags, int mode) throws UserFault {
        return openat(t, AT_FDCWD, pathAddress, flags, mode);
    }

    public int creat(Task t, int pathAddress, int mode) throws UserFault {
        return open(t, pathAddress, OpenFlags.O_CREAT | OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, mode);
    }

    public int openat(Task t, int dirfd, int pathAddress, int flags, int mode) throws UserFault {
        FsProcess p = files.process(t);
        try {
            String path = path(t, pathAddress);
            Location start = start(p, dirfd, path);
            Location at;
            boolean created = false;
            if ((flags & OpenFlags.O_CREAT) != 0) {
                PathWalk.Parent parent = PathWalk.resolveParent(p, start, path);
                Inode existing = parent.dir().inode().lookup(parent.name());
                // A symlink as the last component is followed, and a dangling one's target created (as Linux).
                for (int links = 0; existing != null && existing.isSymlink() && (flags & (OpenFlags.O_EXCL | OpenFlags.O_NOFOLLOW)) == 0; links++) {
                    if (links >= PathWalk.MAX_SYMLINKS) {
                        throw FsException.of(Errno.ELOOP);
                    }
                    parent = PathWalk.resolveParent(p, parent.dir(), existing.readlink());
                    existing = parent.dir().inode().lookup(parent.name());
                }
                if (isDotOrRoot(parent.name()) || parent.trailingSlash()) {
                    throw FsException.of(existing != null && (flags & OpenFlags.O_EXCL) != 0 ? Errno.EEXIST : Errno.EISDIR);
                }
                if (existing != null && (flags & OpenFlags.O_EXCL) != 0) {
                    throw FsException.of(Errno.EEXIST);
                }
                if (existing == null) {
                    requireWritable(p, parent.dir());
                    Inode made = parent.dir().inode().create(parent.name(),
                            Modes.S_IFREG | (mode & ~p.umask & Modes.PERMISSIONS), p.uid, p.gid, 0);
                    stamp(made, parent.dir().inode());
                    at = new Location(parent.dir().mount(), made);
                    created = true;
                } else {
                    at = PathWalk.down(p.mounts, new Location(parent.dir().mount(), existing));
                }
            } else {
                at = PathWalk.resolve(p, start, path, (flags & OpenFlags.O_NOFOLLOW) == 0);
            }
            Inode node = at.inode();
            if (node.isSymlink()) {
                throw FsException.of(Errno.ELOOP);
            }
            int access = flags & OpenFlags.O_ACCMODE;
            if ((flags & OpenFlags.O_DIRECTORY) != 0 && !node.isDirectory()) {
                throw FsException.of(Errno.ENOTDIR);
            }
            if (node.isDirectory() && (access != OpenFlags.O_RDONLY || (flags & OpenFlags.O_CREAT) != 0)) {
                throw FsException.of(Errno.EISDIR);
            }
            // O_TRUNC asks for write permission whatever the access mode, and truncates even with O_RDONLY (Linux).
            boolean truncate = (flags & OpenFlags.O_TRUNC) != 0 && node.isRegular();
            if (!created) {
                Permissions.require(p, node, wantedBy(access) | (truncate ? Permissions.WRITE : 0));
            }
            boolean special = node.type() == Modes.S_IFCHR || node.type() == Modes.S_IFIFO || node.type() == Modes.S_IFBLK;
            if (!special && (access != OpenFlags.O_RDONLY || truncate) && at.mount().readOnly()) {
                throw FsException.of(Errno.EROFS);
            }
            if (truncate && node.size() > 0) {
                node.truncate(0);
                node.modified(files.now());
            }
            OpenFile f = files.openInode(p, at, flags);
            if (f == null) {
                return files.parkOpen(t, p);
            }
            return files.install(p, f, (flags & OpenFlags.O_CLOEXEC) != 0);
        } catch (FsException e) {
            return e.negated();
        }
    }

    private static int wantedBy(int access) {
        return switch (access) {
            case OpenFlags.O_WRONLY -> Permissions.WRITE;
            case OpenFlags.O_RDWR -> Permissions.READ | Permissions.WRITE;
            default -> Permissions.READ;
        };
    }

    // ---- attributes ----

    public int stat(Task t, int pathAddress, int buf, boolean follow) throws UserFault {
        FsProcess p = files.process(t);
        try {
            Location at = PathWalk.resolve(p, p.cwd, path(t, pathAddress), follow);
            files.calls.memory().write(t, buf, Stat64.encode(at.inode(), files.deviceOf(at.inode().fs())), 0, Stat64.SIZE);
            return 0;
        } catch (FsException e) {
            return e.negated();
        }
    }

    public int access(Task t, int pathAddress, int mode) throws UserFault {
        FsProcess p = files.process(t);
        try {
            String path = path(t, pathAddress);
            if ((mode & ~7) != 0) {
                return Errno.EINVAL.negated();
            }
            Location at = PathWalk.resolve(p, p.cwd, path, true);
            int want = ((mode & R_OK) != 0 ? Permissions.READ : 0) | ((mode & W_OK) != 0 ? Permissions.WRITE : 0)
                    | ((mode & X_OK) != 0 ? Permissions.EXECUTE : 0);
            Permissions.require(p, at.inode(), want);
            if ((mode & W_OK) != 0 && at.mount().readOnly() && !isSpecial(at.inode())) {
                return Errno.EROFS.negated();
            }
            return 0;
        } catch (FsException e) {
            return e.negated();
        }
    }

    public int chmod(Task t, int pathAddress, int mode) throws UserFault {
        FsProcess p = files.process(t);
        try {
            return chmod(p, PathWalk.resolve(p, p.cwd, path(t, pathAddress), true), mode);
        } catch (FsException e) {
            return e.negated();
        }
    }

    public int fchmod(Task t, int fd, int mode) {
        FsProcess p = files.process(t);
        OpenFile f = p.fds.get(fd);
        if (f == null) {
            return Errno.EBADF.negated();
        }
        try {
            Location at = f instanceof InodeFile file && file.location() != null ? file.location() : null;
            return at != null ? chmod(p, at, mode) : chmodInode(p, f.inode(), mode);
        } catch (FsException e) {
            return e.negated();
        }
    }

    private int chmod(FsProcess p, Location at, int mode) throws FsException {
        requireWritableMount(at);
        return chmodInode(p, at.inode(), mode);
    }

    private int chmodInode(FsProcess p, Inode node, int mode) throws FsException {
        Permissions.requireOwner(p, node);
        node.setPermissions(mode, files.now());
        return 0;
    }

    /** chown, lchown, fchown (the 16-bit ones pass 0xFFFF for "keep", widened to -1 by the caller). */
    public int chown(Task t, int pathAddress, int uid, int gid, boolean follow) throws UserFault {
        FsProcess p = files.process(t);
        try {
            Location at = PathWalk.resolve(p, p.cwd, path(t, pathAddress), follow);
            requireWritableMount(at);
            return chownInode(p, at.inode(), uid, gid);
        } catch (FsException e) {
            return e.negated();
        }
    }

    public int fchown(Task t, int fd, int uid, int gid) {
        OpenFile f = files.process(t).fds.get(fd);
        if (f == null) {
            return Errno.EBADF.negated();
        }
        try {
            return chownInode(files.process(t), f.inode(), uid, gid);
        } catch (FsException e) {
            return e.negated();
        }
    }

    private int chownInode(FsProcess p, Inode node, int uid, int gid) throws FsException {
        if (p.uid != 0) {
            // Without CAP_CHOWN: the owner may only "change" to itself, and the group to its own.
            boolean ownerKept = uid == -1 || uid == node.uid();
            boolean groupOwn = gid == -1 || gid == node.gid() || gid == p.gid;
            if (p.uid != node.uid() || !ownerKept || !groupOwn) {
                throw FsException.of(Errno.EPERM);
            }
        }
        node.setOwner(uid, gid, files.now());
        if (node.isRegular()) {
            // Linux drops set-user-ID always, and set-group-ID when group execute is set, on any chown of a file.
            int bits = node.mode() & Modes.PERMISSIONS;
            int dropped = Modes.S_ISUID | ((bits & 0010) != 0 ? Modes.S_ISGID : 0);
            if ((bits & dropped) != 0) {
                node.setPermissions(bits & ~dropped, files.now());
            }
        }
        return 0;
    }

    public int truncate(Task t, int pathAddress, int length) throws UserFault {
        FsProcess p = files.process(t);
        try {
            Location at = PathWalk.resolve(p, p.cwd, path(t, pathAddress), true);
            if (length < 0) {
                return Errno.EINVAL.negated();
            }
            if (at.inode().isDirectory()) {
                return Errno.EISDIR.negated();
            }
            if (!at.inode().isRegular()) {
                return Errno.EINVAL.negated();
            }
            Permissions.require(p, at.inode(), Permissions.WRITE);
            requireWritableMount(at);
            at.inode().truncate(length);
            at.inode().modified(files.now());
            return 0;
        } catch (FsException e) {
            return e.negated();
        }
    }

    public int umask(Task t, int mask) {
        FsProcess p = files.process(t);
        int old = p.umask;
        p.umask = mask & 0777;
        return old;
    }

    // ---- names ----

    public int mkdir(Task t, int pathAddress, int mode) throws UserFault {
        FsProcess p = files.process(t);
        try {
            PathWalk.Parent parent = PathWalk.resolveParent(p, p.cwd, path(t, pathAddress));
            if (isDotOrRoot(parent.name()) || parent.dir().inode().lookup(parent.name()) != null) {
                return Errno.EEXIST.negated();
            }
            requireWritable(p, parent.dir());
            Inode made = parent.dir().inode().mkdir(parent.name(), mode & ~p.umask & 01777, p.uid, p.gid);
            stamp(made, parent.dir().inode());
            return 0;
        } catch (FsException e) {
            return e.negated();
        }
    }

    public int mknod(Task t, int pathAddress, int mode, int dev) throws UserFault {
        FsProcess p = files.process(t);
        try {
            PathWalk.Parent parent = PathWalk.resolveParent(p, p.cwd, path(t, pathAddress));
            int type = mode & Modes.S_IFMT;
            if (type == 0) {
                type = Modes.S_IFREG;
            }
            switch (type) {
                case Modes.S_IFREG, Modes.S_IFIFO, Modes.S_IFSOCK -> { }
                case Modes.S_IFCHR, Modes.S_IFBLK -> {
                    if (p.uid != 0) {
                        return Errno.EPERM.negated();
                    }
                }
                case Modes.S_IFDIR -> {
                    return Errno.EPERM.negated();
                }
                default -> {
                    return Errno.EINVAL.negated();
                }
            }
            if (isDotOrRoot(parent.name()) || parent.dir().inode().lookup(parent.name()) != null) {
                return Errno.EEXIST.negated();
            }
            requireWritable(p, parent.dir());
            Inode made = parent.dir().inode().create(parent.name(), type | (mode & ~p.umask & Modes.PERMISSIONS),
                    p.uid, p.gid, type == Modes.S_IFCHR || type == Modes.S_IFBLK ? dev : 0);
            stamp(made, parent.dir().inode());
            return 0;
        } catch (FsException e) {
            return e.negated();
        }
    }

    public int symlink(Task t, int targetAddress, int pathAddress) throws UserFault {
        FsProcess p = files.process(t);
        try {
            String target = path(t, targetAddress);
            PathWalk.Parent parent = PathWalk.resolveParent(p, p.cwd, path(t, pathAddress));
            if (isDotOrRoot(parent.name()) || parent.dir().inode().lookup(parent.name()) != null) {
                return Errno.EEXIST.negated();
            }
            requireWritable(p, parent.dir());
            Inode made = parent.dir().inode().symlink(parent.name(), target, p.uid, p.gid);
            stamp(made, parent.dir().inode());
            return 0;
        } catch (FsException e) {
            return e.negated();
        }
    }

    public int readlink(Task t, int pathAddress, int buf, int size) throws UserFault {
        FsProcess p = files.process(t);
        try {
            Location at = PathWalk.resolve(p, p.cwd, path(t, pathAddress), false);
            if (size <= 0) {
                return Errno.EINVAL.negated();
            }
            byte[] target = at.inode().readlink(p).getBytes(StandardCharsets.ISO_8859_1);
            int n = Math.min(size, target.length);
            files.calls.memory().write(t, buf, target, 0, n);
            return n;
        } catch (FsException e) {
            return e.negated();
        }
    }

    public int link(Task t, int oldAddress, int newAddress) throws UserFault {
        FsProcess p = files.process(t);
        try {
            Location old = PathWalk.resolve(p, p.cwd, path(t, oldAddress), false);
            PathWalk.Parent parent = PathWalk.resolveParent(p, p.cwd, path(t, newAddress));
            if (isDotOrRoot(parent.name()) || parent.dir().inode().lookup(parent.name()) != null) {
                return Errno.EEXIST.negated();
            }
            if (old.mount() != parent.dir().mount()) {
                return Errno.EXDEV.negated();
            }
            if (old.inode().isDirectory()) {
                return Errno.EPERM.negated();
            }
            requireWritable(p, parent.dir());
            parent.dir().inode().link(parent.name(), old.inode());
            old.inode().modified(old.inode().mtime());
            parent.dir().inode().modified(files.now());
            return 0;
        } catch (FsException e) {
            return e.negated();
        }
    }

    public int unlink(Task t, int pathAddress) throws UserFault {
        FsProcess p = files.process(t);
        try {
            PathWalk.Parent parent = PathWalk.resolveParent(p, p.cwd, path(t, pathAddress));
            if (isDotOrRoot(parent.name())) {
                return Errno.EISDIR.negated();
            }
            Inode victim = parent.dir().inode().lookup(parent.name());
            if (victim == null) {
                return Errno.ENOENT.negated();
            }
            if (victim.isDirectory()) {
                return Errno.EISDIR.negated();
            }
            if (parent.trailingSlash()) {
                return Errno.ENOTDIR.negated();
            }
            Permissions.requireDeletable(p, parent.dir().inode(), victim);
            requireWritable(p, parent.dir());
            parent.dir().inode().unlink(parent.name());
            parent.dir().inode().modified(files.now());
            return 0;
        } catch (FsException e) {
            return e.negated();
        }
    }

    public int rmdir(Task t, int pathAddress) throws UserFault {
        FsProcess p = files.process(t);
        try {
            PathWalk.Parent parent = PathWalk.resolveParent(p, p.cwd, path(t, pathAddress));
            switch (parent.name()) {
                case "." -> {
                    return Errno.EINVAL.negated();
                }
                case ".." -> {
                    return Errno.ENOTEMPTY.negated();
                }
                case "/" -> {
                    return Errno.EBUSY.negated();
                }
                default -> { }
            }
            Inode victim = parent.dir().inode().lookup(parent.name());
            if (victim == null) {
                return Errno.ENOENT.negated();
            }
            if (!victim.isDirectory()) {
                return Errno.ENOTDIR.negated();
            }
            if (isMountpoint(p, parent.dir(), victim)) {
                return Errno.EBUSY.negated();
            }
            Permissions.requireDeletable(p, parent.dir().inode(), victim);
            requireWritable(p, parent.dir());
            parent.dir().inode().rmdir(parent.name());
            parent.dir().inode().modified(files.now());
            return 0;
        } catch (FsException e) {
            return e.negated();
        }
    }

    public int rename(Task t, int oldAddress, int newAddress) throws UserFault {
        FsProcess p = files.process(t);
        try {
            PathWalk.Parent from = PathWalk.resolveParent(p, p.cwd, path(t, oldAddress));
            PathWalk.Parent to = PathWalk.resolveParent(p, p.cwd, path(t, newAddress));
            if (isDotOrRoot(from.name()) || isDotOrRoot(to.name())) {
                return Errno.EBUSY.negated();
            }
            Inode moving = from.dir().inode().lookup(from.name());
            if (moving == null) {
                return Errno.ENOENT.negated();
            }
            if (from.dir().mount() != to.dir().mount()) {
                return Errno.EXDEV.negated();
            }
            if ((from.trailingSlash() || to.trailingSlash()) && !moving.isDirectory()) {
                return Errno.ENOTDIR.negated();
            }
            Inode existing = to.dir().inode().lookup(to.name());
            if (existing == moving) {
                return 0;
            }
            if (moving.isDirectory() && isWithin(to.dir().inode(), moving)) {
                return Errno.EINVAL.negated();
            }
            if (existing != null && existing.isDirectory() != moving.isDirectory()) {
                return (moving.isDirectory() ? Errno.ENOTDIR : Errno.EISDIR).negated();
            }
            if (isMountpoint(p, from.dir(), moving) || existing != null && isMountpoint(p, to.dir(), existing)) {
                return Errno.EBUSY.negated();
            }
            Permissions.requireDeletable(p, from.dir().inode(), moving);
            if (existing != null) {
                Permissions.requireDeletable(p, to.dir().inode(), existing);
            } else {
                Permissions.require(p, to.dir().inode(), Permissions.WRITE | Permissions.EXECUTE);
            }
            requireWritable(p, from.dir());
            from.dir().inode().rename(from.name(), to.dir().inode(), to.name());
            from.dir().inode().modified(files.now());
            to.dir().inode().modified(files.now());
            return 0;
        } catch (FsException e) {
            return e.negated();
        }
    }

    /** Whether {@code dir} is {@code ancestor} or below it, within one file system. */
    private static boolean isWithin(Inode dir, Inode ancestor) throws FsException {
        for (Inode d = dir; ; d = d.parent()) {
            if (d == ancestor) {
                return true;
            }
            if (d.parent() == d) {
                return false;
            }
        }
    }

    private static boolean isMountpoint(FsProcess p, Location dir, Inode child) {
        return p.mounts.mountedOn(dir.mount(), child) != null;
    }

    // ---- where a process stands ----

    public int chdir(Task t, int pathAddress) throws UserFault {
        FsProcess p = files.process(t);
        try {
            Location at = PathWalk.resolve(p, p.cwd, path(t, pathAddress), true);
            if (!at.inode().isDirectory()) {
                return Errno.ENOTDIR.negated();
            }
            Permissions.require(p, at.inode(), Permissions.EXECUTE);
            p.cwd = at;
            return 0;
        } catch (FsException e) {
            return e.negated();
        }
    }

    /** getcwd: the path from the process's root, written with its NUL; the length including it. */
    public int getcwd(Task t, int buf, int size) throws UserFault {
        FsProcess p = files.process(t);
        try {
            byte[] path = (Paths.absolute(p, p.cwd) + "\0").getBytes(StandardCharsets.ISO_8859_1);
            if (size < path.length) {
                return Errno.ERANGE.negated();
            }
            files.calls.memory().write(t, buf, path, 0, path.length);
            return path.length;
        } catch (FsException e) {
            return e.negated();
        }
    }

    // ---- mounts ----

    public int mount(Task t, int sourceAddress, int targetAddress, int typeAddress, int flags, int dataAddress)
            throws UserFault {
        FsProcess p = files.process(t);
        try {
            if (p.uid != 0) {
                return Errno.EPERM.negated();
            }
            String target = path(t, targetAddress);
            String type = path(t, typeAddress);
            String source = sourceAddress == 0 ? "none" : path(t, sourceAddress);
            String data = dataAddress == 0 ? "" : files.calls.memory().readString(t, dataAddress, 4095);
            if ((flags & ~MS_RDONLY & 0xFFFF) != 0 && (flags & 0xFFFF0000) != 0xC0ED0000) {
                return Errno.EINVAL.negated();
            }
            Location at = PathWalk.resolve(p, p.cwd, target, true);
            if (!at.inode().isDirectory()) {
                return Errno.ENOTDIR.negated();
            }
            FileSystem fs = files.types.make(type, source, data == null ? "" : data);
            p.mounts.mount(at, Paths.absolute(p, at), fs, (flags & MS_RDONLY) != 0);
            return 0;
        } catch (FsException e) {
            return e.negated();
        }
    }

    public int umount(Task t, int targetAddress, int flags) throws UserFault {
        FsProcess p = files.process(t);
        try {
            if (p.uid != 0) {
                return Errno.EPERM.negated();
            }
            if ((flags & ~0xF) != 0) {
                return Errno.EINVAL.negated();
            }
            p.mounts.unmount(PathWalk.resolve(p, p.cwd, path(t, targetAddress), true));
            return 0;
        } catch (FsException e) {
            return e.negated();
        }
    }

    // ---- helpers ----

    /** A user path: ENAMETOOLONG past PATH_MAX, ENOENT when empty. */
    private String path(Task t, int address) throws UserFault, FsException {
        String s = files.calls.memory().readString(t, address, PathWalk.PATH_MAX - 1);
        if (s == null) {
            throw FsException.of(Errno.ENAMETOOLONG);
        }
        if (s.isEmpty()) {
            throw FsException.of(Errno.ENOENT);
        }
        return s;
    }

    /** Where a relative path of an *at call starts: the cwd for AT_FDCWD, else the directory open at dirfd. */
    private Location start(FsProcess p, int dirfd, String path) throws FsException {
        if (dirfd == AT_FDCWD || path.startsWith("/")) {
            return p.cwd;
        }
        OpenFile f = p.fds.require(dirfd);
        if (!(f instanceof InodeFile file) || file.location() == null || !f.inode().isDirectory()) {
            throw FsException.of(Errno.ENOTDIR);
        }
        return file.location();
    }

    private static boolean isDotOrRoot(String name) {
        return name.equals(".") || name.equals("..") || name.equals("/");
    }

    private static boolean isSpecial(Inode node) {
        int type = node.type();
        return type == Modes.S_IFCHR || type == Modes.S_IFBLK || type == Modes.S_IFIFO || type == Modes.S_IFSOCK;
    }

    /** Changing a name in {@code dir}: write and search permission there, and a writable mount. */
    private static void requireWritable(FsProcess p, Location dir) throws FsException {
        if (dir.inode().nlink() == 0) {
            throw FsException.of(Errno.ENOENT); // a removed directory takes no new names
        }
        Permissions.require(p, dir.inode(), Permissions.WRITE | Permissions.EXECUTE);
        requireWritableMount(dir);
    }

    private static void requireWritableMount(Location at) throws FsException {
        if (at.mount().readOnly()) {
            throw FsException.of(Errno.EROFS);
        }
    }

    /** A new file's times, and its directory's. */
    private void stamp(Inode made, Inode dir) {
        long now = files.now();
        made.modified(now);
        made.accessed(now);
        dir.modified(now);
    }
}
