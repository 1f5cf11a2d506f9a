package dev.ringos.kernel.servers.pm;

import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.WaitQueue;
import java.util.ArrayList;
import java.util.List;

/**
 * The process manager's record of a process: identity, family, groups, signal state and how
 * it ended. Its one thread is {@link #task}; the pid is the thread's id, as on Linux.
 */
public final class Process {
    final int pid;
    final Task task;
    Process parent;
    final List<Process> children = new ArrayList<>();
    int pgid;
    int sid;
    /** Credentials: one uid and one gid (real = effective = saved); root (0) by default. */
    int uid;
    int gid;
    final SignalState signals;
    /** Where the parent parks in wait4 until a child changes state. */
    final WaitQueue childEvents;
    List<String> argv = List.of();
    /** The absolute path of the program it runs (/proc/PID/exe), or null before the first execve. */
    String executable;
    boolean zombie;
    /** The wait status once a zombie (Linux encoding). */
    int exitStatus;
    /** A stop or continue the parent has not yet collected with wait4 (WUNTRACED / WCONTINUED). */
    boolean stopToReport;
    boolean continueToReport;
    int stopSignal;
    /** In pause(): a handler ends it with EINTR whatever SA_RESTART says. */
    boolean pausing;
    /** In nanosleep: where to write the time left if a signal ends it (0: nowhere). */
    int sleepRemainder;
    /** Children's CPU time, added when they are reaped (for times(2) and wait4's rusage). */
    long childUserCycles;
    long childSystemCycles;

    Process(int pid, Task task, SignalState signals) {
        this.pid = pid;
        this.task = task;
        this.signals = signals;
        this.childEvents = new WaitQueue("wait4 by " + pid);
    }

    public int pid() {
        return pid;
    }

    public int ppid() {
        return parent == null ? 0 : parent.pid;
    }

    public int pgid() {
        return pgid;
    }

    public int sid() {
        return sid;
    }

    public int uid() {
        return uid;
    }

    public int gid() {
        return gid;
    }

    public Task task() {
        return task;
    }

    public boolean isZombie() {
        return zombie;
    }

    public List<String> argv() {
        return argv;
    }

    public String executable() {
        return executable;
    }

    /** The state letter ps shows: Z for a zombie, else its thread's. */
    public char stateLetter() {
        return zombie ? 'Z' : task.state().letter();
    }

    @Override
    public String toString() {
        return task.name() + "[" + pid + "]";
    }
}
