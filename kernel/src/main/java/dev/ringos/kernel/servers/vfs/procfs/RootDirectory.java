package dev.ringos.kernel.servers.vfs.procfs;

import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.servers.vfs.DirEntry;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.FsProcess;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.Modes;
import dev.ringos.kernel.syscall.Errno;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /proc itself: the machine-wide files, "self", and a directory named by each pid. As on Linux
 * the fixed entries are listed first, then the processes, lowest pid first.
 */
final class RootDirectory extends ProcDirectory {
    private final Map<String, Inode> fixed = new LinkedHashMap<>();

    RootDirectory(ProcFs fs) {
        super(fs, 1, 0555, null, null);
        KernelCalls calls = fs.files.calls();
        ProcessView processes = fs.processes;
        fixed.put("loadavg", new TextFile(fs, 2, this, null, Errno.EIO,
                () -> SystemText.loadavg(calls.loadAverage(), processes.runnable(), processes.pids().length,
                        processes.lastPid())));
        fixed.put("meminfo", new TextFile(fs, 3, this, null, Errno.EIO, () -> SystemText.meminfo(calls.frames())));
        // As on Linux, the mount list is each process's own: /proc/mounts is /proc/self/mounts.
        fixed.put("mounts", new Link(fs, 4, this, null, reader -> "self/mounts"));
        fixed.put("uptime", new TextFile(fs, 5, this, null, Errno.EIO,
                () -> SystemText.uptime(calls.cycles(), calls.idleCycles())));
        fixed.put("self", new Link(fs, 6, this, null, RootDirectory::self));
    }

    /** /proc/self: the reader's own directory. The kernel reading for no process has none. */
    private static String self(FsProcess reader) throws FsException {
        if (reader == null || reader.pid() <= 0) {
            throw FsException.of(Errno.ENOENT);
        }
        return Integer.toString(reader.pid());
    }

    @Override
    public Inode lookup(String name) {
        Inode node = fixed.get(name);
        if (node != null) {
            return node;
        }
        int pid = number(name);
        return pid > 0 ? procfs().pidDirectory(pid) : null;
    }

    @Override
    public List<DirEntry> list() {
        int[] pids = procfs().processes.pids();
        List<DirEntry> entries = new ArrayList<>(fixed.size() + pids.length);
        for (Map.Entry<String, Inode> e : fixed.entrySet()) {
            entries.add(new DirEntry(e.getKey(), e.getValue().ino(), e.getValue().mode()));
        }
        for (int pid : pids) {
            entries.add(new DirEntry(Integer.toString(pid), PidDirectory.inoOf(pid), Modes.S_IFDIR | 0555));
        }
        procfs().prune(pids);
        return entries;
    }
}
