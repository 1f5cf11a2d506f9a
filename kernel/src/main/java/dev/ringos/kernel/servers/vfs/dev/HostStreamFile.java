package dev.ringos.kernel.servers.vfs.dev;

import dev.ringos.kernel.core.WaitQueue;
import dev.ringos.kernel.servers.vfs.FileSystem;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.FsProcess;
import dev.ringos.kernel.servers.vfs.HostConsole;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.Modes;
import dev.ringos.kernel.servers.vfs.OpenFlags;
import dev.ringos.kernel.servers.vfs.OpenFile;
import dev.ringos.kernel.syscall.Errno;

/**
 * One of the host's standard streams as a guest descriptor, when the host's stdin is not a
 * terminal (as {@code docker run} without {@code -t}): stream 0 reads the host's stdin, 1 and
 * 2 write its stdout and stderr. They look like pipes to fstat, which is what they are on most hosts.
 */
public final class HostStreamFile extends OpenFile {
    private final HostConsole host;
    private final int stream;
    private final WaitQueue input;
    private final Inode inode;

    private HostStreamFile(HostConsole host, int stream, WaitQueue input, Inode inode) {
        super(stream == 0 ? OpenFlags.O_RDONLY : OpenFlags.O_WRONLY);
        this.host = host;
        this.stream = stream;
        this.input = input;
        this.inode = inode;
    }

    /** The three descriptions for fds 0, 1 and 2; {@code input} is woken when the host has more for stdin. */
    public static OpenFile[] open(HostConsole host, WaitQueue input) {
        FileSystem anon = new FileSystem() {
            @Override
            public Inode root() {
                return null;
            }

            @Override
            public String type() {
                return "pipefs";
            }
        };
        OpenFile[] files = new OpenFile[3];
        for (int s = 0; s < 3; s++) {
            Inode node = new Inode(anon, s + 1, Modes.S_IFIFO | 0600, 0, 0) { };
            files[s] = new HostStreamFile(host, s, input, node);
        }
        return files;
    }

    @Override
    public Inode inode() {
        return inode;
    }

    @Override
    public int read(FsProcess caller, byte[] into, int off, int length) throws FsException {
        if (stream != 0) {
            throw FsException.of(Errno.EBADF);
        }
        int n = host.read(into, off, length);
        if (n < 0) {
            caller.blockOn(input);
            return WOULD_BLOCK;
        }
        return n;
    }

    @Override
    public int write(FsProcess caller, byte[] from, int off, int length) throws FsException {
        if (stream == 0) {
            throw FsException.of(Errno.EBADF);
        }
        host.write(stream, from, off, length);
        return length;
    }
}
