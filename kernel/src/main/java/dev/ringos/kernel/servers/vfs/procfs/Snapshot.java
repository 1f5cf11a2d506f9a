package dev.ringos.kernel.servers.vfs.procfs;

import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.FsProcess;
import dev.ringos.kernel.servers.vfs.InodeFile;
import dev.ringos.kernel.syscall.Errno;

/**
 * An open procfs file, as Linux's seq_file: the text is made at the first read and kept, so
 * reads in small pieces see one consistent text; a seek to another offset drops it, and the
 * next read makes it afresh (how top re-reads /proc/uptime: lseek to 0, read). SEEK_END means
 * nothing for a file whose size is not known, so it is refused with EINVAL.
 */
final class Snapshot extends InodeFile {
    private final TextFile file;
    private byte[] text;

    Snapshot(TextFile file, int flags) {
        super(file, flags);
        this.file = file;
    }

    @Override
    public int read(FsProcess caller, byte[] into, int off, int length) throws FsException {
        if (text == null) {
            text = file.contents();
        }
        if (offset >= text.length) {
            return 0;
        }
        int n = (int) Math.min(length, text.length - offset);
        System.arraycopy(text, (int) offset, into, off, n);
        offset += n;
        return n;
    }

    @Override
    public int write(FsProcess caller, byte[] from, int off, int length) throws FsException {
        throw FsException.of(file.onWrite());
    }

    @Override
    public long seek(long to, int whence) throws FsException {
        long target = switch (whence) {
            case SEEK_SET -> to;
            case SEEK_CUR -> offset + to;
            default -> throw FsException.of(Errno.EINVAL);
        };
        if (target < 0) {
            throw FsException.of(Errno.EINVAL);
        }
        if (target != offset) {
            text = null;
            offset = target;
        }
        return target;
    }
}
