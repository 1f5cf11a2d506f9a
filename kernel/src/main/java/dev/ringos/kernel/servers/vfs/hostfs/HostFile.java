package dev.ringos.kernel.servers.vfs.hostfs;

import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.OpenFile;
import dev.ringos.kernel.servers.vfs.OpenFlags;
import dev.ringos.kernel.syscall.Errno;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A regular host file. Each open description holds its own host channel, opened relative to
 * the directory the file is in with O_NOFOLLOW; reads and writes go straight to it (no
 * buffering in ringos), and closing the last descriptor forces what was written to the disk.
 */
final class HostFile extends HostInode {
    private static final Set<OpenOption> READ = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> WRITE = Set.of(StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> READ_WRITE = Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);
    private static final byte[] ZERO = new byte[1];

    /** The descriptions open on this file now. */
    private final List<HostOpenFile> open = new ArrayList<>(1);

    HostFile(HostFs fs, long ino, HostAttributes attributes, HostDir dir, String name) {
        super(fs, ino, attributes, dir, name);
    }

    @Override
    public OpenFile open(int flags) throws FsException {
        int access = flags & OpenFlags.O_ACCMODE;
        Set<OpenOption> options = access == OpenFlags.O_WRONLY ? WRITE : access == OpenFlags.O_RDWR ? READ_WRITE : READ;
        if (options != READ) {
            fs.requireWritable();
        }
        HostOpenFile file = new HostOpenFile(this, flags, channel(options));
        open.add(file);
        return file;
    }

    /** A host channel on this file, opened in its directory by name, not following a symlink. */
    private FileChannel channel(Set<OpenOption> options) throws FsException {
        try (DirHandle parent = openParent()) {
            SeekableByteChannel channel = parent.stream.newByteChannel(Path.of(name), options);
            if (channel instanceof FileChannel file) {
                return file;
            }
            channel.close();
            throw FsException.of(Errno.EIO);
        } catch (IOException e) {
            throw HostErrors.of(e);
        } catch (InvalidPathException | UnsupportedOperationException e) {
            throw HostErrors.of(e);
        }
    }

    /** The last descriptor of {@code file} is closing: what it wrote goes to the disk before close returns. */
    @Override
    public void closed(OpenFile file) throws FsException {
        if (!(file instanceof HostOpenFile host) || !open.remove(host)) {
            return;
        }
        try {
            hostSize = host.channel.size();
        } catch (IOException e) {
            // The size stays as last known.
        }
        try {
            host.finish();
        } catch (IOException e) {
            throw HostErrors.of(e);
        }
    }

    /** The size on the host now when a channel is open, else as of the last lookup. */
    @Override
    public long size() {
        for (int i = 0; i < open.size(); i++) {
            try {
                return open.get(i).channel.size();
            } catch (IOException e) {
                // Try the next, or fall back on what the last stat said.
            }
        }
        return hostSize;
    }

    /** A read with no description (execve loads a program this way): an open channel, or one just for this. */
    @Override
    public int read(long position, byte[] into, int offset, int length) throws FsException {
        HostOpenFile reading = openFor(false);
        try {
            if (reading != null) {
                return readAt(reading.channel, position, into, offset, length);
            }
            try (FileChannel channel = channel(READ)) {
                return readAt(channel, position, into, offset, length);
            }
        } catch (IOException e) {
            throw HostErrors.of(e);
        }
    }

    @Override
    public int write(long position, byte[] from, int offset, int length) throws FsException {
        fs.requireWritable();
        HostOpenFile writing = openFor(true);
        try {
            if (writing != null) {
                writing.wrote();
                return writeAt(writing.channel, position, from, offset, length);
            }
            try (FileChannel channel = channel(WRITE)) {
                int n = writeAt(channel, position, from, offset, length);
                channel.force(true);
                return n;
            }
        } catch (IOException e) {
            throw HostErrors.of(e);
        }
    }

    /** truncate, ftruncate, O_TRUNC: shorter cuts, longer leaves a hole that reads as zeros; on the disk at once. */
    @Override
    public void truncate(long size) throws FsException {
        fs.requireWritable();
        HostOpenFile writing = openFor(true);
        try {
            if (writing != null) {
                resize(writing.channel, size);
                return;
            }
            try (FileChannel channel = channel(WRITE)) {
                resize(channel, size);
            }
        } catch (IOException e) {
            throw HostErrors.of(e);
        }
    }

    private void resize(FileChannel channel, long size) throws IOException {
        long current = channel.size();
        if (size < current) {
            channel.truncate(size);
        } else if (size > current) {
            channel.write(ByteBuffer.wrap(ZERO), size - 1);
        }
        channel.force(true);
        hostSize = size;
    }

    int readAt(FileChannel channel, long position, byte[] into, int offset, int length) throws IOException {
        if (length == 0 || position < 0) {
            return 0;
        }
        return Math.max(0, channel.read(fs.buffer(into, offset, length), position));
    }

    /** Writes all of it, or as much as the host took before failing (then the error if nothing was). */
    int writeAt(FileChannel channel, long position, byte[] from, int offset, int length)
            throws IOException, FsException {
        if (position < 0 || position > Long.MAX_VALUE - length) {
            throw FsException.of(Errno.EFBIG); // past any file's end: what Linux says for a write there
        }
        ByteBuffer buffer = fs.buffer(from, offset, length);
        int done = 0;
        try {
            while (buffer.hasRemaining()) {
                done += channel.write(buffer, position + done);
            }
        } catch (IOException e) {
            if (done == 0) {
                throw e;
            }
        }
        hostSize = Math.max(hostSize, position + done);
        return done;
    }

    private HostOpenFile openFor(boolean writing) {
        for (int i = 0; i < open.size(); i++) {
            HostOpenFile f = open.get(i);
            if (writing ? f.writable() : f.readable()) {
                return f;
            }
        }
        return null;
    }

    @Override
    void chmod(Set<PosixFilePermission> permissions) throws IOException, FsException {
        try (DirHandle parent = openParent()) {
            parent.stream.getFileAttributeView(Path.of(name), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setPermissions(permissions);
        }
    }
}
