package dev.ringos.kernel.servers.pm;

import dev.ringos.asm.elf.Executable;
import dev.ringos.kernel.core.AddressSpace;
import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.core.ProcessEvents;
import dev.ringos.kernel.core.Signal;
import dev.ringos.kernel.core.SyscallHandler;
import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.TraceSink;
import dev.ringos.kernel.core.UserFault;
import dev.ringos.kernel.servers.vfs.FileServer;
import dev.ringos.kernel.syscall.Errno;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The process manager: the process table, fork, execve, exit, wait4, process groups and
 * sessions. Signals are in {@link Signals}. It reaches threads and memory only through
 * {@link KernelCalls}; each handler is named after the call it serves.
 */
public final class ProcessManager implements ProcessEvents {
    /** Linux's default pid_max: pids wrap around below it. */
    static final int PID_MAX = 32768;
    public static final int WNOHANG = 1, WUNTRACED = 2, WCONTINUED = 8;
    private static final int WAIT_OPTIONS = WNOHANG | WUNTRACED | WCONTINUED | 0x4000_0000 | 0x8000_0000 | 0x2000_0000;
    private static final int PATH_MAX = 4096;

    private final KernelCalls calls;
    private final FileServer files;
    private final ExecLoader loader;
    final Signals signals;
    private final Clock clock;
    private final SystemName systemName;
    private final Map<Integer, Process> table = new TreeMap<>();
    private int lastPid;
    /** Where init's children are traced to (ringos run --strace traces the program, not init); null: nowhere. */
    private TraceSink initChildrenTracer;

    public ProcessManager(KernelCalls calls, FileServer files) {
        this.calls = calls;
        this.files = files;
        this.loader = new ExecLoader(calls);
        this.signals = new Signals(calls, this);
        this.clock = new Clock(calls);
        this.systemName = new SystemName(calls);
    }

    public Clock clock() {
        return clock;
    }

    public SystemName systemName() {
        return systemName;
    }

    FileServer files() {
        return files;
    }

    public Signals signals() {
        return signals;
    }

    /** Traces every child init forks (and, by inheritance, their descendants) to {@code sink}. */
    public void traceChildrenOfInit(TraceSink sink) {
        initChildrenTracer = sink;
    }

    // ---- the first process ----

    /**
     * Starts PID 1 from {@code path} with {@code argv} and {@code envp}, its fds 0–2 on the
     * console. Returns 0 or a negative errno.
     */
    public int startInit(String path, List<String> argv, List<String> envp) {
        int pid = allocatePid();
        files.startInit(pid);
        Object loaded = load(pid, path, argv);
        if (loaded instanceof Errno e) {
            files.exit(pid);
            return e.negated();
        }
        Program program = (Program) loaded;
        AddressSpace space = loader.buildSpace(program.exe());
        if (space == null) {
            files.exit(pid);
            return Errno.ENOMEM.negated();
        }
        Task task = calls.createTask(pid, space);
        Process init = new Process(pid, task, new SignalState());
        init.pgid = pid;
        init.sid = pid;
        task.setOwner(init);
        table.put(pid, init);
        try {
            start(init, program, envp);
        } catch (UserFault e) {
            return Errno.ENOMEM.negated();
        }
        calls.makeRunnable(task);
        return 0;
    }

    /** What execve runs: the ELF image, the path it came from and the argv it gets. */
    private record Program(Executable exe, String path, List<String> argv) {
    }

    /**
     * The program at {@code path} for process {@code pid}: an ELF executable, or a {@code #!}
     * script run by its interpreter (itself possibly a script, {@link Shebang#MAX_DEPTH} deep at
     * most, then ELOOP). A Program, or the Errno execve fails with.
     */
    private Object load(int pid, String path, List<String> argv) {
        for (int depth = 0; ; depth++) {
            Object found = files.executable(pid, path);
            if (found instanceof Errno e) {
                return e;
            }
            byte[] file = (byte[]) found;
            if (!Shebang.isScript(file)) {
                Object parsed = ExecLoader.parse(file);
                return parsed instanceof Errno e ? e : new Program((Executable) parsed, path, argv);
            }
            if (depth == Shebang.MAX_DEPTH) {
                return Errno.ELOOP;
            }
            Shebang script = Shebang.parse(file);
            if (script == null) {
                return Errno.ENOEXEC;
            }
            argv = script.argv(path, argv);
            path = script.interpreter();
        }
    }

    private void start(Process p, Program program, List<String> envp) throws UserFault {
        Executable exe = program.exe();
        String path = program.path();
        List<String> argv = program.argv();
        int sp = loader.buildStack(p.task, exe.entry(), path, argv, envp);
        calls.startAt(p.task, exe.entry(), sp);
        p.task.setName(ExecLoader.commandName(path));
        p.argv = List.copyOf(argv);
        p.executable = ProcView.absolute(files, p.pid, path);
    }

    // ---- identity ----

    public int getpid(Task caller) {
        return process(caller).pid;
    }

    public int getppid(Task caller) {
        return process(caller).ppid();
    }

    // ---- credentials ----

    public int getuid(Task caller) {
        return process(caller).uid;
    }

    public int getgid(Task caller) {
        return process(caller).gid;
    }

    /** setuid: root may become anyone (and then is no longer root); others only themselves. */
    public int setuid(Task caller, int uid) {
        Process p = process(caller);
        if (uid < 0) {
            return Errno.EINVAL.negated();
        }
        if (p.uid != 0 && uid != p.uid) {
            return Errno.EPERM.negated();
        }
        p.uid = uid;
        files.setCredentials(p.pid, p.uid, p.gid);
        return 0;
    }

    public int setgid(Task caller, int gid) {
        Process p = process(caller);
        if (gid < 0) {
            return Errno.EINVAL.negated();
        }
        if (p.uid != 0 && gid != p.gid) {
            return Errno.EPERM.negated();
        }
        p.gid = gid;
        files.setCredentials(p.pid, p.uid, p.gid);
        return 0;
    }

    // ---- fork, execve ----

    public int fork(Task caller) {
        Process parent = process(caller);
        int pid = allocatePid();
        if (pid < 0) {
            return Errno.EAGAIN.negated();
        }
        AddressSpace space = calls.forkSpace(caller.space());
        if (space == null) {
            return Errno.ENOMEM.negated();
        }
        Task task = calls.forkTask(caller, pid, space);
        if (parent.pid == 1 && initChildrenTracer != null) {
            calls.setTracer(task, initChildrenTracer);
        }
        Process child = new Process(pid, task, parent.signals.copy());
        child.parent = parent;
        child.pgid = parent.pgid;
        child.sid = parent.sid;
        child.uid = parent.uid;
        child.gid = parent.gid;
        child.argv = parent.argv;
        child.executable = parent.executable;
        task.setOwner(child);
        parent.children.add(child);
        table.put(pid, child);
        files.fork(parent.pid, pid);
        calls.makeRunnable(task);
        return pid;
    }

    public int execve(Task caller, int pathAddress, int argvAddress, int envpAddress) throws UserFault {
        Process p = process(caller);
        String path = calls.memory().readString(caller, pathAddress, PATH_MAX - 1);
        if (path == null) {
            return Errno.ENAMETOOLONG.negated();
        }
        int[] budget = {ExecLoader.ARG_MAX};
        List<String> argv = ExecLoader.readStrings(calls, caller, argvAddress, budget);
        List<String> envp = argv == null ? null : ExecLoader.readStrings(calls, caller, envpAddress, budget);
        if (argv == null || envp == null) {
            return Errno.E2BIG.negated();
        }
        if (path.isEmpty()) {
            return Errno.ENOENT.negated();
        }
        Object loaded = load(p.pid, path, argv);
        if (loaded instanceof Errno e) {
            return e.negated();
        }
        Program program = (Program) loaded;
        AddressSpace space = loader.buildSpace(program.exe());
        if (space == null) {
            return Errno.ENOMEM.negated();
        }
        // The point of no return: the old image is gone; failing now can only kill the process.
        calls.replaceSpace(caller, space);
        files.exec(p.pid);
        p.signals.resetHandlersForExec();
        try {
            start(p, program, envp);
        } catch (UserFault e) {
            signals.force(p, Signal.SIGKILL);
            return SyscallHandler.KEEP_REGISTERS;
        }
        return SyscallHandler.KEEP_REGISTERS;
    }

    // ---- exit, wait ----

    public int exit(Task caller, int code) {
        exit(process(caller), WaitStatus.exited(code));
        return SyscallHandler.KEEP_REGISTERS;
    }

    /** Ends a process with a wait status: it becomes a zombie until its parent waits. */
    void exit(Process p, int status) {
        if (p.zombie) {
            return;
        }
        files.exit(p.pid);
        calls.exitTask(p.task);
        int sig = status & 0x7F;
        trace(p, sig == 0 ? "+++ exited with " + ((status >> 8) & 0xFF) + " +++"
                : "+++ killed by " + Signal.name(sig) + " +++");
        calls.setTracer(p.task, null);
        calls.ports().exited(p.task);
        p.zombie = true;
        p.exitStatus = status;
        Process init = table.get(1);
        boolean orphanedZombies = false;
        for (Process child : p.children) {
            child.parent = init;
            if (init != null && init != p) {
                init.children.add(child);
                orphanedZombies |= child.zombie;
            }
        }
        p.children.clear();
        if (orphanedZombies) {
            calls.wakeAll(init.childEvents);
            signals.send(init, Signal.SIGCHLD, 0);
        }
        if (p.pid == 1) {
            calls.shutdown(WaitStatus.shellStatus(status));
            return;
        }
        Process parent = p.parent;
        if (parent != null) {
            if (parent.signals.handler[Signal.SIGCHLD] == SignalState.SIG_IGN
                    || (parent.signals.flags[Signal.SIGCHLD] & SignalState.SA_NOCLDWAIT) != 0) {
                reap(p);
            } else {
                signals.send(parent, Signal.SIGCHLD, p.pid);
            }
            calls.wakeAll(parent.childEvents);
        }
    }

    public int wait4(Task caller, int pid, int statusAddress, int options, int rusageAddress) throws UserFault {
        Process p = process(caller);
        if ((options & ~WAIT_OPTIONS) != 0) {
            return Errno.EINVAL.negated();
        }
        boolean any = false;
        for (Process child : p.children) {
            if (!matches(p, child, pid)) {
                continue;
            }
            any = true;
            int status;
            if (child.zombie) {
                status = child.exitStatus;
                p.childUserCycles += child.task.userCycles() + child.childUserCycles;
                p.childSystemCycles += child.task.systemCycles() + child.childSystemCycles;
                writeRusage(caller, rusageAddress, child);
                reap(child);
            } else if (child.stopToReport && (options & WUNTRACED) != 0) {
                child.stopToReport = false;
                status = WaitStatus.stopped(child.stopSignal);
            } else if (child.continueToReport && (options & WCONTINUED) != 0) {
                child.continueToReport = false;
                status = WaitStatus.CONTINUED;
            } else {
                continue;
            }
            if (statusAddress != 0) {
                calls.memory().writeInt(caller, statusAddress, status);
            }
            return child.pid;
        }
        if (!any) {
            return Errno.ECHILD.negated();
        }
        if ((options & WNOHANG) != 0) {
            return 0;
        }
        calls.park(caller, p.childEvents, true);
        return SyscallHandler.PARKED;
    }

    private static boolean matches(Process parent, Process child, int pid) {
        if (pid > 0) {
            return child.pid == pid;
        }
        if (pid == 0) {
            return child.pgid == parent.pgid;
        }
        if (pid == -1) {
            return true;
        }
        return child.pgid == -pid;
    }

    /** struct rusage: ru_utime and ru_stime as timevals from virtual cycles, the rest zero. */
    private void writeRusage(Task caller, int address, Process child) throws UserFault {
        if (address == 0) {
            return;
        }
        byte[] zeros = new byte[72];
        calls.memory().write(caller, address, zeros, 0, zeros.length);
        long user = child.task.userCycles() / 100;
        long system = child.task.systemCycles() / 100;
        calls.memory().writeInt(caller, address, (int) (user / 1_000_000));
        calls.memory().writeInt(caller, address + 4, (int) (user % 1_000_000));
        calls.memory().writeInt(caller, address + 8, (int) (system / 1_000_000));
        calls.memory().writeInt(caller, address + 12, (int) (system % 1_000_000));
    }

    private void reap(Process child) {
        if (child.parent != null) {
            child.parent.children.remove(child);
        }
        table.remove(child.pid);
        calls.forget(child.task);
    }

    // ---- groups and sessions ----

    public int setpgid(Task caller, int pid, int pgid) {
        Process self = process(caller);
        if (pid < 0 || pgid < 0) {
            return Errno.EINVAL.negated();
        }
        Process target = pid == 0 ? self : table.get(pid);
        if (pgid < 0) {
            return Errno.EINVAL.negated();
        }
        if (target == null || target != self && target.parent != self) {
            return Errno.ESRCH.negated();
        }
        if (target.sid != self.sid || target.sid == target.pid) {
            return Errno.EPERM.negated();
        }
        int group = pgid == 0 ? target.pid : pgid;
        if (group != target.pid && table.values().stream().noneMatch(q -> q.pgid == group && q.sid == self.sid)) {
            return Errno.EPERM.negated();
        }
        target.pgid = group;
        return 0;
    }

    public int getpgid(Task caller, int pid) {
        Process target = pid == 0 ? process(caller) : table.get(pid);
        return target == null ? Errno.ESRCH.negated() : target.pgid;
    }

    public int setsid(Task caller) {
        Process p = process(caller);
        int pid = p.pid;
        if (table.values().stream().anyMatch(q -> q.pgid == pid)) {
            return Errno.EPERM.negated();
        }
        p.sid = pid;
        p.pgid = pid;
        return pid;
    }

    public int getsid(Task caller, int pid) {
        Process target = pid == 0 ? process(caller) : table.get(pid);
        return target == null ? Errno.ESRCH.negated() : target.sid;
    }

    // ---- memory ----

    public int brk(Task caller, int address) {
        AddressSpace space = caller.space();
        if (address != 0) {
            calls.setBrk(space, address);
        }
        return space.brk();
    }

    /** Adds a line to the strace output of a traced process. */
    void trace(Process p, String line) {
        if (p.task.traced()) {
            p.task.tracer().emit(p.task, line);
        }
    }

    // ---- ProcessEvents ----

    @Override
    public void fault(Task task, int signal, int code, int address, int trap, int errorCode) {
        signals.fault(process(task), signal, code, address, trap, errorCode);
    }

    @Override
    public void beforeUserReturn(Task task) {
        signals.deliver(process(task));
    }

    // ---- table ----

    static Process process(Task task) {
        return (Process) task.owner();
    }

    public Process process(int pid) {
        return table.get(pid);
    }

    /** The pid handed out most recently (/proc/loadavg's last field). */
    int lastPid() {
        return lastPid;
    }

    public Collection<Process> processes() {
        return Collections.unmodifiableCollection(table.values());
    }

    List<Process> group(int pgid) {
        List<Process> members = new ArrayList<>();
        for (Process p : table.values()) {
            if (p.pgid == pgid && !p.zombie) {
                members.add(p);
            }
        }
        return members;
    }

    /** The next free pid after the last one given, wrapping below PID_MAX; -1 if all are taken. */
    private int allocatePid() {
        for (int i = 0; i < PID_MAX; i++) {
            lastPid = lastPid + 1 >= PID_MAX ? 2 : lastPid + 1;
            if (!table.containsKey(lastPid) && calls.task(lastPid) == null) {
                return lastPid;
            }
        }
        return -1;
    }
}
