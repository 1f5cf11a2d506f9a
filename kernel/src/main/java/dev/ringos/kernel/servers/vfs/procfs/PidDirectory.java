package dev.ringos.kernel.servers.vfs.procfs;

import dev.ringos.kernel.servers.vfs.DirEntry;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.FsProcess;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.syscall.Errno;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /proc/PID: one process's files, owned by its uid. The directory stands for one process, not
 * a number: once that process is reaped it is empty and its open files read ESRCH, even if the
 * pid is given to another (which gets a directory of its own).
 */
final class PidDirectory extends ProcDirectory {
    final int pid;
    /** When the process was made: with the pid, what tells it from a later one with the same pid. */
    final long started;
    private final Map<String, Inode> entries = new LinkedHashMap<>();

    PidDirectory(ProcFs fs, Inode root, int pid, long started) {
        super(fs, inoOf(pid), 0555, root, null);
        this.pid = pid;
        this.started = started;
        long ino = inoOf(pid);
        // In the order Linux lists them.
        entries.put("fd", new FdDirectory(fs, this, ino + 1));
        entries.put("status", text(ino + 2, () -> {
            ProcessInfo info = info();
            return ProcessText.status(info, memory(), files());
        }));
        entries.put("comm", text(ino + 3, () -> ProcessText.comm(info())));
        entries.put("cmdline", text(ino + 4, () -> ProcessText.cmdline(info())));
        entries.put("stat", text(ino + 5, () -> {
            ProcessInfo info = info();
            return ProcessText.stat(info, memory());
        }));
        entries.put("statm", text(ino + 6, () -> {
            info();
            return ProcessText.statm(memory());
        }));
        entries.put("maps", text(ino + 7, () -> {
            info();
            return ProcessText.maps(memory());
        }));
        entries.put("cwd", privateLink(ino + 8, owner -> FileNames.pathOf(owner, owner.cwd())));
        entries.put("root", privateLink(ino + 9, owner -> FileNames.pathOf(owner, owner.root())));
        entries.put("exe", new Link(fs, ino + 10, this, this, reader -> {
            ProcessInfo info = permitted(reader);
            if (info.isZombie() || info.executable() == null) {
                throw FsException.of(Errno.ENOENT);
            }
            return info.executable();
        }));
        entries.put("mounts", text(ino + 11, () -> {
            info();
            return ProcessText.mounts(files());
        }));
    }

    static long inoOf(int pid) {
        return (long) pid << 16;
    }

    private TextFile text(long ino, TextFile.Text text) {
        return new TextFile(procfs(), ino, this, this, Errno.EINVAL, text);
    }

    /** A link into the process's own view of the tree: only its owner (or root) may read it, as Linux's ptrace check. */
    private Link privateLink(long ino, Where where) {
        return new Link(procfs(), ino, this, this, reader -> {
            permitted(reader);
            FsProcess owner = files();
            if (owner == null) {
                throw FsException.of(Errno.ENOENT);
            }
            return where.in(owner);
        });
    }

    @FunctionalInterface
    private interface Where {
        String in(FsProcess owner) throws FsException;
    }

    /** The process if {@code reader} may look into it: root or the same uid; EACCES otherwise. */
    ProcessInfo permitted(FsProcess reader) throws FsException {
        ProcessInfo info = info();
        if (reader != null && reader.uid() != 0 && reader.uid() != info.uid()) {
            throw FsException.of(Errno.EACCES);
        }
        return info;
    }

    /** The process now, or ESRCH once it is gone. */
    ProcessInfo info() throws FsException {
        ProcessInfo info = current();
        if (info == null) {
            throw FsException.of(Errno.ESRCH);
        }
        return info;
    }

    private ProcessInfo current() {
        ProcessInfo info = procfs().processes.process(pid);
        return info != null && info.startCycles() == started ? info : null;
    }

    ProcessView.Memory memory() {
        return procfs().processes.memory(pid);
    }

    /** Its VFS state (descriptors, cwd, mounts); null for a zombie, whose files are closed. */
    FsProcess files() {
        return current() == null ? null : procfs().files.process(pid);
    }

    int ownerUid() {
        ProcessInfo info = current();
        return info == null ? 0 : info.uid();
    }

    int ownerGid() {
        ProcessInfo info = current();
        return info == null ? 0 : info.gid();
    }

    @Override
    public int uid() {
        return ownerUid();
    }

    @Override
    public int gid() {
        return ownerGid();
    }

    @Override
    public Inode lookup(String name) {
        return current() == null ? null : entries.get(name);
    }

    @Override
    public List<DirEntry> list() {
        if (current() == null) {
            return List.of();
        }
        List<DirEntry> list = new ArrayList<>(entries.size());
        for (Map.Entry<String, Inode> e : entries.entrySet()) {
            list.add(new DirEntry(e.getKey(), e.getValue().ino(), e.getValue().mode()));
        }
        return list;
    }
}
