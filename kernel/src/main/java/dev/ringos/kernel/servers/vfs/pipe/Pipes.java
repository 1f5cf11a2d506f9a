package dev.ringos.kernel.servers.vfs.pipe;

import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.UserFault;
import dev.ringos.kernel.servers.vfs.FileServer;
import dev.ringos.kernel.servers.vfs.FileSystem;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.Modes;
import dev.ringos.kernel.servers.vfs.OpenFlags;
import dev.ringos.kernel.syscall.Errno;

/**
 * pipe(2) and pipe2(2): a new {@link Pipe} on an anonymous inode of pipefs (a file system that
 * is never mounted: fstat shows S_IFIFO|0600 and its own device), its two ends installed as
 * the caller's lowest free descriptors.
 */
public final class Pipes {
    /** What pipe2 accepts. */
    private static final int FLAGS = OpenFlags.O_CLOEXEC | OpenFlags.O_NONBLOCK;

    private final FileServer files;
    private final FileSystem pipefs = new FileSystem() {
        @Override
        public Inode root() {
            return null;
        }

        @Override
        public String type() {
            return "pipefs";
        }
    };
    private long nextIno = 1;

    public Pipes(FileServer files) {
        this.files = files;
    }

    /** pipe2(fds, flags): 0, or minus EINVAL for other flags, EMFILE, EFAULT. */
    public int pipe2(Task t, int address, int flags) throws UserFault {
        if ((flags & ~FLAGS) != 0) {
            return Errno.EINVAL.negated();
        }
        long now = files.now();
        Inode inode = new Inode(pipefs, nextIno++, Modes.S_IFIFO | 0600, files.process(t).uid(),
                files.process(t).gid()) {
            {
                atime = now;
                mtime = now;
                ctime = now;
            }
        };
        Pipe pipe = new Pipe(files.calls(), inode, null);
        pipe.addEnds(true, true);
        int status = flags & OpenFlags.O_NONBLOCK;
        PipeEnd read = new PipeEnd(pipe, files.calls(), OpenFlags.O_RDONLY | status);
        PipeEnd write = new PipeEnd(pipe, files.calls(), OpenFlags.O_WRONLY | status);
        return files.installPair(t, read, write, address, (flags & OpenFlags.O_CLOEXEC) != 0);
    }
}
