package dev.ringos.kernel.servers.vfs.procfs;

import dev.ringos.kernel.servers.vfs.DirEntry;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.FsProcess;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.InodeFile;
import dev.ringos.kernel.servers.vfs.Location;
import dev.ringos.kernel.servers.vfs.Modes;
import dev.ringos.kernel.servers.vfs.Mount;
import dev.ringos.kernel.servers.vfs.OpenFile;
import dev.ringos.kernel.servers.vfs.Paths;
import dev.ringos.kernel.syscall.Errno;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * What the links of /proc/PID/fd say: the path of a file that has one, as its process sees it,
 * else the kind of object and its inode number as Linux writes them ("pipe:[12]").
 */
final class FileNames {
    /** How many directory entries a search for a file's name may look at before giving up. */
    private static final int SEARCH_LIMIT = 100_000;

    private FileNames() {
    }

    /** The target of the link for {@code file}, a description in {@code owner}'s table. */
    static String describe(FsProcess owner, OpenFile file) {
        Inode node = file.inode();
        Location at = file instanceof InodeFile opened ? opened.location() : null;
        if (at == null) {
            at = mountedAt(owner, node); // a device or FIFO opened by name: its node lives in a mounted file system
        }
        if (at != null) {
            String path = pathOf(owner, at);
            if (path != null) {
                return path;
            }
        }
        return switch (node.type()) {
            case Modes.S_IFIFO -> "pipe:[" + node.ino() + "]";
            case Modes.S_IFSOCK -> "socket:[" + node.ino() + "]";
            default -> at != null ? node.fs().type() + ":[" + node.ino() + "] (deleted)"
                    : "anon_inode:[" + node.fs().type() + "]";
        };
    }

    /**
     * The absolute path of {@code at} from {@code owner}'s root, or null if it has none (removed).
     * A directory knows its parent; a file in a file system that keeps no parent for files
     * (ramfs, where a file may have several names) is looked for from its mount's root.
     */
    static String pathOf(FsProcess owner, Location at) {
        try {
            return Paths.absolute(owner, at);
        } catch (FsException e) {
            if (e.errno() != Errno.ENOTDIR) {
                return null;
            }
        }
        try {
            return search(owner, at);
        } catch (FsException e) {
            return null;
        }
    }

    private static Location mountedAt(FsProcess owner, Inode node) {
        for (Mount m : owner.mounts().mounts()) {
            if (m.fs() == node.fs()) {
                return new Location(m, node);
            }
        }
        return null;
    }

    /** Breadth first from the mount's root, so of several names the shortest is found. */
    private static String search(FsProcess owner, Location at) throws FsException {
        Inode target = at.inode();
        Inode root = at.mount().fs().root();
        ArrayDeque<Inode> queue = new ArrayDeque<>();
        Set<Inode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        queue.add(root);
        seen.add(root);
        int budget = SEARCH_LIMIT;
        while (!queue.isEmpty()) {
            Inode dir = queue.poll();
            for (DirEntry e : dir.list()) {
                if (--budget < 0) {
                    return null;
                }
                boolean candidate = e.ino() == target.ino();
                if (!candidate && !Modes.isDirectory(e.mode())) {
                    continue;
                }
                Inode child = dir.lookup(e.name());
                if (child == target) {
                    String base = Paths.absolute(owner, new Location(at.mount(), dir));
                    return base.equals("/") ? "/" + e.name() : base + "/" + e.name();
                }
                if (child != null && child.isDirectory() && seen.add(child)) {
                    queue.add(child);
                }
            }
        }
        return null;
    }
}
