package dev.ringos.kernel.servers.vfs;

import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.UserFault;
import dev.ringos.kernel.syscall.Errno;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The calls on a descriptor that move no data: close, the dups, fcntl, lseek, ioctl, fstat,
 * ftruncate, getdents64 and fchdir.
 */
public final class DescriptorCalls {
    private final FileServer files;
    private final KernelCalls calls;

    public DescriptorCalls(FileServer files) {
        this.files = files;
        this.calls = files.calls;
    }

    public int close(Task t, int fd) {
        OpenFile f = files.process(t).fds.remove(fd);
        if (f == null) {
            return Errno.EBADF.negated();
        }
        return files.drop(f);
    }

    public int dup(Task t, int fd) {
        return dupAt(files.process(t), fd, 0, false);
    }

    public int dup2(Task t, int fd, int target) {
        FsProcess p = files.process(t);
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
            files.drop(old);
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
            files.process(t).fds.setCloseOnExec(target, (flags & OpenFlags.O_CLOEXEC) != 0);
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
        FsProcess p = files.process(t);
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

    public int lseek(Task t, int fd, int offset, int whence) {
        OpenFile f = files.process(t).fds.get(fd);
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
        OpenFile f = files.process(t).fds.get(fd);
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
        FsProcess p = files.process(t);
        OpenFile f = p.fds.get(fd);
        if (f == null) {
            return Errno.EBADF.negated();
        }
        try {
            int r = f.ioctl(p, request, arg);
            return r == OpenFile.WOULD_BLOCK ? files.blocked(t, p, f) : r;
        } catch (FsException e) {
            return e.negated();
        }
    }

    public int fstat(Task t, int fd, int address) throws UserFault {
        OpenFile f = files.process(t).fds.get(fd);
        if (f == null) {
            return Errno.EBADF.negated();
        }
        calls.memory().write(t, address, Stat64.encode(f.inode(), files.deviceOf(f.inode().fs())), 0, Stat64.SIZE);
        return 0;
    }

    public int ftruncate(Task t, int fd, int length) {
        OpenFile f = files.process(t).fds.get(fd);
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
            f.inode().modified(files.now());
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
        FsProcess p = files.process(t);
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
            byte[] out = new byte[Math.max(0, Math.min(count, ReadWrite.CHUNK))];
            long index = file.offset();
            while (index < entries.size() + 2) {
                DirEntry e = index == 0 ? new DirEntry(".", f.inode().ino(), f.inode().mode())
                        : index == 1 ? new DirEntry("..", parent.ino(), parent.mode())
                        : entries.get((int) index - 2);
                byte[] name = e.name().getBytes(StandardCharsets.ISO_8859_1);
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
        FsProcess p = files.process(t);
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
}
