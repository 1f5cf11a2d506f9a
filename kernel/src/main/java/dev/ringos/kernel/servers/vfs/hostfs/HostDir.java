package dev.ringos.kernel.servers.vfs.hostfs;

import dev.ringos.kernel.servers.vfs.DirEntry;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.Modes;
import dev.ringos.kernel.syscall.Errno;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A host directory. Each operation opens it afresh from the export's root ({@link
 * HostFs#openDir}) and works relative to it; names the guest gives are one component each, and
 * are checked again to be so before they reach the host.
 */
final class HostDir extends HostInode {
    private static final Set<OpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);
    private boolean removed;

    /** The root when {@code dir} is null: its parent is itself, as the VFS expects of a mount's root. */
    HostDir(HostFs fs, long ino, HostAttributes attributes, HostDir dir, String name) {
        super(fs, ino, attributes, dir, name);
        if (dir == null) {
            this.dir = this;
        }
    }

    HostDir parentDir() {
        return dir;
    }

    boolean removed() {
        return removed;
    }

    /** A directory has one place: moving it under one of its own descendants would make a cycle (ELOOP). */
    @Override
    void foundAt(HostDir parent, String name) throws FsException {
        if (parent == dir && name.equals(this.name)) {
            return;
        }
        int depth = 0;
        for (HostDir d = parent; !fs.isRoot(d); d = d.dir) {
            if (d == this || ++depth > HostFs.MAX_DEPTH) {
                throw FsException.of(Errno.ELOOP);
            }
        }
        super.foundAt(parent, name);
        removed = false;
    }

    /** Gone from the host as far as the guest knows: operations in it fail with ENOENT; ".." still leads up. */
    @Override
    void lost() {
        removed = true;
    }

    @Override
    public Inode parent() {
        return dir;
    }

    @Override
    public Inode lookup(String name) throws FsException {
        String host = HostNames.component(name);
        if (host == null) {
            return null;
        }
        try (DirHandle here = fs.openDir(this)) {
            HostAttributes attributes = fs.stat(here, host);
            return attributes == null ? null : fs.inodeFor(attributes, this, host);
        } catch (IOException e) {
            throw HostErrors.of(e);
        } catch (InvalidPathException | UnsupportedOperationException e) {
            throw HostErrors.of(e);
        }
    }

    /** A regular file (O_CREAT), made with O_EXCL and O_NOFOLLOW; FIFOs, sockets and devices cannot be made on the host (EPERM). */
    @Override
    public Inode create(String name, int mode, int uid, int gid, int rdev) throws FsException {
        fs.requireWritable();
        String host = HostNames.require(name);
        if (!Modes.isRegular(mode)) {
            throw FsException.of(Errno.EPERM);
        }
        Set<PosixFilePermission> permissions = HostAttributes.permissions(mode);
        try (DirHandle here = fs.openDir(this)) {
            try (SeekableByteChannel made = here.stream.newByteChannel(Path.of(host), CREATE,
                    PosixFilePermissions.asFileAttribute(permissions))) {
                // Made empty; the guest's open(2) opens it next.
            }
            fs.settlePermissions(here, host, permissions);
            return fs.inodeFor(fs.statExisting(here, host), this, host);
        } catch (IOException e) {
            throw HostErrors.of(e);
        } catch (InvalidPathException | UnsupportedOperationException e) {
            throw HostErrors.of(e);
        }
    }

    @Override
    public Inode mkdir(String name, int mode, int uid, int gid) throws FsException {
        fs.requireWritable();
        String host = HostNames.require(name);
        Set<PosixFilePermission> permissions = HostAttributes.permissions(mode);
        try (DirHandle here = fs.openDir(this)) {
            Files.createDirectory(fs.checkedPath(here).resolve(host), PosixFilePermissions.asFileAttribute(permissions));
            HostAttributes made = fs.statExisting(here, host);
            if (!Modes.isDirectory(made.mode())) {
                throw FsException.of(Errno.EIO); // the host path led elsewhere after all: a host-side race
            }
            fs.settlePermissions(here, host, permissions);
            return fs.inodeFor(fs.statExisting(here, host), this, host);
        } catch (IOException e) {
            throw HostErrors.of(e);
        } catch (InvalidPathException | UnsupportedOperationException e) {
            throw HostErrors.of(e);
        }
    }

    /** Made on the host with the guest's target, byte for byte: hostfs never follows it there. */
    @Override
    public Inode symlink(String name, String target, int uid, int gid) throws FsException {
        fs.requireWritable();
        String host = HostNames.require(name);
        String hostTarget = HostNames.toHost(target);
        if (hostTarget == null || hostTarget.isEmpty() || hostTarget.indexOf('\0') >= 0) {
            throw FsException.of(Errno.EINVAL);
        }
        try (DirHandle here = fs.openDir(this)) {
            Files.createSymbolicLink(fs.checkedPath(here).resolve(host), Path.of(hostTarget));
            HostAttributes made = fs.statExisting(here, host);
            if (!Modes.isSymlink(made.mode())) {
                throw FsException.of(Errno.EIO);
            }
            return fs.inodeFor(made, this, host);
        } catch (IOException e) {
            throw HostErrors.of(e);
        } catch (InvalidPathException | UnsupportedOperationException e) {
            throw HostErrors.of(e);
        }
    }

    /** link(2) on the host (which, on Linux, links a symlink itself rather than what it names). */
    @Override
    public void link(String name, Inode target) throws FsException {
        fs.requireWritable();
        String host = HostNames.require(name);
        if (!(target instanceof HostInode existing) || existing.fs != fs) {
            throw FsException.of(Errno.EXDEV);
        }
        if (existing.isDirectory()) {
            throw FsException.of(Errno.EPERM);
        }
        try (DirHandle from = existing.openParent(); DirHandle here = fs.openDir(this)) {
            HostAttributes before = fs.stat(from, existing.name);
            if (before == null || !before.key().equals(existing.key)) {
                throw FsException.of(Errno.ENOENT);
            }
            Path source = fs.checkedPath(from).resolve(existing.name);
            Files.createLink(fs.checkedPath(here).resolve(host), source);
            HostAttributes made = fs.statExisting(here, host);
            if (!made.key().equals(existing.key)) {
                // Not the file the guest named (a host where link(2) follows symlinks, or a race): take it back.
                here.stream.deleteFile(Path.of(host));
                throw FsException.of(Errno.EIO);
            }
            existing.update(made);
        } catch (IOException e) {
            throw HostErrors.of(e);
        } catch (InvalidPathException | UnsupportedOperationException e) {
            throw HostErrors.of(e);
        }
    }

    @Override
    public void unlink(String name) throws FsException {
        fs.requireWritable();
        String host = HostNames.require(name);
        try (DirHandle here = fs.openDir(this)) {
            HostAttributes victim = fs.statExisting(here, host);
            if (Modes.isDirectory(victim.mode())) {
                throw FsException.of(Errno.EISDIR);
            }
            here.stream.deleteFile(Path.of(host));
            fs.nameRemoved(victim, this, host);
        } catch (IOException e) {
            throw HostErrors.of(e);
        } catch (InvalidPathException | UnsupportedOperationException e) {
            throw HostErrors.of(e);
        }
    }

    @Override
    public void rmdir(String name) throws FsException {
        fs.requireWritable();
        String host = HostNames.require(name);
        try (DirHandle here = fs.openDir(this)) {
            HostAttributes victim = fs.statExisting(here, host);
            if (!Modes.isDirectory(victim.mode())) {
                throw FsException.of(Errno.ENOTDIR);
            }
            here.stream.deleteDirectory(Path.of(host));
            fs.nameRemoved(victim, this, host);
        } catch (IOException e) {
            throw HostErrors.of(e);
        } catch (InvalidPathException | UnsupportedOperationException e) {
            throw HostErrors.of(e);
        }
    }

    /** renameat(2) between the two open directories: atomic on the host, replacing as rename(2) does. */
    @Override
    public void rename(String from, Inode target, String to) throws FsException {
        fs.requireWritable();
        String hostFrom = HostNames.require(from);
        String hostTo = HostNames.require(to);
        if (!(target instanceof HostDir into) || into.fs != fs) {
            throw FsException.of(Errno.EXDEV);
        }
        try (DirHandle source = fs.openDir(this); DirHandle destination = fs.openDir(into)) {
            HostAttributes moving = fs.statExisting(source, hostFrom);
            HostAttributes replaced = fs.stat(destination, hostTo);
            if (replaced != null && replaced.key().equals(moving.key())) {
                return; // two names of one file: rename(2) does nothing
            }
            HostInode known = fs.known(moving.key());
            if (known instanceof HostDir movingDir) {
                movingDir.checkNotAbove(into);
            }
            source.stream.move(Path.of(hostFrom), destination.stream, Path.of(hostTo));
            if (replaced != null) {
                fs.nameRemoved(replaced, into, hostTo);
            }
            if (known != null) {
                known.foundAt(into, hostTo);
            }
        } catch (IOException e) {
            throw HostErrors.of(e);
        } catch (InvalidPathException | UnsupportedOperationException e) {
            throw HostErrors.of(e);
        }
    }

    /** EINVAL if {@code dir} is this directory or below it (rename(2) into itself). */
    private void checkNotAbove(HostDir dir) throws FsException {
        int depth = 0;
        for (HostDir d = dir; ; d = d.dir) {
            if (d == this) {
                throw FsException.of(Errno.EINVAL);
            }
            if (fs.isRoot(d) || ++depth > HostFs.MAX_DEPTH) {
                return;
            }
        }
    }

    /**
     * The entries, sorted by name so a listing is the same on every host; an entry that vanishes
     * while it is listed is left out.
     */
    @Override
    public List<DirEntry> list() throws FsException {
        try (DirHandle here = fs.openDir(this)) {
            if (fs.isRoot(this)) {
                update(fs.statSelf(here));
            }
            List<String> names = new ArrayList<>();
            // A directory stream gives one iterator: the root, held open, is listed through a fresh one.
            SecureDirectoryStream<Path> listing = fs.isRoot(this)
                    ? here.stream.newDirectoryStream(Path.of("."), LinkOption.NOFOLLOW_LINKS) : here.stream;
            try {
                for (Path entry : listing) {
                    names.add(entry.getFileName().toString());
                }
            } finally {
                if (listing != here.stream) {
                    listing.close();
                }
            }
            names.sort(null);
            List<DirEntry> entries = new ArrayList<>(names.size());
            for (String host : names) {
                HostAttributes attributes = fs.stat(here, host);
                if (attributes == null) {
                    continue;
                }
                HostInode node;
                try {
                    node = fs.inodeFor(attributes, this, host);
                } catch (FsException e) {
                    continue; // the export's root, or a directory above this one, seen again: a host bind mount
                }
                entries.add(new DirEntry(HostNames.toGuest(host), node.ino(), node.mode()));
            }
            return entries;
        } catch (IOException e) {
            throw HostErrors.of(e);
        } catch (DirectoryIteratorException | InvalidPathException | UnsupportedOperationException e) {
            throw HostErrors.of(e);
        }
    }

    /** fchmod on the directory held open. */
    @Override
    void chmod(Set<PosixFilePermission> permissions) throws IOException, FsException {
        try (DirHandle here = fs.openDir(this)) {
            here.stream.getFileAttributeView(PosixFileAttributeView.class).setPermissions(permissions);
        }
    }
}
