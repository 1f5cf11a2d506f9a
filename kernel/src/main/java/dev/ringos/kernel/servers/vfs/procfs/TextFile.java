package dev.ringos.kernel.servers.vfs.procfs;

import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.Modes;
import dev.ringos.kernel.servers.vfs.OpenFile;
import dev.ringos.kernel.syscall.Errno;
import java.nio.charset.StandardCharsets;

/**
 * A read-only procfs file (mode 0444, size 0 as on Linux): its text is made by a function of
 * the moment. An open description keeps one text across reads ({@link Snapshot}), so a reader
 * taking it in small pieces sees it whole and consistent.
 */
final class TextFile extends ProcNode {
    /** Makes the file's text now; ESRCH once its process is gone. */
    @FunctionalInterface
    interface Text {
        String make() throws FsException;
    }

    private final Text text;
    /** What a write through a description opened for writing (root may open one) fails with. */
    private final Errno onWrite;

    TextFile(ProcFs fs, long ino, Inode parent, PidDirectory process, Errno onWrite, Text text) {
        super(fs, ino, Modes.S_IFREG | 0444, parent, process);
        this.text = text;
        this.onWrite = onWrite;
    }

    byte[] contents() throws FsException {
        return text.make().getBytes(StandardCharsets.ISO_8859_1);
    }

    Errno onWrite() {
        return onWrite;
    }

    /** A read not through a description (pread-like callers, execve): the text of this moment. */
    @Override
    public int read(long position, byte[] into, int offset, int length) throws FsException {
        byte[] now = contents();
        if (position >= now.length) {
            return 0;
        }
        int n = (int) Math.min(length, now.length - position);
        System.arraycopy(now, (int) position, into, offset, n);
        return n;
    }

    @Override
    public int write(long position, byte[] from, int offset, int length) throws FsException {
        throw FsException.of(onWrite);
    }

    @Override
    public OpenFile open(int flags) {
        return new Snapshot(this, flags);
    }
}
