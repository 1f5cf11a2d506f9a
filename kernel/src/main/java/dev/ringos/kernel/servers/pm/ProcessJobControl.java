package dev.ringos.kernel.servers.pm;

import dev.ringos.kernel.core.Signal;

import dev.ringos.kernel.servers.vfs.JobControl;

/** The process manager's answers to the VFS about process groups, sessions and signals (SIGPIPE, a tty's keys). */
public final class ProcessJobControl implements JobControl {
    private final ProcessManager pm;

    public ProcessJobControl(ProcessManager pm) {
        this.pm = pm;
    }

    @Override
    public void signal(int pid, int signal) {
        Process p = pm.process(pid);
        if (p != null) {
            pm.signals().send(p, signal, 0);
        }
    }

    @Override
    public boolean signalGroup(int pgid, int signal) {
        boolean any = false;
        for (Process p : pm.processes()) {
            if (p.pgid == pgid && !p.zombie) {
                pm.signals().send(p, signal, 0);
                any = true;
            }
        }
        return any;
    }

    @Override
    public int pgid(int pid) {
        Process p = pm.process(pid);
        return p == null ? -1 : p.pgid;
    }

    @Override
    public int sid(int pid) {
        Process p = pm.process(pid);
        return p == null ? -1 : p.sid;
    }

    @Override
    public boolean groupInSession(int pgid, int sid) {
        for (Process p : pm.processes()) {
            if (p.pgid == pgid && p.sid == sid && !p.zombie) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean ignoresOrBlocks(int pid, int signal) {
        Process p = pm.process(pid);
        return p == null || p.signals.ignored(signal) || (p.signals.blocked & Signal.mask(signal)) != 0;
    }

    @Override
    public boolean orphanedGroup(int pgid) {
        for (Process p : pm.processes()) {
            if (p.pgid == pgid && !p.zombie && p.parent != null && p.parent.pgid != pgid && p.parent.sid == p.sid) {
                return false;
            }
        }
        return true;
    }
}
