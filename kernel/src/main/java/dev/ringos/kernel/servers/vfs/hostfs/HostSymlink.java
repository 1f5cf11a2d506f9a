package dev.ringos.kernel.servers.vfs.hostfs;

import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.syscall.Errno;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A host symlink, shown as one: its target is text the VFS resolves in the guest's namespace
 * ("/etc/passwd" is the guest's, ".." climbs the guest's directories). hostfs itself never
 * follows it.
 */
final class HostSymlink extends HostInode {
    HostSymlink(HostFs fs, long ino, HostAttributes attributes, HostDir dir, String name) {
        super(fs, ino, attributes, dir, name);
    }

    /** readlink(2) by path (Java has no other form), checked before and after to be this very link. */
    @Override
    public String readlink() throws FsException {
        try (DirHandle parent = openParent()) {
            Path link = fs.checkedPath(parent).resolve(name);
            requireSelf(link);
            String target = Files.readSymbolicLink(link).toString();
            requireSelf(link);
            return HostNames.toGuest(target);
        } catch (IOException e) {
            throw HostErrors.of(e);
        } catch (InvalidPathException | UnsupportedOperationException e) {
            throw HostErrors.of(e);
        }
    }

    private void requireSelf(Path link) throws IOException, FsException {
        Object now = Files.readAttributes(link, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        if (!key.equals(now)) {
            throw FsException.of(Errno.ENOENT);
        }
    }
}
