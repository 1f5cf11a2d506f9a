package dev.ringos.kernel.servers.pm;

import dev.ringos.kernel.core.AddressSpace;
import dev.ringos.kernel.core.Region;
import dev.ringos.kernel.core.Signal;
import dev.ringos.kernel.core.TaskState;
import dev.ringos.kernel.servers.vfs.FileServer;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.FsProcess;
import dev.ringos.kernel.servers.vfs.Paths;
import dev.ringos.kernel.servers.vfs.procfs.ProcessInfo;
import dev.ringos.kernel.servers.vfs.procfs.ProcessView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The process manager's answers to procfs: its table, read-only, and each thread's state from the core. */
public final class ProcView implements ProcessView {
    private final ProcessManager pm;

    public ProcView(ProcessManager pm) {
        this.pm = pm;
    }

    @Override
    public int[] pids() {
        return pm.processes().stream().mapToInt(Process::pid).toArray();
    }

    @Override
    public ProcessInfo process(int pid) {
        Process p = pm.process(pid);
        if (p == null) {
            return null;
        }
        long ignored = 0;
        long caught = 0;
        for (int sig = 1; sig < Signal.NSIG; sig++) {
            int handler = p.signals.handler[sig];
            if (handler == SignalState.SIG_IGN) {
                ignored |= Signal.mask(sig);
            } else if (handler != SignalState.SIG_DFL) {
                caught |= Signal.mask(sig);
            }
        }
        // Without a controlling terminal: tty_nr 0 and tpgid -1, as Linux shows a daemon.
        FileServer.TerminalInfo tty = pm.files().controllingTerminal(p.sid);
        return new ProcessInfo(p.pid, p.task.name(), p.stateLetter(), p.ppid(), p.pgid, p.sid,
                tty == null ? 0 : tty.device(), tty == null ? -1 : tty.foregroundGroup(), p.uid, p.gid,
                p.argv, p.executable, p.task.startCycles(), p.task.userCycles(), p.task.systemCycles(),
                p.childUserCycles, p.childSystemCycles, p.signals.pending, p.signals.blocked, ignored, caught,
                p.zombie ? p.exitStatus : 0);
    }

    @Override
    public Memory memory(int pid) {
        Process p = pm.process(pid);
        AddressSpace space = p == null || p.zombie ? null : p.task.space();
        if (space == null) {
            return null;
        }
        List<Area> areas = new ArrayList<>();
        for (Region r : space.regions()) {
            switch (r.kind()) {
                case IMAGE -> areas.add(new Area(r.start(), r.end(), r.rights(), AreaKind.IMAGE,
                        p.executable == null ? "" : p.executable));
                case HEAP -> areas.add(new Area(r.start(), r.end(), r.rights(), AreaKind.HEAP, "[heap]"));
                // The stack as far as it has grown, as Linux's stack mapping; the rest is only a limit.
                case STACK -> areas.add(new Area(Integer.compareUnsigned(space.stackLow(), r.start()) > 0
                        ? space.stackLow() : r.start(), r.end(), r.rights(), AreaKind.STACK, "[stack]"));
                case VDSO -> areas.add(new Area(r.start(), r.end(), r.rights(), AreaKind.VDSO, "[vdso]"));
                case ANONYMOUS -> areas.add(new Area(r.start(), r.end(), r.rights(), AreaKind.ANONYMOUS,
                        r.name() != null && r.name().startsWith("[") ? r.name() : ""));
                case GUARD -> { } // the gap below the stack is no mapping on Linux
            }
        }
        return new Memory(areas, space.residentPages());
    }

    @Override
    public int lastPid() {
        return pm.lastPid();
    }

    @Override
    public int runnable() {
        int n = 0;
        for (Process p : pm.processes()) {
            if (!p.zombie && p.task.state() == TaskState.RUNNABLE) {
                n++;
            }
        }
        return n;
    }

    /**
     * The absolute path of the program execve was given as {@code path}, for /proc/PID/exe and
     * maps: a relative path is taken from the cwd, and "." and ".." are folded away by name
     * (symbolic links on the way are kept as written). The path as given if the cwd has no name.
     */
    static String absolute(FileServer files, int pid, String path) {
        String full = path;
        if (!path.startsWith("/")) {
            FsProcess p = files.process(pid);
            if (p == null) {
                return path;
            }
            try {
                full = Paths.absolute(p, p.cwd()) + "/" + path;
            } catch (FsException e) {
                return path;
            }
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : full.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
