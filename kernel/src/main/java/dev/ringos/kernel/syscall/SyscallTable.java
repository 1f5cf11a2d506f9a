package dev.ringos.kernel.syscall;

import static dev.ringos.kernel.syscall.Arg.*;

import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.servers.pm.Clock;
import dev.ringos.kernel.servers.pm.ProcessManager;
import dev.ringos.kernel.servers.pm.Signals;
import dev.ringos.kernel.servers.pm.SystemName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The syscall table: every call ringos implements, by Linux i386 number, with its handler, its
 * support status and its strace format. docs/syscalls.md is generated from it. A handler only
 * decodes arguments and sends the request to the server that owns it.
 */
public final class SyscallTable {
    /** Above Linux's numbers: ringos's own calls (IPC ports). */
    public static final int PRIVATE_BASE = 0x1000;

    private final Syscall[] byNumber = new Syscall[PRIVATE_BASE + 64];
    private final List<Syscall> rows = new ArrayList<>();

    public SyscallTable(KernelCalls calls, ProcessManager pm) {
        Signals sig = pm.signals();
        full(1, "exit", List.of(INT), (t, a) -> pm.exit(t, a.a0()));
        full(252, "exit_group", List.of(INT), (t, a) -> pm.exit(t, a.a0()));
        full(2, "fork", List.of(), (t, a) -> pm.fork(t));
        partial(190, "vfork", "a full copy-on-write fork: the parent is not suspended", List.of(),
                (t, a) -> pm.fork(t));
        full(11, "execve", List.of(PATH, ARGV, ENVP), (t, a) -> pm.execve(t, a.a0(), a.a1(), a.a2()));
        full(114, "wait4", List.of(INT, WAIT_STATUS, WAIT_OPTIONS, POINTER),
                (t, a) -> pm.wait4(t, a.a0(), a.a1(), a.a2(), a.a3()));
        full(7, "waitpid", List.of(INT, WAIT_STATUS, WAIT_OPTIONS), (t, a) -> pm.wait4(t, a.a0(), a.a1(), a.a2(), 0));
        full(20, "getpid", List.of(), (t, a) -> pm.getpid(t));
        full(224, "gettid", List.of(), (t, a) -> t.id);
        full(64, "getppid", List.of(), (t, a) -> pm.getppid(t));
        full(57, "setpgid", List.of(INT, INT), (t, a) -> pm.setpgid(t, a.a0(), a.a1()));
        full(65, "getpgrp", List.of(), (t, a) -> pm.getpgid(t, 0));
        full(132, "getpgid", List.of(INT), (t, a) -> pm.getpgid(t, a.a0()));
        full(66, "setsid", List.of(), (t, a) -> pm.setsid(t));
        full(147, "getsid", List.of(INT), (t, a) -> pm.getsid(t, a.a0()));
        full(24, "getuid", List.of(), (t, a) -> pm.getuid(t));
        full(47, "getgid", List.of(), (t, a) -> pm.getgid(t));
        full(49, "geteuid", List.of(), (t, a) -> pm.getuid(t));
        full(50, "getegid", List.of(), (t, a) -> pm.getgid(t));
        full(199, "getuid32", List.of(), (t, a) -> pm.getuid(t));
        full(200, "getgid32", List.of(), (t, a) -> pm.getgid(t));
        full(201, "geteuid32", List.of(), (t, a) -> pm.getuid(t));
        full(202, "getegid32", List.of(), (t, a) -> pm.getgid(t));
        partial(23, "setuid", "one uid per process: real, effective and saved move together", List.of(INT),
                (t, a) -> pm.setuid(t, a.a0()));
        partial(46, "setgid", "one gid per process, no supplementary groups", List.of(INT), (t, a) -> pm.setgid(t, a.a0()));
        partial(213, "setuid32", "as setuid", List.of(INT), (t, a) -> pm.setuid(t, a.a0()));
        partial(214, "setgid32", "as setgid", List.of(INT), (t, a) -> pm.setgid(t, a.a0()));
        full(45, "brk", List.of(POINTER), (t, a) -> pm.brk(t, a.a0()));
        full(158, "sched_yield", List.of(), (t, a) -> {
            calls.yield(t);
            return 0;
        });

        Clock clock = pm.clock();
        full(13, "time", List.of(POINTER), (t, a) -> clock.time(t, a.a0()));
        full(78, "gettimeofday", List.of(POINTER, POINTER), (t, a) -> clock.gettimeofday(t, a.a0(), a.a1()));
        full(265, "clock_gettime", List.of(INT, POINTER), (t, a) -> clock.clockGettime(t, a.a0(), a.a1()));
        full(266, "clock_getres", List.of(INT, POINTER), (t, a) -> clock.clockGetres(t, a.a0(), a.a1()));
        full(162, "nanosleep", List.of(POINTER, POINTER), (t, a) -> clock.nanosleep(t, a.a0(), a.a1()));
        SystemName name = pm.systemName();
        full(122, "uname", List.of(POINTER), (t, a) -> name.uname(t, a.a0()));
        full(74, "sethostname", List.of(BUFFER_IN, UINT), (t, a) -> name.sethostname(t, a.a0(), a.a1()));
        full(121, "setdomainname", List.of(BUFFER_IN, UINT), (t, a) -> name.setdomainname(t, a.a0(), a.a1()));

        full(37, "kill", List.of(INT, SIGNAL), (t, a) -> sig.kill(t, a.a0(), a.a1()));
        full(48, "signal", List.of(SIGNAL, POINTER), (t, a) -> sig.signal(t, a.a0(), a.a1()));
        full(67, "sigaction", List.of(SIGNAL, POINTER, POINTER), (t, a) -> sig.sigaction(t, a.a0(), a.a1(), a.a2()));
        full(174, "rt_sigaction", List.of(SIGNAL, POINTER, POINTER, UINT),
                (t, a) -> sig.rtSigaction(t, a.a0(), a.a1(), a.a2(), a.a3()));
        full(126, "sigprocmask", List.of(SIGPROCMASK_HOW, POINTER, POINTER),
                (t, a) -> sig.sigprocmask(t, a.a0(), a.a1(), a.a2()));
        full(175, "rt_sigprocmask", List.of(SIGPROCMASK_HOW, POINTER, POINTER, UINT),
                (t, a) -> sig.rtSigprocmask(t, a.a0(), a.a1(), a.a2(), a.a3()));
        full(73, "sigpending", List.of(POINTER), (t, a) -> sig.sigpending(t, a.a0()));
        full(176, "rt_sigpending", List.of(POINTER, UINT), (t, a) -> sig.rtSigpending(t, a.a0(), a.a1()));
        full(119, "sigreturn", List.of(), (t, a) -> sig.sigreturn(t));
        full(173, "rt_sigreturn", List.of(), (t, a) -> sig.rtSigreturn(t));
        full(29, "pause", List.of(), (t, a) -> sig.pause(t));
    }

    void full(int number, String name, List<Arg> args, Handler handler) {
        add(new Syscall(number, name, Support.FULL, "", args, handler));
    }

    void partial(int number, String name, String note, List<Arg> args, Handler handler) {
        add(new Syscall(number, name, Support.PARTIAL, note, args, handler));
    }

    /** Adds a row; a server outside the core (IPC ports) registers its calls this way too. */
    public void add(Syscall call) {
        if (byNumber[call.number()] != null) {
            throw new IllegalArgumentException("syscall " + call.number() + " is already " + byNumber[call.number()].name());
        }
        byNumber[call.number()] = call;
        rows.add(call);
        rows.sort((x, y) -> Integer.compare(x.number(), y.number()));
    }

    /** The row for {@code number}, or null (ENOSYS). */
    public Syscall get(int number) {
        return number >= 0 && number < byNumber.length ? byNumber[number] : null;
    }

    public List<Syscall> rows() {
        return Collections.unmodifiableList(rows);
    }

    boolean noReturn(int number) {
        return number == 1 || number == 252;
    }
}
