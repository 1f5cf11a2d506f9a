package dev.ringos.kernel.servers.vfs.hostfs;

import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.FsProcess;
import dev.ringos.kernel.servers.vfs.InodeFile;
import dev.ringos.kernel.servers.vfs.OpenFlags;
import java.io.IOException;
import java.nio.channels.FileChannel;

/** An open hostfs file: the description's offset over its own host channel. */
final class HostOpenFile extends InodeFile {
    private final HostFile file;
    final FileChannel channel;
    /** Something was written through it: closing forces it to the disk. */
    private boolean dirty;

    HostOpenFile(HostFile file, int flags, FileChannel channel) {
        super(file, flags);
        this.file = file;
        this.channel = channel;
    }

    @Override
    public int read(FsProcess caller, byte[] into, int off, int length) throws FsException {
        try {
            int n = file.readAt(channel, offset, into, off, length);
            offset += n;
            return n;
        } catch (IOException e) {
            throw HostErrors.of(e);
        }
    }

    @Override
    public int write(FsProcess caller, byte[] from, int off, int length) throws FsException {
        file.fs.requireWritable();
        try {
            if ((flags & OpenFlags.O_APPEND) != 0) {
                offset = channel.size();
            }
            dirty = true;
            int n = file.writeAt(channel, offset, from, off, length);
            offset += n;
            return n;
        } catch (IOException e) {
            throw HostErrors.of(e);
        }
    }

    void wrote() {
        dirty = true;
    }

    /** The last descriptor is gone: force what was written, then let the host file go. */
    void finish() throws IOException {
        try {
            if (dirty) {
                channel.force(true);
            }
        } finally {
            channel.close();
        }
    }
}
