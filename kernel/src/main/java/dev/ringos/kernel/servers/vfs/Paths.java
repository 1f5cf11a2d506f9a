package dev.ringos.kernel.servers.vfs;

import dev.ringos.kernel.syscall.Errno;

/** Names for places: the absolute path of a location as its process sees it (getcwd, /proc/PID/cwd, mounts). */
public final class Paths {
    private Paths() {
    }

    /**
     * The path from the process's root to {@code at}, found by walking ".." and looking each
     * directory up in its parent by inode number. ENOENT if {@code at} has been removed.
     */
    public static String absolute(FsProcess p, Location at) throws FsException {
        StringBuilder path = new StringBuilder();
        Location cur = at;
        while (!cur.equals(p.root)) {
            if (cur.isMountRoot()) {
                if (cur.mount().parent() == null) {
                    break; // outside the process's root: shown from the real root
                }
                cur = new Location(cur.mount().parent(), cur.mount().mountpoint());
                continue;
            }
            Inode parent = cur.inode().parent();
            String name = nameIn(parent, cur.inode());
            path.insert(0, name).insert(0, '/');
            cur = new Location(cur.mount(), parent);
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    private static String nameIn(Inode dir, Inode child) throws FsException {
        for (DirEntry e : dir.list()) {
            if (e.ino() == child.ino() && dir.lookup(e.name()) == child) {
                return e.name();
            }
        }
        throw FsException.of(Errno.ENOENT);
    }
}
