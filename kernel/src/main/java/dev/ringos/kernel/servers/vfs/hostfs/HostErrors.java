package dev.ringos.kernel.servers.vfs.hostfs;

import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.syscall.Errno;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * What a failed host call means to the guest: Java's exception types where they say the errno,
 * else the host's message (strerror, in English), else EIO.
 */
final class HostErrors {
    private static final String[] REASONS = {
        "Is a directory", "Not a directory", "Too many levels of symbolic links", "No space left on device",
        "Disk quota exceeded", "Read-only file system", "File name too long", "Operation not permitted",
        "Invalid cross-device link", "Directory not empty", "File too large", "Too many links",
        "Permission denied", "No such file or directory", "File exists", "Text file busy",
        "Device or resource busy", "Too many open files", "Invalid argument",
    };
    private static final Errno[] ERRNOS = {
        Errno.EISDIR, Errno.ENOTDIR, Errno.ELOOP, Errno.ENOSPC,
        Errno.EDQUOT, Errno.EROFS, Errno.ENAMETOOLONG, Errno.EPERM,
        Errno.EXDEV, Errno.ENOTEMPTY, Errno.EFBIG, Errno.EMLINK,
        Errno.EACCES, Errno.ENOENT, Errno.EEXIST, Errno.ETXTBSY,
        Errno.EBUSY, Errno.EMFILE, Errno.EINVAL,
    };

    private HostErrors() {
    }

    static FsException of(IOException e) {
        return FsException.of(errno(e));
    }

    /**
     * The unchecked ways a host call fails: a listing that failed part way (its cause), a name
     * or target Java cannot pass to the host (EINVAL), a call the host file system lacks (EPERM,
     * as Linux answers for a file system that cannot make such a file).
     */
    static FsException of(RuntimeException e) {
        if (e instanceof DirectoryIteratorException d) {
            return of(d.getCause());
        }
        if (e instanceof UnsupportedOperationException) {
            return FsException.of(Errno.EPERM);
        }
        return FsException.of(Errno.EINVAL);
    }

    static Errno errno(IOException e) {
        if (e instanceof NoSuchFileException) {
            return Errno.ENOENT;
        }
        if (e instanceof AccessDeniedException) {
            return Errno.EACCES;
        }
        if (e instanceof DirectoryNotEmptyException) {
            return Errno.ENOTEMPTY;
        }
        if (e instanceof FileAlreadyExistsException) {
            return Errno.EEXIST;
        }
        if (e instanceof NotDirectoryException) {
            return Errno.ENOTDIR;
        }
        if (e instanceof NotLinkException) {
            return Errno.EINVAL;
        }
        if (e instanceof AtomicMoveNotSupportedException) {
            return Errno.EXDEV;
        }
        String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (reason != null) {
            for (int i = 0; i < REASONS.length; i++) {
                if (reason.contains(REASONS[i])) {
                    return ERRNOS[i];
                }
            }
        }
        return Errno.EIO;
    }
}
