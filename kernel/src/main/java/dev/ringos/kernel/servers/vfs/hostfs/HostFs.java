package dev.ringos.kernel.servers.vfs.hostfs;

import dev.ringos.kernel.servers.vfs.FileSystem;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.Modes;
import dev.ringos.kernel.syscall.Errno;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * hostfs: a directory of the host as a file system of the guest, for {@code --mount
 * HOST:GUEST[:ro]}. Reads and writes, names made and removed, all land in the host directory.
 *
 * <p>The guest never reaches a host path outside it. The VFS walks the guest's paths itself, so
 * hostfs is asked for one name at a time in a directory it already knows, and it answers from
 * that directory held open: every name is resolved relative to the open directory with
 * symlinks not followed (openat with O_NOFOLLOW, fstatat with AT_SYMLINK_NOFOLLOW, unlinkat,
 * renameat), through Java's {@link SecureDirectoryStream}. A host symlink is shown to the guest
 * as a symlink, whose target the VFS resolves in the guest's namespace, never the host's. A
 * directory is reopened from the export's root for each operation, component by component,
 * each checked to be the very directory (dev and inode) the guest found there; a directory
 * replaced on the host since is gone for the guest (ENOENT). mkdir, symlink, link and readlink
 * have no directory-relative form in Java: they use the host path after checking that it still
 * leads to the open directory (docs/hostfs.md says what a concurrent host process could still do).
 *
 * <p>Files are one Inode per host file (by dev and inode) for as long as the guest can tell;
 * everything is shown owned by root; the host keeps the times.
 */
public final class HostFs implements FileSystem {
    /** Deeper than any path the guest can name (PATH_MAX / 2): a longer chain of directories is a bug. */
    static final int MAX_DEPTH = 2048;
    private static final String UNIX_ATTRIBUTES = "unix:mode,nlink,ctime,fileKey";
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final Path hostRoot;
    private final SecureDirectoryStream<Path> rootStream;
    private final boolean readOnly;
    /** Every host file the guest has found, by its host identity; an entry goes when its last name does. */
    private final Map<Object, HostInode> inodes = new HashMap<>();
    private final HostDir root;
    private long nextIno = 1;
    /** One ByteBuffer over the array the VFS moves data through, so a read or write allocates nothing. */
    private byte[] wrapped;
    private ByteBuffer wrapper;

    private HostFs(Path hostRoot, SecureDirectoryStream<Path> rootStream, HostAttributes rootAttributes,
            boolean readOnly) {
        this.hostRoot = hostRoot;
        this.rootStream = rootStream;
        this.readOnly = readOnly;
        this.root = new HostDir(this, nextIno++, rootAttributes, null, null);
        inodes.put(rootAttributes.key(), root);
    }

    /**
     * Exports the host directory {@code host} (symlinks in its own path are the host's choice and
     * are followed once, here). Fails with a message for the command line when it is not a
     * directory, or when the host cannot open names relative to a directory.
     */
    public static HostFs open(Path host, boolean readOnly) throws IOException {
        Path real = host.toRealPath();
        if (!Files.isDirectory(real)) {
            throw new IOException("not a directory");
        }
        DirectoryStream<Path> stream = Files.newDirectoryStream(real);
        if (!(stream instanceof SecureDirectoryStream<Path> secure)) {
            stream.close();
            throw new IOException("this host cannot open files relative to a directory, which hostfs needs"
                    + " to keep the guest inside " + real);
        }
        try {
            PosixFileAttributes attributes = secure.getFileAttributeView(PosixFileAttributeView.class).readAttributes();
            if (attributes.fileKey() == null) {
                throw new IOException("this host does not identify files (dev and inode), which hostfs needs");
            }
            return new HostFs(real, secure, HostAttributes.of(attributes, unixAttributes(real, attributes.fileKey())),
                    readOnly);
        } catch (IOException | RuntimeException e) {
            secure.close();
            throw e;
        }
    }

    @Override
    public Inode root() {
        return root;
    }

    @Override
    public String type() {
        return "hostfs";
    }

    /** The exported directory's real path: /proc/mounts shows it, and mount(2) names an export by it. */
    @Override
    public String source() {
        return hostRoot.toString();
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    /** EROFS on a read-only export, whatever the mount says: every change checks this too. */
    void requireWritable() throws FsException {
        if (readOnly) {
            throw FsException.of(Errno.EROFS);
        }
    }

    // ---- directories ----

    /**
     * Opens {@code dir} on the host: from the export's root, one component at a time, never
     * following a symlink, each directory checked to be the one recorded for it. ENOENT when the
     * guest's idea of where it is no longer holds (removed, renamed or replaced on the host).
     */
    DirHandle openDir(HostDir dir) throws FsException {
        if (dir == root) {
            return new DirHandle(rootStream, hostRoot, root.key, false);
        }
        if (dir.removed()) {
            throw FsException.of(Errno.ENOENT);
        }
        Deque<HostDir> chain = new ArrayDeque<>();
        for (HostDir d = dir; d != root; d = d.parentDir()) {
            chain.push(d);
            if (chain.size() > MAX_DEPTH) {
                throw FsException.of(Errno.ELOOP);
            }
        }
        SecureDirectoryStream<Path> current = rootStream;
        Path path = hostRoot;
        Object key = root.key;
        try {
            for (HostDir d : chain) {
                SecureDirectoryStream<Path> next;
                try {
                    next = current.newDirectoryStream(Path.of(d.name), NOFOLLOW);
                } catch (IOException e) {
                    // Missing, no longer a directory, or now a symlink (ELOOP): not where the guest left it.
                    throw FsException.of(HostErrors.errno(e) == Errno.EACCES ? Errno.EACCES : Errno.ENOENT);
                }
                if (current != rootStream) {
                    closeQuietly(current);
                }
                current = next;
                path = path.resolve(d.name);
                key = current.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
                if (!d.key.equals(key)) {
                    throw FsException.of(Errno.ENOENT);
                }
            }
            return new DirHandle(current, path, key, true);
        } catch (IOException e) {
            if (current != rootStream) {
                closeQuietly(current);
            }
            throw HostErrors.of(e);
        } catch (FsException e) {
            if (current != rootStream) {
                closeQuietly(current);
            }
            throw e;
        }
    }

    private static void closeQuietly(SecureDirectoryStream<Path> stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // Only read from: nothing to lose.
        }
    }

    /**
     * The host path of {@code dir}, for the calls Java has only in a path form (mkdir, symlink,
     * link, readlink): ENOENT unless, right now, it leads to the directory held open. The host
     * could still swap a directory on that path between this check and the call (docs/hostfs.md).
     */
    Path checkedPath(DirHandle dir) throws IOException, FsException {
        Object key = Files.readAttributes(dir.path, BasicFileAttributes.class, NOFOLLOW).fileKey();
        if (!dir.key.equals(key)) {
            throw FsException.of(Errno.ENOENT);
        }
        return dir.path;
    }

    /** The attributes of {@code name} in {@code dir}, its symlink not followed; null if there is none. */
    HostAttributes stat(DirHandle dir, String name) throws IOException {
        Path p = Path.of(name);
        PosixFileAttributes attributes;
        try {
            attributes = dir.stream.getFileAttributeView(p, PosixFileAttributeView.class, NOFOLLOW).readAttributes();
        } catch (NoSuchFileException e) {
            return null;
        }
        if (attributes.fileKey() == null) {
            throw new IOException("no file key");
        }
        return HostAttributes.of(attributes, unixAttributes(dir.path.resolve(p), attributes.fileKey()));
    }

    /** As {@link #stat}, for a name just made or known to be there: ENOENT if it is not. */
    HostAttributes statExisting(DirHandle dir, String name) throws IOException, FsException {
        HostAttributes attributes = stat(dir, name);
        if (attributes == null) {
            throw FsException.of(Errno.ENOENT);
        }
        return attributes;
    }

    /** The directory's own attributes, from the open directory. */
    HostAttributes statSelf(DirHandle dir) throws IOException {
        PosixFileAttributes attributes = dir.stream.getFileAttributeView(PosixFileAttributeView.class).readAttributes();
        return HostAttributes.of(attributes, unixAttributes(dir.path, attributes.fileKey()));
    }

    /**
     * The mode, link count and ctime Java gives only by path: used only if the path names the
     * same file the directory-relative stat found (else, as after a host-side race, left out).
     */
    private static Map<String, Object> unixAttributes(Path path, Object key) {
        try {
            Map<String, Object> unix = Files.readAttributes(path, UNIX_ATTRIBUTES, NOFOLLOW);
            return key.equals(unix.get("fileKey")) ? unix : null;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Sets exactly {@code permissions} on {@code name}, a file or directory just made in
     * {@code dir} (creating applies the host's umask too). Best effort: the host may refuse
     * (it opens the file to change it, which an unreadable file does not allow but to root).
     */
    void settlePermissions(DirHandle dir, String name, Set<PosixFilePermission> permissions) {
        try {
            PosixFileAttributeView view = dir.stream.getFileAttributeView(Path.of(name), PosixFileAttributeView.class,
                    NOFOLLOW);
            if (!view.readAttributes().permissions().equals(permissions)) {
                view.setPermissions(permissions);
            }
        } catch (IOException e) {
            // The umasked permissions stay; stat shows them.
        }
    }

    // ---- the inode cache ----

    /**
     * The Inode for the host file {@code attributes} describe, found as {@code name} in
     * {@code dir}: the one already made for it (attributes refreshed, location updated) or a new
     * one. ELOOP for a directory that would become its own ancestor, as the export's root met
     * inside itself (a host bind mount) would.
     */
    HostInode inodeFor(HostAttributes attributes, HostDir dir, String name) throws FsException {
        HostInode known = inodes.get(attributes.key());
        if (known == root) {
            throw FsException.of(Errno.ELOOP);
        }
        if (known != null && known.type() == (attributes.mode() & Modes.S_IFMT)) {
            known.foundAt(dir, name);
            known.update(attributes);
            return known;
        }
        if (known != null) {
            known.lost();
        }
        HostInode made = switch (attributes.mode() & Modes.S_IFMT) {
            case Modes.S_IFDIR -> new HostDir(this, nextIno++, attributes, dir, name);
            case Modes.S_IFREG -> new HostFile(this, nextIno++, attributes, dir, name);
            case Modes.S_IFLNK -> new HostSymlink(this, nextIno++, attributes, dir, name);
            default -> new HostSpecial(this, nextIno++, attributes, dir, name);
        };
        inodes.put(attributes.key(), made);
        return made;
    }

    /**
     * The guest removed {@code name} from {@code dir} (unlink, rmdir, or a rename over it); the
     * file had {@code attributes} before. The Inode is forgotten with its last name; a file with
     * other names stays, to be found again by one of them.
     */
    void nameRemoved(HostAttributes attributes, HostDir dir, String name) {
        HostInode known = inodes.get(attributes.key());
        if (known == null || known == root) {
            return;
        }
        if (known.isDirectory() || attributes.nlink() <= 1) {
            inodes.remove(attributes.key());
            known.lost();
        } else if (known.isAt(dir, name)) {
            known.lost();
        }
    }

    HostInode known(Object key) {
        return inodes.get(key);
    }

    boolean isRoot(HostDir dir) {
        return dir == root;
    }

    /** {@code array[offset, offset + length)} as a ByteBuffer, without making one per call. */
    ByteBuffer buffer(byte[] array, int offset, int length) {
        if (array != wrapped) {
            wrapped = array;
            wrapper = ByteBuffer.wrap(array);
        }
        wrapper.clear();
        wrapper.position(offset).limit(offset + length);
        return wrapper;
    }
}
