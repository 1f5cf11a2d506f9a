package dev.ringos.kernel.servers.vfs.procfs;

import dev.ringos.kernel.servers.vfs.FileServer;
import dev.ringos.kernel.servers.vfs.FileSystem;
import dev.ringos.kernel.servers.vfs.Inode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * procfs: the kernel's state as text files in the formats of Linux's proc(5). The root lists a
 * directory per live process (zombies included) and a few files about the machine; a file's
 * text is made when it is read, from the process manager ({@link ProcessView}), the VFS's
 * per-process state and the core's counters. Nothing can be written, created or removed.
 */
public final class ProcFs implements FileSystem {
    final FileServer files;
    final ProcessView processes;
    private final RootDirectory root;
    /** Each process's directory, kept so that a path walk finds the same inode every time. */
    private final Map<Integer, PidDirectory> pidDirectories = new HashMap<>();

    public ProcFs(FileServer files, ProcessView processes) {
        this.files = files;
        this.processes = processes;
        this.root = new RootDirectory(this);
    }

    @Override
    public Inode root() {
        return root;
    }

    @Override
    public String type() {
        return "proc";
    }

    @Override
    public String source() {
        return "proc";
    }

    /**
     * The directory of process {@code pid}: the same object for as long as that process exists,
     * a new one if the pid now names another process; null if there is none.
     */
    PidDirectory pidDirectory(int pid) {
        ProcessInfo info = processes.process(pid);
        PidDirectory dir = pidDirectories.get(pid);
        if (info == null) {
            pidDirectories.remove(pid);
            return null;
        }
        if (dir == null || dir.started != info.startCycles()) {
            dir = new PidDirectory(this, root, pid, info.startCycles());
            pidDirectories.put(pid, dir);
        }
        return dir;
    }

    /** Forgets the directories of processes that are gone (a listing of the root calls this). */
    void prune(int[] live) {
        if (pidDirectories.size() > live.length) {
            Set<Integer> alive = new HashSet<>();
            for (int pid : live) {
                alive.add(pid);
            }
            pidDirectories.keySet().retainAll(alive);
        }
    }

    /** File times: when the inode was made, in seconds on the virtual clock. */
    long now() {
        return files.now();
    }
}
