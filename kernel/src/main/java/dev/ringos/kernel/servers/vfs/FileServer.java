package dev.ringos.kernel.servers.vfs;

import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.SyscallHandler;
import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.UserFault;
import dev.ringos.kernel.core.UserRegisters;
import dev.ringos.kernel.core.WaitQueue;
import dev.ringos.kernel.syscall.Errno;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The VFS server: per-process descriptor tables, cwd, root and umask (Minix's fproc), the mount
 * table, and the syscalls on descriptors. Path-based calls are in {@link PathCalls}. Handlers
 * take the calling thread, decode nothing but their own arguments, and answer with a result or
 * minus an errno; a bad user pointer surfaces as {@link UserFault} (EFAULT).
 */
public final class FileServer {
    /** Seconds since the epoch at boot: guest time is virtual, so file times are too. */
    public static final long BOOT_EPOCH = 1_767_225_600L;
    /** One read or write moves at most this much through the server at a time. */
    static final int CHUNK = 64 * 1024;
    /** Linux's MAX_RW_COUNT: larger counts are cut to it. */
    private static final int MAX_RW_COUNT = 0x7FFF_F000;
    private static final int SIGPIPE = 13;

    final KernelCalls calls;
    final MountTable mounts;
    final Devices devices = new Devices();
    final FileSystemTypes types = new FileSystemTypes();
    private final Map<FileSystem, Integer> deviceIds = new IdentityHashMap<>();
    private final byte[] buffer = new byte[CHUNK];
    private FsProcess[] byPid = new FsProcess[64];
    private Function<FsProcess, OpenFile[]> consoleFiles;
    private JobControl jobs;
    private FifoOpener fifos = (caller, node, flags) -> {
        throw FsException.of(Errno.ENXIO);
    };

    /** A session's controlling terminal as ps shows it: its device number and foreground process group. */
    public record TerminalInfo(int device, int foregroundGroup) {
    }

    private IntFunction<TerminalInfo> terminals = sid -> null;

    /** Opens a FIFO by its inode: the pipe it stands for, with open(2)'s rendezvous. */
    @FunctionalInterface
    public interface FifoOpener {
        OpenFile open(FsProcess caller, Inode fifo, int flags) throws FsException;
    }

    public FileServer(KernelCalls calls, FileSystem root) {
        this.calls = calls;
        this.mounts = new MountTable(root);
    }

    // ---- wiring ----

    /** What init's fds 0, 1 and 2 are: the console's descriptions, made for the first process. */
    public void setConsole(Function<FsProcess, OpenFile[]> consoleFiles) {
        this.consoleFiles = consoleFiles;
    }

    public void setJobControl(JobControl jobs) {
        this.jobs = jobs;
    }

    public JobControl jobs() {
        return jobs;
    }

    /** Who answers which terminal controls a session (the terminal layer, when there is one). */
    public void setTerminals(IntFunction<TerminalInfo> terminals) {
        this.terminals = terminals;
    }

    /** Session {@code sid}'s controlling terminal, or null. */
    public TerminalInfo controllingTerminal(int sid) {
        return terminals.apply(sid);
    }

    public void setFifos(FifoOpener fifos) {
        this.fifos = fifos;
    }

    public Devices devices() {
        return devices;
    }

    public FileSystemTypes types() {
        return types;
    }

    public MountTable mountTable() {
        return mounts;
    }

    public KernelCalls calls() {
        return calls;
    }

    /** Now, in seconds since the epoch, on the virtual clock. */
    public long now() {
        return BOOT_EPOCH + calls.cycles() / KernelConfig.CLOCK_HZ;
    }

    /** st_dev of a file system: anonymous device numbers (major 0) in mount order. */
    int deviceOf(FileSystem fs) {
        return deviceIds.computeIfAbsent(fs, f -> Modes.device(0, 16 + deviceIds.size()));
    }

    /** Mounts {@code fs} at the absolute {@code path} (boot: /dev, /proc, --mount), making the directory if needed. */
    public void mountAtBoot(String path, FileSystem fs, boolean readOnly) throws FsException {
        FsProcess kernel = kernelContext();
        PathWalk.Parent parent = PathWalk.resolveParent(kernel, kernel.root, path);
        Inode dir = parent.dir().inode().lookup(parent.name());
        if (dir == null) {
            dir = parent.dir().inode().mkdir(parent.name(), 0755, 0, 0);
        }
        Location at = PathWalk.down(mounts, new Location(parent.dir().mount(), dir));
        if (!at.inode().isDirectory()) {
            throw FsException.of(Errno.ENOTDIR);
        }
        mounts.mount(at, path, fs, readOnly);
    }

    private FsProcess kernelContext() {
        FsProcess k = new FsProcess(0);
        k.mounts = mounts;
        k.root = new Location(mounts.root(), mounts.root().fs().root());
        k.cwd = k.root;
        return k;
    }

    // ---- process life cycle (from the process manager) ----

    /** The first process: at the root, umask 022, root's credentials, fds 0–2 on the console. */
    public void startInit(int pid) {
        FsProcess p = kernelContext();
        FsProcess init = new FsProcess(pid);
        init.mounts = p.mounts;
        init.root = p.root;
        init.cwd = p.cwd;
        init.fds = new FdTable();
        put(init);
        OpenFile[] console = consoleFiles.apply(init);
        for (int fd = 0; fd < console.length; fd++) {
            if (console[fd] != null) {
                init.fds.put(fd, console[fd], false);
            }
        }
    }

    /** fork: the child shares the parent's open descriptions and stands where it stands. */
    public void fork(int parent, int child) {
        put(process(parent).fork(child));
    }

    /** execve: descriptors marked close-on-exec are closed. */
    public void exec(int pid) {
        process(pid).fds.removeIf(true, this::drop);
    }

    public void exit(int pid) {
        FsProcess p = process(pid);
        if (p != null) {
            p.fds.removeIf(false, this::drop);
            byPid[pid] = null;
        }
    }

    /** setuid/setgid: the credentials file access is checked with from now on. */
    public void setCredentials(int pid, int uid, int gid) {
        FsProcess p = process(pid);
        p.uid = uid;
        p.gid = gid;
    }

    public FsProcess process(int pid) {
        return pid >= 0 && pid < byPid.length ? byPid[pid] : null;
    }

    /** Every live process's VFS state (procfs lists descriptors and cwd from it). */
    public FsProcess process(Task task) {
        return process(task.id);
    }

    private void put(FsProcess p) {
        if (p.pid() >= byPid.length) {
            byPid = Arrays.copyOf(byPid, Math.max(byPid.length * 2, p.pid() + 1));
        }
        byPid[p.pid()] = p;
    }

    /**
     * The contents of the executable at {@code path} for execve, or an Errno: the usual walk
     * from the process's cwd, search and execute permission, a regular file (EACCES otherwise).
     */
    public Object executable(int pid, String path) {
        FsProcess p = process(pid);
        try {
            Location at = PathWalk.resolve(p, p.cwd, path, true);
            Inode file = at.inode();
            if (!file.isRegular()) {
                return Errno.EACCES;
            }
            Permissions.require(p, file, Permissions.EXECUTE);
            if (file.writers > 0) {
                return Errno.ETXTBSY;
            }
            long size = file.size();
            if (size > Integer.MAX_VALUE - 8) {
                return Errno.ENOMEM;
            }
            byte[] image = new byte[(int) size];
            int done = 0;
            while (done < image.length) {
                int n = file.read(done, image, done, image.length - done);
                if (n <= 0) {
                    break;
                }
                done += n;
            }
            return done == image.length ? image : Arrays.copyOf(image, done);
        } catch (FsException e) {
            return e.errno();
        }
    }

    // ---- descriptors ----

    public int close(Task t, int fd) {
        OpenFile f = process(t).fds.remove(fd);
        if (f == null) {
            return Errno.EBADF.negated();
        }
        return drop(f);
    }

    /** One reference fewer; the last one releases the description (hostfs syncs then). */
    int drop(OpenFile f) {
        if (--f.references > 0) {
            return 0;
        }
        if (f.writable() && f.inode() != null && f.inode().isRegular()) {
            f.inode().writers--;
        }
        try {
            f.release();
            return 0;
        } catch (FsException e) {
            return e.negated();
        }
    }

    private void dropQuietly(OpenFile f) {
        drop(f);
    }

    public int dup(Task t, int fd) {
        return dupAt(process(t), fd, 0, false);
    }

    public int dup2(Task t, int fd, int target) {
        FsProcess p = process(t);
        OpenFile f = p.fds.get(fd);
        if (f == null || target < 0 || target >= FdTable.MAX_FDS) {
            return Errno.EBADF.negated();
        }
        if (fd == target) {
            return target;
        }
        OpenFile old = p.fds.remove(target);
        f.references++;
        p.fds.put(target, f, false);
        if (old != null) {
            dropQuietly(old);
        }
        return target;
    }

    /** dup3: dup2 with O_CLOEXEC, and EINVAL when the two are equal. */
    public int dup3(Task t, int fd, int target, int flags) {
        if (fd == target || (flags & ~OpenFlags.O_CLOEXEC) != 0) {
            return Errno.EINVAL.negated();
        }
        int r = dup2(t, fd, target);
        if (r >= 0) {
            process(t).fds.setCloseOnExec(target, (flags & OpenFlags.O_CLOEXEC) != 0);
        }
        return r;
    }

    private int dupAt(FsProcess p, int fd, int lowest, boolean cloexec) {
        OpenFile f = p.fds.get(fd);
        if (f == null) {
            return Errno.EBADF.negated();
        }
        if (lowest < 0 || lowest >= FdTable.MAX_FDS) {
            return Errno.EINVAL.negated();
        }
        try {
            int copy = p.fds.install(f, lowest, cloexec);
            f.references++;
            return copy;
        } catch (FsException e) {
            return e.negated();
        }
    }

    public static final int F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, F_DUPFD_CLOEXEC = 1030;
    public static final int FD_CLOEXEC = 1;

    public int fcntl(Task t, int fd, int cmd, int arg) {
        FsProcess p = process(t);
        OpenFile f = p.fds.get(fd);
        if (f == null) {
            return Errno.EBADF.negated();
        }
        return switch (cmd) {
            case F_DUPFD -> dupAt(p, fd, arg, false);
            case F_DUPFD_CLOEXEC -> dupAt(p, fd, arg, true);
            case F_GETFD -> p.fds.closeOnExec(fd) ? FD_CLOEXEC : 0;
            case F_SETFD -> {
                p.fds.setCloseOnExec(fd, (arg & FD_CLOEXEC) != 0);
                yield 0;
            }
            case F_GETFL -> f.flags();
            case F_SETFL -> {
                f.setStatusFlags(arg);
                yield 0;
            }
            default -> Errno.EINVAL.negated();
        };
    }

    // ---- reading and writing ----

    public int read(Task t, int fd, int address, int length) throws UserFault {
        FsProcess p = process(t);
        OpenFile f = p.fds.get(fd);
        if (f == null || !f.readable()) {
            return Errno.EBADF.negated();
        }
        if (length < 0) {
            return Errno.EFAULT.negated();
        }
        length = Math.min(length, MAX_RW_COUNT);
        calls.memory().check(t, address, length, true);
        int done = 0;
        try {
            while (done < length) {
                int want = Math.min(CHUNK, length - done);
                int n = f.read(p, buffer, 0, want);
                if (n == OpenFile.WOULD_BLOCK) {
                    return done > 0 ? done : blocked(t, p, f);
                }
                calls.memory().write(t, address + done, buffer, 0, n);
                done += n;
                // Only a regular file fills the whole request; pipes, terminals and devices return what they have.
                if (n < want || !(f instanceof InodeFile)) {
                    break;
                }
            }
        } catch (FsException e) {
            return done > 0 ? done : e.negated();
        }
        if (done > 0 && f instanceof InodeFile) {
            f.inode().accessed(now());
        }
        return done;
    }

    public int write(Task t, int fd, int address, int length) throws UserFault {
        return write(t, fd, address, length, true);
    }

    /**
     * With {@code resumable}, a blocking write that has done part of its work parks with its
     * arguments moved past that part and the count carried, so it resumes where it stopped;
     * without (one vector of writev), it returns the short count instead.
     */
    private int write(Task t, int fd, int address, int length, boolean resumable) throws UserFault {
        FsProcess p = process(t);
        OpenFile f = p.fds.get(fd);
        if (f == null || !f.writable()) {
            return Errno.EBADF.negated();
        }
        if (length < 0) {
            return Errno.EFAULT.negated();
        }
        length = Math.min(length, MAX_RW_COUNT);
        calls.memory().check(t, address, length, false);
        int done = 0;
        try {
            while (done < length) {
                int n = Math.min(CHUNK, length - done);
                calls.memory().read(t, address + done, buffer, 0, n);
                int w = f.write(p, buffer, 0, n);
                if (w == OpenFile.WOULD_BLOCK) {
                    if (f.nonBlocking() || !resumable && done > 0) {
                        return done > 0 ? calls.takeProgress(t) + done : emptyHanded(t, Errno.EAGAIN);
                    }
                    if (!resumable) {
                        return blocked(t, p, f);
                    }
                    // Park with the rest of the buffer as the call's arguments, and what is done so far carried.
                    calls.setRegister(t, UserRegisters.ECX, address + done);
                    calls.setRegister(t, UserRegisters.EDX, length - done);
                    calls.addProgress(t, done);
                    return blocked(t, p, f);
                }
                done += w;
            }
        } catch (FsException e) {
            if (e.errno() == Errno.EPIPE && jobs != null) {
                jobs.signal(p.pid(), SIGPIPE);
            }
            return done > 0 ? calls.takeProgress(t) + done : emptyHanded(t, e.errno());
        }
        if (done > 0 && f instanceof InodeFile) {
            f.inode().modified(now());
        }
        return calls.takeProgress(t) + done;
    }

    /** A restarted write that can do nothing more reports what it did before, else the error. */
    private int emptyHanded(Task t, Errno errno) {
        int carried = calls.takeProgress(t);
        return carried > 0 ? carried : errno.negated();
    }

    /** The open file said WOULD_BLOCK: EAGAIN for O_NONBLOCK, else park until the queue it named wakes. */
    private int blocked(Task t, FsProcess p, OpenFile f) {
        WaitQueue queue = p.takeBlockedOn();
        if (f.nonBlocking() || queue == null) {
            return Errno.EAGAIN.negated();
        }
        calls.park(t, queue, true);
        return SyscallHandler.PARKED;
    }

    /** readv/writev: each iovec {base, len} in turn, stopping at a short transfer, as one call. */
    public int vectored(Task t, int fd, int iov, int count, boolean write) throws UserFault {
        if (count < 0 || count > 1024) {
            return Errno.EINVAL.negated();
        }
        int[] base = new int[count];
        int[] len = new int[count];
        long total = 0;
        for (int i = 0; i < count; i++) {
            base[i] = calls.memory().readInt(t, iov + 8 * i);
            len[i] = calls.memory().readInt(t, iov + 8 * i + 4);
            total += Integer.toUnsignedLong(len[i]);
            if (len[i] < 0 || total > Integer.MAX_VALUE) {
                return Errno.EINVAL.negated();
            }
        }
        int done = 0;
        for (int i = 0; i < count; i++) {
            if (len[i] == 0) {
                continue;
            }
            int n = write ? write(t, fd, base[i], len[i], false) : read(t, fd, base[i], len[i]);
            if (n < 0 || n == SyscallHandler.PARKED) {
                // A vector that cannot go on parks only if nothing moved yet (then the whole call restarts).
                return done > 0 ? done : n;
            }
            done += n;
            if (n < len[i]) {
                break;
            }
        }
        return done;
    }

    public int lseek(Task t, int fd, int offset, int whence) {
        OpenFile f = process(t).fds.get(fd);
        if (f == null) {
            return Errno.EBADF.negated();
        }
        try {
            long to = f.seek(offset, whence);
            return to > Integer.MAX_VALUE ? Errno.EOVERFLOW.negated() : (int) to;
        } catch (FsException e) {
            return e.negated();
        }
    }

    /** _llseek: a 64-bit offset from two halves, the result written to {@code result}. */
    public int llseek(Task t, int fd, int high, int low, int result, int whence) throws UserFault {
        OpenFile f = process(t).fds.get(fd);
        if (f == null) {
            return Errno.EBADF.negated();
        }
        try {
            long to = f.seek((long) high << 32 | (low & 0xFFFF_FFFFL), whence);
            byte[] out = new byte[8];
            putLong(out, 0, to);
            calls.memory().write(t, result, out, 0, 8);
            return 0;
        } catch (FsException e) {
            return e.negated();
        }
    }

    public int ioctl(Task t, int fd, int request, int arg) throws UserFault {
        FsProcess p = process(t);
        OpenFile f = p.fds.get(fd);
        if (f == null) {
            return Errno.EBADF.negated();
        }
        try {
            int r = f.ioctl(p, request, arg);
            return r == OpenFile.WOULD_BLOCK ? blocked(t, p, f) : r;
        } catch (FsException e) {
            return e.negated();
        }
    }

    public int fstat(Task t, int fd, int address) throws UserFault {
        OpenFile f = process(t).fds.get(fd);
        if (f == null) {
            return Errno.EBADF.negated();
        }
        calls.memory().write(t, address, Stat64.encode(f.inode(), deviceOf(f.inode().fs())), 0, Stat64.SIZE);
        return 0;
    }

    public int ftruncate(Task t, int fd, int length) {
        OpenFile f = process(t).fds.get(fd);
        if (f == null) {
            return Errno.EBADF.negated();
        }
        if (length < 0 || !f.writable()) {
            return Errno.EINVAL.negated();
        }
        if (!f.inode().isRegular()) {
            return (f.inode().isDirectory() ? Errno.EISDIR : Errno.EINVAL).negated();
        }
        try {
            f.inode().truncate(length);
            f.inode().modified(now());
            return 0;
        } catch (FsException e) {
            return e.negated();
        }
    }

    /**
     * getdents64: as many {@code struct linux_dirent64} (ino u64, off s64, reclen u16, type u8,
     * name, NUL, padded to 8) as fit, starting with "." and ".."; the offset is an entry index.
     */
    public int getdents64(Task t, int fd, int address, int count) throws UserFault {
        FsProcess p = process(t);
        OpenFile f = p.fds.get(fd);
        if (f == null) {
            return Errno.EBADF.negated();
        }
        if (!(f instanceof InodeFile file) || !f.inode().isDirectory()) {
            return Errno.ENOTDIR.negated();
        }
        try {
            List<DirEntry> entries = f.inode().list();
            Inode parent = f.inode().parent();
            int written = 0;
            byte[] out = new byte[Math.max(0, Math.min(count, CHUNK))];
            long index = file.offset();
            while (index < entries.size() + 2) {
                DirEntry e = index == 0 ? new DirEntry(".", f.inode().ino(), f.inode().mode())
                        : index == 1 ? new DirEntry("..", parent.ino(), parent.mode())
                        : entries.get((int) index - 2);
                byte[] name = e.name().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                int reclen = (19 + name.length + 1 + 7) & ~7;
                if (written + reclen > out.length) {
                    if (written == 0) {
                        return Errno.EINVAL.negated();
                    }
                    break;
                }
                putLong(out, written, e.ino());
                putLong(out, written + 8, index + 1);
                out[written + 16] = (byte) reclen;
                out[written + 17] = (byte) (reclen >>> 8);
                out[written + 18] = (byte) Modes.direntType(e.mode());
                System.arraycopy(name, 0, out, written + 19, name.length);
                written += reclen;
                index++;
            }
            calls.memory().write(t, address, out, 0, written);
            file.setOffset(index);
            return written;
        } catch (FsException e) {
            return e.negated();
        }
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    public int fchdir(Task t, int fd) {
        FsProcess p = process(t);
        OpenFile f = p.fds.get(fd);
        if (f == null) {
            return Errno.EBADF.negated();
        }
        if (!(f instanceof InodeFile file) || !f.inode().isDirectory()) {
            return Errno.ENOTDIR.negated();
        }
        if (!Permissions.permitted(p, f.inode(), Permissions.EXECUTE)) {
            return Errno.EACCES.negated();
        }
        p.cwd = file.location();
        return 0;
    }

    // ---- opening (for PathCalls and pipes) ----

    /** Puts a new description in the caller's table; the fd. */
    int install(FsProcess p, OpenFile f, boolean cloexec) throws FsException {
        try {
            return p.fds.install(f, 0, cloexec);
        } catch (FsException e) {
            drop(f);
            throw e;
        }
    }

    /** Opens what {@code at} names: a device, a FIFO, or a regular file or directory. */
    OpenFile openInode(FsProcess p, Location at, int flags) throws FsException {
        Inode node = at.inode();
        return switch (node.type()) {
            case Modes.S_IFCHR, Modes.S_IFBLK -> devices.open(p, node, flags);
            case Modes.S_IFIFO -> fifos.open(p, node, flags);
            case Modes.S_IFSOCK -> throw FsException.of(Errno.ENXIO);
            default -> {
                OpenFile f = node.open(flags);
                if (f instanceof InodeFile file) {
                    file.setLocation(at);
                }
                if (f.writable()) {
                    node.writers++;
                }
                yield f;
            }
        };
    }

    /** An open that must wait (a FIFO's other end): park until the queue the opener named wakes, then open again. */
    int parkOpen(Task t, FsProcess p) {
        WaitQueue queue = p.takeBlockedOn();
        calls.park(t, queue, true);
        return SyscallHandler.PARKED;
    }

    /** Installs a pair of new descriptions (pipe, pipe2) and writes their fds to {@code address}. */
    public int installPair(Task t, OpenFile read, OpenFile write, int address, boolean cloexec) throws UserFault {
        FsProcess p = process(t);
        calls.memory().check(t, address, 8, true);
        int r;
        int w;
        try {
            r = install(p, read, cloexec);
        } catch (FsException e) {
            drop(write);
            return e.negated();
        }
        try {
            w = install(p, write, cloexec);
        } catch (FsException e) {
            drop(p.fds.remove(r));
            return e.negated();
        }
        calls.memory().writeInt(t, address, r);
        calls.memory().writeInt(t, address + 4, w);
        return 0;
    }
}
