package dev.ringos.kernel.servers.pm;

import static dev.ringos.kernel.core.UserRegisters.ESP;

import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.core.Signal;
import dev.ringos.kernel.core.SignalCodes;
import dev.ringos.kernel.core.SyscallHandler;
import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.TaskState;
import dev.ringos.kernel.core.UserFault;
import dev.ringos.kernel.core.WaitQueue;
import dev.ringos.kernel.syscall.Errno;

/**
 * Signals, as signal(7) describes them: generation (kill, faults, SIGCHLD), dispositions
 * (sigaction, signal), the blocked mask (sigprocmask), and delivery on the way back to user
 * mode — a default action (terminate, stop, continue, ignore) or a handler entered through a
 * signal frame and left through sigreturn.
 */
public final class Signals {
    static final int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;
    private static final long STOP_SIGNALS = Signal.mask(Signal.SIGSTOP) | Signal.mask(Signal.SIGTSTP)
            | Signal.mask(Signal.SIGTTIN) | Signal.mask(Signal.SIGTTOU);

    private final KernelCalls calls;
    private final ProcessManager pm;
    private final SignalFrame frames;
    /** pause() sleeps here; only a signal wakes it. */
    private final WaitQueue pauseQueue = new WaitQueue("pause");

    Signals(KernelCalls calls, ProcessManager pm) {
        this.calls = calls;
        this.pm = pm;
        this.frames = new SignalFrame(calls);
    }

    // ---- generation ----

    /** Makes {@code sig} pending for {@code p} (from {@code sender}, a pid or 0 for the kernel). */
    void send(Process p, int sig, int sender) {
        if (p.zombie || sig == 0) {
            return;
        }
        SignalState s = p.signals;
        long bit = Signal.mask(sig);
        if (sig == Signal.SIGCONT || sig == Signal.SIGKILL) {
            s.pending &= ~STOP_SIGNALS;
            if (p.task.state() == TaskState.STOPPED) {
                p.stopToReport = false;
                p.continueToReport = true;
                calls.makeRunnable(p.task);
                notifyParent(p, Signal.SIGCONT);
            }
        } else if ((STOP_SIGNALS & bit) != 0) {
            s.pending &= ~Signal.mask(Signal.SIGCONT);
        }
        if (s.ignored(sig) && (s.blocked & bit) == 0 && sig != Signal.SIGKILL) {
            return;
        }
        s.pending |= bit;
        s.sender[sig] = sender;
        s.code[sig] = SignalCodes.SI_USER;
        if ((s.blocked & bit) == 0 || sig == Signal.SIGKILL) {
            p.task.requestWork();
            calls.interrupt(p.task);
        }
    }

    /**
     * A fault's signal, which cannot be refused: if the process blocks or ignores it, it is
     * unblocked and reset to the default action (Linux's force_sig).
     */
    void fault(Process p, int sig, int code, int address, int trap, int errorCode) {
        SignalState s = p.signals;
        long bit = Signal.mask(sig);
        if ((s.blocked & bit) != 0 || s.handler[sig] == SignalState.SIG_IGN) {
            s.blocked &= ~bit;
            s.handler[sig] = SignalState.SIG_DFL;
        }
        s.pending |= bit;
        s.code[sig] = code;
        s.address[sig] = address;
        s.trap[sig] = trap;
        s.errorCode[sig] = errorCode;
        s.sender[sig] = 0;
        p.task.requestWork();
    }

    void force(Process p, int sig) {
        fault(p, sig, SignalCodes.SI_KERNEL, 0, 0, 0);
    }

    // ---- delivery ----

    /** On the way back to user mode: acts on the lowest deliverable signal, and asks again if more remain. */
    void deliver(Process p) {
        SignalState s = p.signals;
        int sig = s.nextDeliverable();
        if (sig == 0 || p.zombie) {
            return;
        }
        s.pending &= ~Signal.mask(sig);
        if (p.task.traced()) {
            pm.trace(p, "--- " + Signal.name(sig) + " " + SignalText.siginfo(sig, s.code[sig], s.address[sig],
                    s.sender[sig]) + " ---");
        }
        int handler = s.handler[sig];
        if (handler == SignalState.SIG_IGN) {
            again(p);
            return;
        }
        if (handler == SignalState.SIG_DFL || sig == Signal.SIGKILL || sig == Signal.SIGSTOP) {
            switch (Signal.defaultAction(sig)) {
                case TERMINATE, CORE -> pm.exit(p, WaitStatus.signaled(sig));
                case STOP -> stop(p, sig);
                case CONTINUE, IGNORE -> again(p);
            }
            return;
        }
        int flags = s.flags[sig];
        if (calls.willRestart(p.task)) {
            // pause() and nanosleep() always end with EINTR after a handler (signal(7)); other calls
            // restart if SA_RESTART says so.
            boolean sleeping = calls.sleepDeadline(p.task) != Task.NO_DEADLINE;
            if ((flags & SignalState.SA_RESTART) == 0 || p.pausing || sleeping) {
                if (sleeping) {
                    pm.clock().interrupted(p);
                }
                calls.cancelRestart(p.task, Errno.EINTR.negated());
            }
        }
        p.pausing = false;
        int restorer = (flags & SignalState.SA_RESTORER) != 0 ? s.restorer[sig]
                : (flags & SignalState.SA_SIGINFO) != 0 ? Vdso.RT_SIGRETURN : Vdso.SIGRETURN;
        long oldMask = s.blocked;
        if (!frames.setUp(p.task, sig, handler, restorer, (flags & SignalState.SA_SIGINFO) != 0, oldMask,
                s.code[sig], s.address[sig], s.trap[sig], s.errorCode[sig], s.sender[sig])) {
            // No room for a frame: Linux kills with SIGSEGV (force_sigsegv). If it was SIGSEGV's own
            // handler that found no room, SIGSEGV goes back to its default, or it would loop forever.
            if (sig == Signal.SIGSEGV) {
                s.handler[sig] = SignalState.SIG_DFL;
            }
            force(p, Signal.SIGSEGV);
            return;
        }
        s.blocked |= s.mask[sig];
        if ((flags & SignalState.SA_NODEFER) == 0) {
            s.blocked |= Signal.mask(sig);
        }
        s.blocked &= ~SignalState.UNBLOCKABLE;
        if ((flags & SignalState.SA_RESETHAND) != 0) {
            s.handler[sig] = SignalState.SIG_DFL;
            s.flags[sig] = 0;
        }
        s.code[sig] = 0;
        again(p);
    }

    private void again(Process p) {
        if (p.signals.nextDeliverable() != 0) {
            p.task.requestWork();
        }
    }

    private void stop(Process p, int sig) {
        p.stopSignal = sig;
        p.stopToReport = true;
        p.continueToReport = false;
        calls.stop(p.task);
        notifyParent(p, Signal.SIGSTOP);
    }

    /** Tells the parent about a stop or a continue: SIGCHLD (unless SA_NOCLDSTOP) and a wake-up in wait4. */
    private void notifyParent(Process p, int what) {
        Process parent = p.parent;
        if (parent == null) {
            return;
        }
        if ((parent.signals.flags[Signal.SIGCHLD] & SignalState.SA_NOCLDSTOP) == 0) {
            send(parent, Signal.SIGCHLD, p.pid);
        }
        calls.wakeAll(parent.childEvents);
    }

    // ---- syscalls ----

    public int kill(Task caller, int pid, int sig) {
        Process self = ProcessManager.process(caller);
        if (sig < 0 || sig >= Signal.NSIG) {
            return Errno.EINVAL.negated();
        }
        java.util.List<Process> targets = new java.util.ArrayList<>();
        if (pid > 0) {
            Process p = pm.process(pid);
            if (p != null) {
                targets.add(p);
            }
        } else if (pid == -1) {
            for (Process p : pm.processes()) {
                if (p.pid != 1 && p != self && !p.zombie) {
                    targets.add(p);
                }
            }
        } else {
            targets.addAll(pm.group(pid == 0 ? self.pgid : -pid));
        }
        if (targets.isEmpty()) {
            return Errno.ESRCH.negated();
        }
        for (Process p : targets) {
            send(p, sig, self.pid);
        }
        return 0;
    }

    /** rt_sigaction: struct {handler, flags, restorer, mask[2]}; sigsetsize must be 8. */
    public int rtSigaction(Task caller, int sig, int act, int oldact, int sigsetsize) throws UserFault {
        if (sigsetsize != 8) {
            return Errno.EINVAL.negated();
        }
        return sigaction(caller, sig, act, oldact, true);
    }

    /** The old sigaction: struct {handler, mask, flags, restorer}. */
    public int sigaction(Task caller, int sig, int act, int oldact) throws UserFault {
        return sigaction(caller, sig, act, oldact, false);
    }

    private int sigaction(Task caller, int sig, int act, int oldact, boolean rt) throws UserFault {
        SignalState s = ProcessManager.process(caller).signals;
        if (!Signal.valid(sig) || act != 0 && !Signal.catchable(sig)) {
            return Errno.EINVAL.negated();
        }
        int handler = 0, flags = 0, restorer = 0;
        long mask = 0;
        if (act != 0) {
            handler = calls.memory().readInt(caller, act);
            if (rt) {
                flags = calls.memory().readInt(caller, act + 4);
                restorer = calls.memory().readInt(caller, act + 8);
                mask = Integer.toUnsignedLong(calls.memory().readInt(caller, act + 12))
                        | Integer.toUnsignedLong(calls.memory().readInt(caller, act + 16)) << 32;
            } else {
                mask = Integer.toUnsignedLong(calls.memory().readInt(caller, act + 4));
                flags = calls.memory().readInt(caller, act + 8);
                restorer = calls.memory().readInt(caller, act + 12);
            }
        }
        // As Linux: the new action is installed before the old one is copied out, so a bad
        // oldact pointer fails with EFAULT after the change has taken effect.
        int oldHandler = s.handler[sig], oldFlags = s.flags[sig], oldRestorer = s.restorer[sig];
        long oldMask = s.mask[sig];
        if (act != 0) {
            set(s, sig, handler, flags, restorer, mask);
        }
        if (oldact != 0) {
            calls.memory().check(caller, oldact, rt ? 20 : 16, true);
            calls.memory().writeInt(caller, oldact, oldHandler);
            if (rt) {
                calls.memory().writeInt(caller, oldact + 4, oldFlags);
                calls.memory().writeInt(caller, oldact + 8, oldRestorer);
                calls.memory().writeInt(caller, oldact + 12, (int) oldMask);
                calls.memory().writeInt(caller, oldact + 16, (int) (oldMask >>> 32));
            } else {
                calls.memory().writeInt(caller, oldact + 4, (int) oldMask);
                calls.memory().writeInt(caller, oldact + 8, oldFlags);
                calls.memory().writeInt(caller, oldact + 12, oldRestorer);
            }
        }
        return 0;
    }

    /** signal(2) as the kernel implements it: one-shot and not masked (System V semantics); returns the old handler. */
    public int signal(Task caller, int sig, int handler) {
        SignalState s = ProcessManager.process(caller).signals;
        if (!Signal.valid(sig) || !Signal.catchable(sig)) {
            return Errno.EINVAL.negated();
        }
        int old = s.handler[sig];
        set(s, sig, handler, SignalState.SA_RESETHAND | SignalState.SA_NODEFER, 0, 0);
        return old;
    }

    private void set(SignalState s, int sig, int handler, int flags, int restorer, long mask) {
        s.handler[sig] = handler;
        s.flags[sig] = flags;
        s.restorer[sig] = restorer;
        s.mask[sig] = mask & ~SignalState.UNBLOCKABLE;
        // Setting a signal to be ignored discards it if pending (POSIX).
        if (s.ignored(sig)) {
            s.pending &= ~Signal.mask(sig);
        }
    }

    public int rtSigprocmask(Task caller, int how, int set, int oldset, int sigsetsize) throws UserFault {
        if (sigsetsize != 8) {
            return Errno.EINVAL.negated();
        }
        return sigprocmask(caller, how, set, oldset, 8);
    }

    public int sigprocmask(Task caller, int how, int set, int oldset) throws UserFault {
        return sigprocmask(caller, how, set, oldset, 4);
    }

    private int sigprocmask(Task caller, int how, int set, int oldset, int size) throws UserFault {
        Process p = ProcessManager.process(caller);
        SignalState s = p.signals;
        long old = s.blocked;
        if (set != 0) {
            long mask = Integer.toUnsignedLong(calls.memory().readInt(caller, set));
            if (size == 8) {
                mask |= Integer.toUnsignedLong(calls.memory().readInt(caller, set + 4)) << 32;
            } else {
                mask |= old & 0xFFFF_FFFF_0000_0000L;
            }
            long updated = switch (how) {
                case SIG_BLOCK -> old | mask;
                case SIG_UNBLOCK -> old & ~mask;
                case SIG_SETMASK -> mask;
                default -> -1L;
            };
            if (how < SIG_BLOCK || how > SIG_SETMASK) {
                return Errno.EINVAL.negated();
            }
            if (oldset != 0) {
                calls.memory().check(caller, oldset, size, true);
            }
            s.blocked = updated & ~SignalState.UNBLOCKABLE;
            again(p);
        }
        if (oldset != 0) {
            calls.memory().writeInt(caller, oldset, (int) old);
            if (size == 8) {
                calls.memory().writeInt(caller, oldset + 4, (int) (old >>> 32));
            }
        }
        return 0;
    }

    public int rtSigpending(Task caller, int set, int sigsetsize) throws UserFault {
        if (sigsetsize > 8 || sigsetsize < 0) {
            return Errno.EINVAL.negated();
        }
        SignalState s = ProcessManager.process(caller).signals;
        long pending = s.pending & s.blocked;
        calls.memory().writeInt(caller, set, (int) pending);
        if (sigsetsize == 8) {
            calls.memory().writeInt(caller, set + 4, (int) (pending >>> 32));
        }
        return 0;
    }

    public int sigpending(Task caller, int set) throws UserFault {
        SignalState s = ProcessManager.process(caller).signals;
        calls.memory().writeInt(caller, set, (int) (s.pending & s.blocked));
        return 0;
    }

    /** pause: sleeps until a signal is delivered; returns EINTR after its handler. */
    public int pause(Task caller) {
        Process p = ProcessManager.process(caller);
        p.pausing = true;
        calls.park(caller, pauseQueue, true);
        return SyscallHandler.PARKED;
    }

    /** sigreturn from a sigframe: ESP is 8 past its start (the handler's ret and the trampoline's pop). */
    public int sigreturn(Task caller) {
        Process p = ProcessManager.process(caller);
        int frame = calls.register(caller, ESP) - 8;
        try {
            long mask = frames.savedMask(caller, frame);
            frames.restoreContext(caller, frame + SignalFrame.SIGFRAME_CONTEXT);
            calls.setRegister(caller, ESP, calls.memory().readInt(caller, frame + SignalFrame.SIGFRAME_CONTEXT + 28));
            restoreMask(p, mask);
        } catch (UserFault e) {
            force(p, Signal.SIGSEGV);
        }
        return SyscallHandler.KEEP_REGISTERS;
    }

    /** rt_sigreturn: ESP is 4 past the rt_sigframe (the handler's ret popped pretcode). */
    public int rtSigreturn(Task caller) {
        Process p = ProcessManager.process(caller);
        int frame = calls.register(caller, ESP) - 4;
        try {
            long mask = frames.savedRtMask(caller, frame);
            int context = frame + SignalFrame.RT_UCONTEXT + SignalFrame.UC_MCONTEXT;
            frames.restoreContext(caller, context);
            calls.setRegister(caller, ESP, calls.memory().readInt(caller, context + 28));
            restoreMask(p, mask);
        } catch (UserFault e) {
            force(p, Signal.SIGSEGV);
        }
        return SyscallHandler.KEEP_REGISTERS;
    }

    private void restoreMask(Process p, long mask) {
        p.signals.blocked = mask & ~SignalState.UNBLOCKABLE;
        again(p);
    }
}
