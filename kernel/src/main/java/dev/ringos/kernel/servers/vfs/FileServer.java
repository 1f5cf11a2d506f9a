package dev.ringos.kernel.servers.vfs;

import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.SyscallHandler;
import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.UserFault;
import dev.ringos.kernel.core.WaitQueue;
import dev.ringos.kernel.syscall.Errno;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The VFS server: per-process state (descriptor tables, cwd, root, umask, credentials: Minix's
 * fproc), the mount table, devices, and the process life cycle. The syscalls are in
 * {@link ReadWrite} (moving data), {@link DescriptorCalls} (everything else on a descriptor) and
 * {@link PathCalls} (everything that takes a path). Handlers take the calling thread and answer
 * with a result or minus an errno; a bad user pointer surfaces as {@link UserFault} (EFAULT).
 */
public final class FileServer {

    final KernelCalls calls;
    final MountTable mounts;
    final Devices devices = new Devices();
    final FileSystemTypes types = new FileSystemTypes();
    private final Map<FileSystem, Integer> deviceIds = new IdentityHashMap<>();
    private FsProcess[] byPid = new FsProcess[64];
    /** Who the kernel's own writes come from: pid 0, no process group, no terminal. */
    private final FsProcess kernelWriter = new FsProcess(0);
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
        return KernelConfig.BOOT_EPOCH + calls.cycles() / KernelConfig.CLOCK_HZ;
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

    // ---- descriptions ----

    /** The description at {@code fd}, if it is open for writing, with a reference for the kernel; else null. */
    public OpenFile holdForWriting(Task t, int fd) {
        FsProcess p = process(t);
        OpenFile f = p == null ? null : p.fds.get(fd);
        if (f == null || !f.writable()) {
            return null;
        }
        f.references++;
        return f;
    }

    /**
     * The kernel's own write (strace lines): what fits now goes; if the file would block (a full
     * pipe) or fails, the rest is lost rather than stop the machine for a trace line.
     */
    public void writeFromKernel(OpenFile f, byte[] data) {
        try {
            f.write(kernelWriter, data, 0, data.length);
        } catch (FsException e) {
            // lost, as said
        }
    }

    /** Gives back a reference taken with {@link #holdForWriting}. */
    public void release(OpenFile f) {
        drop(f);
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

    /** The open file said WOULD_BLOCK: EAGAIN for O_NONBLOCK, else park until the queue it named wakes. */
    int blocked(Task t, FsProcess p, OpenFile f) {
        WaitQueue queue = p.takeBlockedOn();
        if (f.nonBlocking() || queue == null) {
            return Errno.EAGAIN.negated();
        }
        calls.park(t, queue, true);
        return SyscallHandler.PARKED;
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
