package dev.ringos.kernel.servers.vfs;

import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.UserFault;
import dev.ringos.kernel.syscall.Errno;
import java.util.HashMap;
import java.util.Map;

/**
 * The VFS server, as far as the kernel needs it so far: the root image's files (read-only), the
 * console on fds 0, 1 and 2, and per-process descriptor tables that fork shares and exec keeps.
 * Each handler is named after the call it serves.
 */
public final class FileServer {
    public static final int O_ACCMODE = 3, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0100, O_DIRECTORY = 0200000,
            O_CLOEXEC = 02000000;
    /** RLIMIT_NOFILE's usual soft limit. */
    public static final int MAX_FDS = 1024;
    private static final int PATH_MAX = 4096;
    /** Reads and writes go through this buffer one piece at a time. */
    private static final int CHUNK = 4096;

    private final KernelCalls calls;
    private final RootFileSystem root;
    private final HostConsole console;
    private final Map<Integer, OpenFile[]> tables = new HashMap<>();
    private final Map<Integer, boolean[]> closeOnExec = new HashMap<>();
    private final byte[] buffer = new byte[CHUNK];

    public FileServer(KernelCalls calls, RootFileSystem root, HostConsole console) {
        this.calls = calls;
        this.root = root;
        this.console = console;
    }

    // ---- process life cycle ----

    /** The first process's table: stdin, stdout and stderr on the console. */
    public void createConsoleTable(int pid) {
        OpenFile[] table = new OpenFile[MAX_FDS];
        table[0] = new OpenFile(OpenFile.Kind.CONSOLE_IN, null, 0);
        table[1] = new OpenFile(OpenFile.Kind.CONSOLE_OUT, null, O_WRONLY);
        table[2] = new OpenFile(OpenFile.Kind.CONSOLE_ERR, null, O_WRONLY);
        tables.put(pid, table);
        closeOnExec.put(pid, new boolean[MAX_FDS]);
    }

    /** fork: the child's table refers to the same open files. */
    public void fork(int parent, int child) {
        OpenFile[] table = tables.get(parent).clone();
        for (OpenFile f : table) {
            if (f != null) {
                f.references++;
            }
        }
        tables.put(child, table);
        closeOnExec.put(child, closeOnExec.get(parent).clone());
    }

    /** execve: descriptors marked close-on-exec go. */
    public void exec(int pid) {
        boolean[] marks = closeOnExec.get(pid);
        for (int fd = 0; fd < MAX_FDS; fd++) {
            if (marks[fd]) {
                closeFd(pid, fd);
            }
        }
    }

    public void exit(int pid) {
        OpenFile[] table = tables.remove(pid);
        closeOnExec.remove(pid);
        if (table != null) {
            for (OpenFile file : table) {
                if (file != null) {
                    file.references--;
                }
            }
        }
    }

    /** The bytes of an executable file for execve, or an Errno (ENOENT, EACCES). */
    public Object executable(String path) {
        CpioEntry entry = root.lookup(path);
        if (entry == null) {
            return Errno.ENOENT;
        }
        if (!entry.isRegular() || (entry.mode() & 0111) == 0) {
            return Errno.EACCES;
        }
        return entry.data();
    }

    // ---- syscalls ----

    public int open(Task caller, int pid, int pathAddress, int flags) throws UserFault {
        String path = calls.memory().readString(caller, pathAddress, PATH_MAX - 1);
        if (path == null) {
            return Errno.ENAMETOOLONG.negated();
        }
        if (path.isEmpty()) {
            return Errno.ENOENT.negated();
        }
        CpioEntry entry = root.lookup(path.startsWith("/") ? path : "/" + path);
        if (entry == null) {
            return ((flags & O_CREAT) != 0 ? Errno.EROFS : Errno.ENOENT).negated();
        }
        if ((flags & O_ACCMODE) != 0) {
            return (entry.isDirectory() ? Errno.EISDIR : Errno.EROFS).negated();
        }
        if ((flags & O_DIRECTORY) != 0 && !entry.isDirectory()) {
            return Errno.ENOTDIR.negated();
        }
        OpenFile file = new OpenFile(entry.isDirectory() ? OpenFile.Kind.DIRECTORY : OpenFile.Kind.REGULAR,
                entry.data(), flags);
        int fd = install(pid, file, 0);
        if (fd >= 0 && (flags & O_CLOEXEC) != 0) {
            closeOnExec.get(pid)[fd] = true;
        }
        return fd;
    }

    public int close(int pid, int fd) {
        if (file(pid, fd) == null) {
            return Errno.EBADF.negated();
        }
        closeFd(pid, fd);
        return 0;
    }

    public int dup(int pid, int fd) {
        OpenFile file = file(pid, fd);
        if (file == null) {
            return Errno.EBADF.negated();
        }
        int copy = install(pid, file, 0);
        if (copy >= 0) {
            file.references++;
        }
        return copy;
    }

    public int dup2(int pid, int fd, int target) {
        OpenFile file = file(pid, fd);
        if (file == null || target < 0 || target >= MAX_FDS) {
            return Errno.EBADF.negated();
        }
        if (fd == target) {
            return target;
        }
        closeFd(pid, target);
        tables.get(pid)[target] = file;
        file.references++;
        return target;
    }

    public int write(Task caller, int pid, int fd, int address, int length) throws UserFault {
        OpenFile file = file(pid, fd);
        if (file == null || (file.flags & O_ACCMODE) == 0) {
            return Errno.EBADF.negated();
        }
        if (length < 0) {
            return Errno.EINVAL.negated();
        }
        if (file.kind != OpenFile.Kind.CONSOLE_OUT && file.kind != OpenFile.Kind.CONSOLE_ERR) {
            return Errno.EBADF.negated();
        }
        calls.memory().check(caller, address, length, false);
        int stream = file.kind == OpenFile.Kind.CONSOLE_OUT ? 1 : 2;
        for (int done = 0; done < length; ) {
            int n = Math.min(CHUNK, length - done);
            calls.memory().read(caller, address + done, buffer, 0, n);
            console.write(stream, buffer, 0, n);
            done += n;
        }
        return length;
    }

    public int read(Task caller, int pid, int fd, int address, int length) throws UserFault {
        OpenFile file = file(pid, fd);
        if (file == null || (file.flags & O_ACCMODE) == O_WRONLY) {
            return Errno.EBADF.negated();
        }
        if (length < 0) {
            return Errno.EINVAL.negated();
        }
        calls.memory().check(caller, address, length, true);
        switch (file.kind) {
            case DIRECTORY:
                return Errno.EISDIR.negated();
            case REGULAR: {
                int n = (int) Math.max(0, Math.min(length, file.data.length - file.offset));
                calls.memory().write(caller, address, file.data, (int) file.offset, n);
                file.offset += n;
                return n;
            }
            case CONSOLE_IN: {
                int n = console.read(buffer, 0, Math.min(length, CHUNK));
                if (n < 0) {
                    calls.park(caller, calls.hostInput(), true);
                    return dev.ringos.kernel.core.SyscallHandler.PARKED;
                }
                calls.memory().write(caller, address, buffer, 0, n);
                return n;
            }
            default:
                return Errno.EBADF.negated();
        }
    }

    // ---- descriptor tables ----

    private OpenFile file(int pid, int fd) {
        OpenFile[] table = tables.get(pid);
        return table == null || fd < 0 || fd >= MAX_FDS ? null : table[fd];
    }

    private int install(int pid, OpenFile file, int lowest) {
        OpenFile[] table = tables.get(pid);
        for (int fd = lowest; fd < MAX_FDS; fd++) {
            if (table[fd] == null) {
                table[fd] = file;
                closeOnExec.get(pid)[fd] = false;
                return fd;
            }
        }
        return Errno.EMFILE.negated();
    }

    private void closeFd(int pid, int fd) {
        OpenFile[] table = tables.get(pid);
        OpenFile file = table[fd];
        if (file != null) {
            file.references--;
            table[fd] = null;
            closeOnExec.get(pid)[fd] = false;
        }
    }
}
