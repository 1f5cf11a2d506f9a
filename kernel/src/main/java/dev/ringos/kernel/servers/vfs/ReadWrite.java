package dev.ringos.kernel.servers.vfs;

import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.core.SyscallHandler;
import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.UserFault;
import dev.ringos.kernel.core.UserRegisters;
import dev.ringos.kernel.syscall.Errno;

/**
 * read, write, readv and writev: data between a process's memory and an open file, through one
 * kernel buffer, a chunk at a time; a file that cannot go on makes the caller wait (see
 * {@link OpenFile#WOULD_BLOCK}).
 */
public final class ReadWrite {
    /** One read or write moves at most this much through the server at a time. */
    static final int CHUNK = 64 * 1024;
    /** Linux's MAX_RW_COUNT: larger counts are cut to it. */
    private static final int MAX_RW_COUNT = 0x7FFF_F000;
    private static final int SIGPIPE = 13;

    private final FileServer files;
    private final KernelCalls calls;
    private final byte[] buffer = new byte[CHUNK];

    public ReadWrite(FileServer files) {
        this.files = files;
        this.calls = files.calls;
    }

    public int read(Task t, int fd, int address, int length) throws UserFault {
        FsProcess p = files.process(t);
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
                    return done > 0 ? done : files.blocked(t, p, f);
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
            f.inode().accessed(files.now());
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
        FsProcess p = files.process(t);
        OpenFile f = p.fds.get(fd);
        if (f == null || !f.writable()) {
            return Errno.EBADF.negated();
        }
        if (length < 0) {
            return Errno.EFAULT.negated();
        }
        length = Math.min(length, MAX_RW_COUNT);
        if (length > CHUNK) {
            // Several chunks: a bad page late in the buffer must fail the call before the first one goes.
            // One chunk is copied in whole before the file sees any of it, so that copy is the check.
            calls.memory().check(t, address, length, false);
        }
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
                        return files.blocked(t, p, f);
                    }
                    // Park with the rest of the buffer as the call's arguments, and what is done so far carried.
                    calls.setRegister(t, UserRegisters.ECX, address + done);
                    calls.setRegister(t, UserRegisters.EDX, length - done);
                    calls.addProgress(t, done);
                    return files.blocked(t, p, f);
                }
                done += w;
            }
        } catch (FsException e) {
            if (e.errno() == Errno.EPIPE && files.jobs() != null) {
                files.jobs().signal(p.pid(), SIGPIPE);
            }
            return done > 0 ? calls.takeProgress(t) + done : emptyHanded(t, e.errno());
        }
        if (done > 0 && f instanceof InodeFile) {
            f.inode().modified(files.now());
        }
        return calls.takeProgress(t) + done;
    }

    /** A restarted write that can do nothing more reports what it did before, else the error. */
    private int emptyHanded(Task t, Errno errno) {
        int carried = calls.takeProgress(t);
        return carried > 0 ? carried : errno.negated();
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
}
