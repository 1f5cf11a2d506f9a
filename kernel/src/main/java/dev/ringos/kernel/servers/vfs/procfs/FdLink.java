package dev.ringos.kernel.servers.vfs.procfs;

import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.FsProcess;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.Modes;
import dev.ringos.kernel.servers.vfs.OpenFile;
import dev.ringos.kernel.syscall.Errno;

/**
 * /proc/PID/fd/N: a link to what descriptor N refers to (see {@link FileNames}). Its permission
 * bits say how the description was opened, as Linux's do: lr-x------ for reading, l-wx------ for
 * writing, lrwx------ for both.
 */
final class FdLink extends ProcNode {
    private final PidDirectory process;
    private final int fd;
    private final OpenFile file;

    FdLink(ProcFs fs, Inode parent, PidDirectory process, int fd, OpenFile file) {
        super(fs, inoOf(process.pid, fd), Modes.S_IFLNK | permissions(file), parent, process);
        this.process = process;
        this.fd = fd;
        this.file = file;
    }

    static long inoOf(int pid, int fd) {
        return PidDirectory.inoOf(pid) + 0x1000 + fd;
    }

    static int permissions(OpenFile file) {
        return (file.readable() ? 0500 : 0100) | (file.writable() ? 0200 : 0);
    }

    OpenFile file() {
        return file;
    }

    @Override
    public String readlink() throws FsException {
        return readlink(null);
    }

    @Override
    public String readlink(FsProcess reader) throws FsException {
        process.permitted(reader);
        FsProcess owner = process.files();
        OpenFile now = owner == null ? null : owner.fds().get(fd);
        if (now == null) {
            throw FsException.of(Errno.ENOENT);
        }
        return FileNames.describe(owner, now);
    }
}
