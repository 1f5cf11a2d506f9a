package dev.ringos.kernel.servers.vfs.tty;

import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.core.Signal;
import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.UserFault;
import dev.ringos.kernel.core.WaitQueue;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.FsProcess;
import dev.ringos.kernel.servers.vfs.JobControl;
import dev.ringos.kernel.servers.vfs.OpenFile;
import dev.ringos.kernel.syscall.Errno;

/**
 * A terminal (Linux's tty_struct): its line discipline, the session it is the controlling
 * terminal of and that session's foreground process group, its window size, and the queue its
 * readers (and writers held by a stopped output) sleep on. The host end feeds it keys
 * ({@link #input}) and shows what it outputs.
 *
 * <p>Job control, as Linux's {@code __tty_check_change}: a process of the terminal's session but
 * not of its foreground group that reads gets SIGTTIN for its group (or EIO if it ignores or
 * blocks SIGTTIN, or its group is orphaned); one that writes with TOSTOP, or changes the
 * terminal (TCSETS, TIOCSPGRP, TCFLSH, ...), gets SIGTTOU (or goes on if it ignores or blocks
 * SIGTTOU; EIO if orphaned). The call then waits to be run again, which happens at once: the
 * signal is pending, so it is delivered first (stopping the process, or running a handler) and
 * the call is restarted when the process goes on, as Linux's -ERESTARTSYS does.
 */
public final class Tty {
    // ioctl requests, asm-generic/ioctls.h
    public static final int TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404,
            TCSBRK = 0x5409, TCXONC = 0x540A, TCFLSH = 0x540B, TIOCSCTTY = 0x540E, TIOCGPGRP = 0x540F,
            TIOCSPGRP = 0x5410, TIOCOUTQ = 0x5411, TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414, FIONREAD = 0x541B,
            TIOCNOTTY = 0x5422, TIOCGSID = 0x5429;
    static final int TCOOFF = 0, TCOON = 1, TCIOFF = 2, TCION = 3;
    static final int TCIFLUSH = 0, TCOFLUSH = 1, TCIOFLUSH = 2;
    static final int WINSIZE = 8;

    private final String name;
    private final Terminals terminals;
    private final KernelCalls calls;
    private final WaitQueue queue;
    private final LineDiscipline discipline;

    /** The session this is the controlling terminal of (its leader's pid), 0 if none. {@link Terminals} keeps it. */
    int session;
    /** That session's foreground process group, 0 if none. */
    int foreground;
    private int rows = 24;
    private int columns = 80;
    private int xpixel;
    private int ypixel;

    /** Keys the line discipline could not take yet (its buffer was full); fed as readers make room. */
    private byte[] backlog = new byte[0];
    private int backlogStart;
    private int backlogEnd;

    private final byte[] scratch = new byte[Termios.SIZE];
    private final Termios modes = new Termios();

    Tty(String name, Terminals terminals, WaitQueue queue, TerminalConsole host) {
        this.name = name;
        this.terminals = terminals;
        this.calls = terminals.calls();
        this.queue = queue;
        this.discipline = new LineDiscipline(new LineDiscipline.Terminal() {
            @Override
            public void show(byte[] data, int offset, int length) {
                host.show(data, offset, length);
            }

            @Override
            public void signal(int sig) {
                signalForeground(sig);
            }
        });
    }

    private JobControl jobs() {
        return terminals.jobs();
    }

    // ---- the host end ----

    /** Keys typed on the host: through the line discipline now (echo, signals); readers are woken by the caller. */
    void input(byte[] keys, int offset, int length) {
        if (backlogStart == backlogEnd) {
            int taken = discipline.receive(keys, offset, length);
            offset += taken;
            length -= taken;
            backlogStart = 0;
            backlogEnd = 0;
        }
        if (length > 0) {
            int kept = backlogEnd - backlogStart;
            if (backlogEnd + length > backlog.length) {
                byte[] target = kept + length <= backlog.length ? backlog
                        : new byte[Math.max(kept + length, 2 * backlog.length)];
                System.arraycopy(backlog, backlogStart, target, 0, kept);
                backlog = target;
                backlogStart = 0;
                backlogEnd = kept;
            }
            System.arraycopy(keys, offset, backlog, backlogEnd, length);
            backlogEnd += length;
            drainBacklog();
        }
    }

    /** The modes programs have set (read-only). */
    Termios termios() {
        return discipline.termios();
    }

    /** Whether keys typed are still unread, in the line discipline or waiting to get in. */
    boolean holdsInput() {
        return discipline.holdsInput() || backlogStart != backlogEnd;
    }

    /** Feeds waiting keys to the line discipline; whether it took any. */
    private boolean drainBacklog() {
        if (backlogStart == backlogEnd) {
            return false;
        }
        int taken = discipline.receive(backlog, backlogStart, backlogEnd - backlogStart);
        backlogStart += taken;
        return taken > 0;
    }

    /** The host's window changed: TIOCGWINSZ says so from now on, and the foreground group gets SIGWINCH. */
    void resize(int rows, int columns, int xpixel, int ypixel) {
        boolean changed = rows != this.rows || columns != this.columns || xpixel != this.xpixel
                || ypixel != this.ypixel;
        this.rows = rows;
        this.columns = columns;
        this.xpixel = xpixel;
        this.ypixel = ypixel;
        if (changed) {
            signalForeground(Signal.SIGWINCH);
        }
    }

    private void signalForeground(int sig) {
        if (terminals.sessionOf(this) != 0 && foreground != 0) {
            jobs().signalGroup(foreground, sig);
        }
    }

    // ---- reading and writing ----

    int read(FsProcess caller, byte[] into, int offset, int length) throws FsException {
        if (!mayGoOn(caller, Signal.SIGTTIN)) {
            return waitHere(caller);
        }
        int n = discipline.read(into, offset, length);
        if (n < 0) {
            return waitHere(caller);
        }
        if (drainBacklog()) {
            calls.wakeAll(queue);
        }
        return n;
    }

    int write(FsProcess caller, byte[] from, int offset, int length) throws FsException {
        if (discipline.termios().local(Termios.TOSTOP) && !mayGoOn(caller, Signal.SIGTTOU)) {
            return waitHere(caller);
        }
        if (discipline.stopped()) {
            return waitHere(caller);
        }
        discipline.write(from, offset, length);
        return length;
    }

    private int waitHere(FsProcess caller) {
        caller.blockOn(queue);
        return OpenFile.WOULD_BLOCK;
    }

    /**
     * Linux's __tty_check_change: whether the caller may go on; false when its group has been sent
     * {@code sig} (the caller then waits and runs the call again); EIO when it cannot be stopped.
     */
    private boolean mayGoOn(FsProcess caller, int sig) throws FsException {
        int pid = caller.pid();
        if (terminals.controlling(pid) != this || foreground == 0) {
            return true;
        }
        int pgid = jobs().pgid(pid);
        if (pgid == foreground) {
            return true;
        }
        if (jobs().ignoresOrBlocks(pid, sig)) {
            if (sig == Signal.SIGTTIN) {
                throw FsException.of(Errno.EIO);
            }
            return true;
        }
        if (jobs().orphanedGroup(pgid)) {
            throw FsException.of(Errno.EIO);
        }
        jobs().signalGroup(pgid, sig);
        return false;
    }

    // ---- ioctl ----

    int ioctl(TtyFile file, FsProcess caller, int request, int arg) throws FsException, UserFault {
        Task task = calls.task(caller.pid());
        int pid = caller.pid();
        switch (request) {
            case TCGETS -> {
                discipline.termios().encode(scratch);
                calls.memory().write(task, arg, scratch, 0, Termios.SIZE);
                return 0;
            }
            case TCSETS, TCSETSW, TCSETSF -> {
                if (!mayGoOn(caller, Signal.SIGTTOU)) {
                    return waitHere(caller);
                }
                calls.memory().read(task, arg, scratch, 0, Termios.SIZE);
                modes.decode(scratch);
                if (request == TCSETSF) {
                    discipline.flushInput();
                }
                discipline.setTermios(modes);
                drainBacklog();
                calls.wakeAll(queue);
                return 0;
            }
            case TIOCGPGRP -> {
                requireControlling(pid);
                calls.memory().writeInt(task, arg, foreground);
                return 0;
            }
            case TIOCSPGRP -> {
                return setForeground(caller, task, arg);
            }
            case TIOCGSID -> {
                requireControlling(pid);
                calls.memory().writeInt(task, arg, session);
                return 0;
            }
            case TIOCSCTTY -> {
                return makeControlling(file, caller, arg);
            }
            case TIOCNOTTY -> {
                requireControlling(pid);
                if (jobs().sid(pid) == pid) {
                    // The leader gives the terminal up for its whole session; the foreground group hears of it.
                    int group = foreground;
                    terminals.release(this);
                    if (group != 0) {
                        jobs().signalGroup(group, Signal.SIGHUP);
                        jobs().signalGroup(group, Signal.SIGCONT);
                    }
                }
                return 0;
            }
            case TIOCGWINSZ -> {
                putShort(scratch, 0, rows);
                putShort(scratch, 2, columns);
                putShort(scratch, 4, xpixel);
                putShort(scratch, 6, ypixel);
                calls.memory().write(task, arg, scratch, 0, WINSIZE);
                return 0;
            }
            case TIOCSWINSZ -> {
                calls.memory().read(task, arg, scratch, 0, WINSIZE);
                resize(getShort(scratch, 0), getShort(scratch, 2), getShort(scratch, 4), getShort(scratch, 6));
                return 0;
            }
            case FIONREAD -> {
                calls.memory().writeInt(task, arg, discipline.available());
                return 0;
            }
            case TIOCOUTQ -> {
                calls.memory().writeInt(task, arg, 0);  // output is never queued: the host takes it at once
                return 0;
            }
            case TCSBRK -> {
                return mayGoOn(caller, Signal.SIGTTOU) ? 0 : waitHere(caller);
            }
            case TCFLSH -> {
                if (!mayGoOn(caller, Signal.SIGTTOU)) {
                    return waitHere(caller);
                }
                if (arg < TCIFLUSH || arg > TCIOFLUSH) {
                    throw FsException.of(Errno.EINVAL);
                }
                if (arg != TCOFLUSH) {
                    discipline.flushInput();
                    if (drainBacklog()) {
                        calls.wakeAll(queue);
                    }
                }
                return 0;
            }
            case TCXONC -> {
                if (!mayGoOn(caller, Signal.SIGTTOU)) {
                    return waitHere(caller);
                }
                switch (arg) {
                    case TCOOFF -> discipline.setStopped(true);
                    case TCOON -> {
                        discipline.setStopped(false);
                        calls.wakeAll(queue);
                    }
                    case TCIOFF, TCION -> {
                        // would send STOP or START to the other end; the host needs no flow control
                    }
                    default -> throw FsException.of(Errno.EINVAL);
                }
                return 0;
            }
            default -> throw FsException.of(Errno.ENOTTY);
        }
    }

    /**
     * TIOCSPGRP (Linux's tiocspgrp): only on the caller's controlling terminal, from its
     * foreground (a background caller gets SIGTTOU unless it ignores or blocks it), to a group of
     * its session.
     */
    private int setForeground(FsProcess caller, Task task, int arg) throws FsException, UserFault {
        try {
            if (!mayGoOn(caller, Signal.SIGTTOU)) {
                return waitHere(caller);
            }
        } catch (FsException e) {
            throw FsException.of(Errno.ENOTTY);
        }
        requireControlling(caller.pid());
        int group = calls.memory().readInt(task, arg);
        if (group < 0) {
            throw FsException.of(Errno.EINVAL);
        }
        if (!jobs().groupInSession(group, session)) {
            throw FsException.of(Errno.EPERM);
        }
        foreground = group;
        return 0;
    }

    /**
     * TIOCSCTTY (Linux's tiocsctty): a session leader without a controlling terminal takes this
     * one, if no session has it — or, with {@code arg} 1 and root's uid, takes it from the session
     * that has it.
     */
    private int makeControlling(TtyFile file, FsProcess caller, int arg) throws FsException {
        int pid = caller.pid();
        int sid = jobs().sid(pid);
        boolean leader = sid == pid;
        if (leader && terminals.sessionOf(this) == sid) {
            return 0;
        }
        if (!leader || terminals.ofSession(sid) != null) {
            throw FsException.of(Errno.EPERM);
        }
        if (terminals.sessionOf(this) != 0) {
            if (arg != 1 || caller.uid() != 0) {
                throw FsException.of(Errno.EPERM);
            }
            terminals.release(this);
        }
        if (!file.readable() && caller.uid() != 0) {
            throw FsException.of(Errno.EPERM);
        }
        terminals.attach(this, sid, jobs().pgid(pid));
        return 0;
    }

    private void requireControlling(int pid) throws FsException {
        if (terminals.controlling(pid) != this) {
            throw FsException.of(Errno.ENOTTY);
        }
    }

    private static void putShort(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static int getShort(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    @Override
    public String toString() {
        return name;
    }
}
