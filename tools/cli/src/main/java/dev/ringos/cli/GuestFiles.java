package dev.ringos.cli;

import dev.ringos.kernel.Kernel;
import dev.ringos.kernel.servers.pm.ProcView;
import dev.ringos.kernel.servers.vfs.DirEntry;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.FsProcess;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.Location;
import dev.ringos.kernel.servers.vfs.Mount;
import dev.ringos.kernel.servers.vfs.procfs.ProcessInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The guest's files as the process at the terminal sees them (its root, its cwd, its mounts), read
 * from the host while the kernel is at rest, for completing names. Read-only; guest permissions
 * are not checked (the host's user owns the machine). Any failure is an empty answer.
 */
final class GuestFiles {
    /** A name in a directory, and whether it is a directory (after following a symbolic link). */
    record Name(String name, boolean directory, boolean executable) {
    }

    private static final int MAX_LINKS = 40;
    private final Kernel kernel;

    GuestFiles(Kernel kernel) {
        this.kernel = kernel;
    }

    /**
     * The names in the directory {@code path} (relative to the cwd unless absolute) whose names
     * start with {@code prefix}; dot files only if the prefix starts with a dot.
     */
    List<Name> list(String path, String prefix) {
        List<Name> names = new ArrayList<>();
        FsProcess p = atTerminal();
        if (p == null) {
            return names;
        }
        try {
            Location dir = resolve(p, path.isEmpty() ? "." : path, 0);
            if (!dir.inode().isDirectory()) {
                return names;
            }
            for (DirEntry e : dir.inode().list()) {
                String name = e.name();
                if (name.equals(".") || name.equals("..") || !name.startsWith(prefix)
                        || name.startsWith(".") && !prefix.startsWith(".")) {
                    continue;
                }
                Inode file = follow(p, dir, name);
                if (file != null) {
                    names.add(new Name(name, file.isDirectory(), file.isRegular() && (file.mode() & 0111) != 0));
                }
            }
        } catch (FsException | RuntimeException e) {
            return names;
        }
        return names;
    }

    /** The file {@code name} in {@code dir}, symbolic links followed; null if it leads nowhere. */
    private Inode follow(FsProcess p, Location dir, String name) {
        try {
            return resolve(p, dir, name, 0).inode();
        } catch (FsException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The process whose cwd counts: the leader of the console's foreground group (the shell, or the
     * job it runs), else any process of that group; null if there is no terminal's foreground.
     */
    private FsProcess atTerminal() {
        ProcView view = new ProcView(kernel.processes());
        int group = -1;
        for (int pid : view.pids()) {
            ProcessInfo info = view.process(pid);
            if (info != null && info.tpgid() > 0) {
                group = info.tpgid();
                break;
            }
        }
        if (group <= 0) {
            return null;
        }
        FsProcess leader = kernel.files().process(group);
        if (leader != null) {
            return leader;
        }
        for (int pid : view.pids()) {
            ProcessInfo info = view.process(pid);
            if (info != null && info.pgrp() == group && kernel.files().process(pid) != null) {
                return kernel.files().process(pid);
            }
        }
        return null;
    }

    private Location resolve(FsProcess p, String path, int links) throws FsException {
        return resolve(p, path.startsWith("/") ? p.root() : p.cwd(), path, links);
    }

    /** Walks {@code path} from {@code at} as PathWalk does: mounts, "..", symbolic links. */
    private Location resolve(FsProcess p, Location at, String path, int links) throws FsException {
        if (path.startsWith("/")) {
            at = p.root();
        }
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                at = up(p, at);
                continue;
            }
            Inode next = at.inode().lookup(part);
            if (next.isSymlink()) {
                if (links >= MAX_LINKS) {
                    throw new IllegalStateException("too many symbolic links");
                }
                at = resolve(p, at, next.readlink(), links + 1);
            } else {
                at = down(p, new Location(at.mount(), next));
            }
        }
        return at;
    }

    private static Location down(FsProcess p, Location at) {
        List<Mount> mounts = p.mounts().mounts();
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int i = mounts.size() - 1; i > 0; i--) {
                Mount m = mounts.get(i);
                if (m.parent() == at.mount() && m.mountpoint() == at.inode()) {
                    at = new Location(m, m.fs().root());
                    moved = true;
                    break;
                }
            }
        }
        return at;
    }

    private static Location up(FsProcess p, Location at) throws FsException {
        while (true) {
            if (at.equals(p.root())) {
                return at;
            }
            if (at.inode() == at.mount().fs().root() && at.mount().parent() != null) {
                at = new Location(at.mount().parent(), at.mount().mountpoint());
                continue;
            }
            return down(p, new Location(at.mount(), at.inode().parent()));
        }
    }
}
