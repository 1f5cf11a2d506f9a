package dev.ringos.kernel.servers.vfs.hostfs;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;

/**
 * A host directory held open for one operation. Names are resolved relative to the open
 * directory (openat and its kin), so nothing between the export's root and here is looked up
 * again, and no symlink is followed. {@link #path} is where the host's path names it, for the
 * few calls Java has only in a path form; {@link HostFs#checkedPath} checks it first.
 */
final class DirHandle implements AutoCloseable {
    final SecureDirectoryStream<Path> stream;
    final Path path;
    /** The directory's host identity (dev and inode), as fstat gave it after opening. */
    final Object key;
    private final boolean owned;

    DirHandle(SecureDirectoryStream<Path> stream, Path path, Object key, boolean owned) {
        this.stream = stream;
        this.path = path;
        this.key = key;
        this.owned = owned;
    }

    /** Closes the directory unless it is the export's root, which stays open while mounted. */
    @Override
    public void close() {
        if (owned) {
            try {
                stream.close();
            } catch (IOException e) {
                // A directory opened only to read it: nothing is lost if closing it fails.
            }
        }
    }
}
