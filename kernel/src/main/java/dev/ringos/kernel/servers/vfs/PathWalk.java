package dev.ringos.kernel.servers.vfs;

import dev.ringos.kernel.syscall.Errno;

/**
 * Path resolution as path_resolution(7) describes it: component by component from the process's
 * root or a starting directory, search permission on every directory passed, "." and "..",
 * mounts crossed both ways, ".." never above the process's root, and symbolic links followed
 * (relative to the directory holding them) up to 40 in one resolution, then ELOOP.
 */
final class PathWalk {
    static final int MAX_SYMLINKS = 40;
    static final int NAME_MAX = 255;
    static final int PATH_MAX = 4096;

    /** A path's last component and the directory it is in (create, remove, rename). */
    record Parent(Location dir, String name, boolean trailingSlash) {
    }

    private PathWalk() {
    }

    /** The file {@code path} names, following a final symlink if {@code followLast}. */
    static Location resolve(FsProcess p, Location start, String path, boolean followLast) throws FsException {
        return walk(p, start, path, followLast, new int[] {MAX_SYMLINKS});
    }

    /**
     * The directory the last component of {@code path} is in, and that component. The name is
     * "." or ".." when the path ends so (callers refuse those), "/" for the root itself.
     */
    static Parent resolveParent(FsProcess p, Location start, String path) throws FsException {
        checkPath(path);
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        boolean trailingSlash = end < path.length();
        String trimmed = path.substring(0, end);
        if (trimmed.equals("/")) {
            return new Parent(p.root, "/", false);
        }
        int slash = trimmed.lastIndexOf('/');
        String name = trimmed.substring(slash + 1);
        if (name.length() > NAME_MAX) {
            throw FsException.of(Errno.ENAMETOOLONG);
        }
        Location dir = slash < 0 ? start : resolve(p, start, slash == 0 ? "/" : trimmed.substring(0, slash), true);
        if (!dir.inode().isDirectory()) {
            throw FsException.of(Errno.ENOTDIR);
        }
        Permissions.require(p, dir.inode(), Permissions.EXECUTE);
        return new Parent(dir, name, trailingSlash);
    }

    private static void checkPath(String path) throws FsException {
        if (path.isEmpty()) {
            throw FsException.of(Errno.ENOENT);
        }
        if (path.length() >= PATH_MAX) {
            throw FsException.of(Errno.ENAMETOOLONG);
        }
    }

    private static Location walk(FsProcess p, Location start, String path, boolean followLast, int[] links)
            throws FsException {
        checkPath(path);
        Location cur = path.charAt(0) == '/' ? p.root : start;
        int i = 0;
        int n = path.length();
        while (true) {
            while (i < n && path.charAt(i) == '/') {
                i++;
            }
            if (i == n) {
                return cur;
            }
            int end = path.indexOf('/', i);
            if (end < 0) {
                end = n;
            }
            String name = path.substring(i, end);
            boolean last = onlySlashesFrom(path, end);
            boolean trailingSlash = last && end < n;
            i = end;
            if (name.length() > NAME_MAX) {
                throw FsException.of(Errno.ENAMETOOLONG);
            }
            if (!cur.inode().isDirectory()) {
                throw FsException.of(Errno.ENOTDIR);
            }
            Permissions.require(p, cur.inode(), Permissions.EXECUTE);
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                cur = up(p, cur);
                continue;
            }
            Inode child = cur.inode().lookup(name);
            if (child == null) {
                throw FsException.of(Errno.ENOENT);
            }
            Location next = down(p.mounts, new Location(cur.mount(), child));
            if (next.inode().isSymlink() && (!last || followLast || trailingSlash)) {
                if (--links[0] < 0) {
                    throw FsException.of(Errno.ELOOP);
                }
                String target = next.inode().readlink(p);
                next = walk(p, cur, target, true, links);
            }
            if (trailingSlash && !next.inode().isDirectory()) {
                throw FsException.of(Errno.ENOTDIR);
            }
            cur = next;
        }
    }

    private static boolean onlySlashesFrom(String path, int from) {
        for (int k = from; k < path.length(); k++) {
            if (path.charAt(k) != '/') {
                return false;
            }
        }
        return true;
    }

    /** Into whatever is mounted on {@code at}, repeatedly (mounts stack). */
    static Location down(MountTable mounts, Location at) {
        Mount m;
        while ((m = mounts.mountedOn(at.mount(), at.inode())) != null) {
            at = new Location(m, m.fs().root());
        }
        return at;
    }

    /** "..": the process's root stays; a mount's root goes to its mountpoint first. */
    static Location up(FsProcess p, Location at) throws FsException {
        while (true) {
            if (at.equals(p.root)) {
                return at;
            }
            if (at.isMountRoot() && at.mount().parent() != null) {
                at = new Location(at.mount().parent(), at.mount().mountpoint());
                continue;
            }
            return down(p.mounts, new Location(at.mount(), at.inode().parent()));
        }
    }
}
