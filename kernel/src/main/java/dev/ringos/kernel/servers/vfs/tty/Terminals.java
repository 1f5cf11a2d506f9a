package dev.ringos.kernel.servers.vfs.tty;

import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.servers.vfs.FileServer;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.FsProcess;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.JobControl;
import dev.ringos.kernel.servers.vfs.OpenFile;
import dev.ringos.kernel.servers.vfs.OpenFlags;
import dev.ringos.kernel.servers.vfs.dev.DevFs;
import dev.ringos.kernel.syscall.Errno;
import java.util.HashMap;
import java.util.Map;

/**
 * The terminals and who controls them: the console tty, the drivers behind /dev/console (5, 1)
 * and /dev/tty (5, 0), and each session's controlling terminal.
 *
 * <p>Linux keeps the controlling terminal in each process (signal->tty) and the session in the
 * tty; ringos keeps it per session, here, by the session's id. A session loses its terminal when
 * its leader exits (Linux's disassociate_ctty, noticed here the next time anyone asks), when the
 * leader gives it up (TIOCNOTTY), or when root takes it (TIOCSCTTY with 1).
 */
public final class Terminals {
    private final FileServer files;
    private final Map<Integer, Tty> bySession = new HashMap<>();
    private Tty console;
    private Inode consoleNode;

    private Terminals(FileServer files) {
        this.files = files;
    }

    /**
     * Makes the console terminal with {@code host} as its far end and registers the terminal
     * drivers. Its readers sleep on the core's host-input queue, woken by the console interrupt
     * ({@code interrupt} raises it), so that a machine waiting for keys says so.
     */
    public static Terminals install(FileServer files, TerminalConsole host, Inode consoleNode, Runnable interrupt) {
        Terminals t = new Terminals(files);
        t.console = new Tty("console", t, files.calls().hostInput(), host);
        t.consoleNode = consoleNode;
        host.connect(t.console, interrupt);
        files.devices().register(DevFs.TTY_MAJOR, DevFs.CONSOLE, t::openConsole);
        files.devices().register(DevFs.TTY_MAJOR, DevFs.TTY, t::openControlling);
        files.setTerminals(sid -> {
            Tty tty = t.ofSession(sid);
            return tty == null ? null : new FileServer.TerminalInfo(t.consoleNode.rdev(), tty.foreground);
        });
        return t;
    }

    KernelCalls calls() {
        return files.calls();
    }

    JobControl jobs() {
        return files.jobs();
    }

    /**
     * Init's fds 0, 1 and 2: the console, read-write, as the kernel opens /dev/console for it; the
     * console becomes the controlling terminal of init's session, init's group in the foreground.
     */
    public OpenFile[] openForInit(FsProcess init) {
        OpenFile[] fds = new OpenFile[3];
        for (int fd = 0; fd < 3; fd++) {
            fds[fd] = new TtyFile(console, consoleNode, OpenFlags.O_RDWR);
        }
        if (sessionOf(console) == 0) {
            attach(console, init.pid(), init.pid());
        }
        return fds;
    }

    /**
     * /dev/console: the console terminal. A session leader without a controlling terminal that
     * opens it for reading, without O_NOCTTY, while no session has it, makes it its own (Linux's
     * tty_open_proc_set_tty; Linux never does this for /dev/console, but it is ringos's only terminal).
     */
    private OpenFile openConsole(FsProcess caller, Inode node, int flags) {
        TtyFile file = new TtyFile(console, node, flags);
        int pid = caller.pid();
        if ((flags & OpenFlags.O_NOCTTY) == 0 && file.readable() && jobs().sid(pid) == pid
                && ofSession(pid) == null && sessionOf(console) == 0) {
            attach(console, pid, jobs().pgid(pid));
        }
        return file;
    }

    /** /dev/tty: the caller's controlling terminal; ENXIO if it has none. */
    private OpenFile openControlling(FsProcess caller, Inode node, int flags) throws FsException {
        Tty tty = controlling(caller.pid());
        if (tty == null) {
            throw FsException.of(Errno.ENXIO);
        }
        return new TtyFile(tty, node, flags);
    }

    /** The controlling terminal of {@code pid}'s session, or null. */
    Tty controlling(int pid) {
        int sid = jobs().sid(pid);
        return sid <= 0 ? null : ofSession(sid);
    }

    /** Session {@code sid}'s controlling terminal, or null. */
    Tty ofSession(int sid) {
        Tty tty = bySession.get(sid);
        return tty != null && sessionOf(tty) == sid ? tty : null;
    }

    /** The session {@code tty} controls, 0 if none; a session whose leader has exited loses it here. */
    int sessionOf(Tty tty) {
        if (tty.session != 0 && !leaderAlive(tty.session)) {
            release(tty);
        }
        return tty.session;
    }

    /** The leader's VFS state goes when it exits (before it is a zombie); its pid stays its session's id. */
    private boolean leaderAlive(int sid) {
        return files.process(sid) != null && jobs().sid(sid) == sid;
    }

    void attach(Tty tty, int sid, int pgid) {
        bySession.put(sid, tty);
        tty.session = sid;
        tty.foreground = pgid;
    }

    void release(Tty tty) {
        bySession.remove(tty.session);
        tty.session = 0;
        tty.foreground = 0;
    }
}
