package dev.ringos.kernel.servers.vfs;

import dev.ringos.kernel.syscall.Errno;
import java.util.function.Consumer;

/** A process's file descriptors: slots referring to open file descriptions, each with its close-on-exec bit. */
public final class FdTable {
    /** RLIMIT_NOFILE's usual soft limit. */
    public static final int MAX_FDS = 1024;

    private final OpenFile[] files = new OpenFile[MAX_FDS];
    private final boolean[] closeOnExec = new boolean[MAX_FDS];
    /** One past the highest slot ever used: loops stop here instead of at MAX_FDS. */
    private int high;

    public OpenFile get(int fd) {
        return fd < 0 || fd >= high ? null : files[fd];
    }

    public OpenFile require(int fd) throws FsException {
        OpenFile f = get(fd);
        if (f == null) {
            throw FsException.of(Errno.EBADF);
        }
        return f;
    }

    /** Puts {@code file} in the lowest free slot at or above {@code lowest}; the slot, or EMFILE. */
    public int install(OpenFile file, int lowest, boolean cloexec) throws FsException {
        for (int fd = Math.max(lowest, 0); fd < MAX_FDS; fd++) {
            if (files[fd] == null) {
                put(fd, file, cloexec);
                return fd;
            }
        }
        throw FsException.of(Errno.EMFILE);
    }

    /** Puts {@code file} at {@code fd} (which the caller has emptied). */
    void put(int fd, OpenFile file, boolean cloexec) {
        files[fd] = file;
        closeOnExec[fd] = cloexec;
        high = Math.max(high, fd + 1);
    }

    /** Empties slot {@code fd}; the description it held, or null. */
    OpenFile remove(int fd) {
        if (fd < 0 || fd >= high) {
            return null;
        }
        OpenFile f = files[fd];
        files[fd] = null;
        closeOnExec[fd] = false;
        return f;
    }

    public boolean closeOnExec(int fd) {
        return closeOnExec[fd];
    }

    void setCloseOnExec(int fd, boolean on) {
        closeOnExec[fd] = on;
    }

    /** fork: the same descriptions in the same slots, each referred to once more. */
    FdTable copy() {
        FdTable t = new FdTable();
        for (int fd = 0; fd < high; fd++) {
            if (files[fd] != null) {
                files[fd].references++;
                t.put(fd, files[fd], closeOnExec[fd]);
            }
        }
        return t;
    }

    /** Every open slot, lowest first. */
    public void forEach(FdConsumer action) {
        for (int fd = 0; fd < high; fd++) {
            if (files[fd] != null) {
                action.accept(fd, files[fd]);
            }
        }
    }

    /** Empties every slot the predicate picks, handing each description to {@code closer}. */
    void removeIf(boolean onlyCloseOnExec, Consumer<OpenFile> closer) {
        for (int fd = 0; fd < high; fd++) {
            if (files[fd] != null && (!onlyCloseOnExec || closeOnExec[fd])) {
                closer.accept(remove(fd));
            }
        }
    }

    @FunctionalInterface
    public interface FdConsumer {
        void accept(int fd, OpenFile file);
    }
}
