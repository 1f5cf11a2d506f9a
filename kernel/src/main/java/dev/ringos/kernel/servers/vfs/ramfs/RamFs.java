package dev.ringos.kernel.servers.vfs.ramfs;

import dev.ringos.kernel.servers.vfs.CpioEntry;
import dev.ringos.kernel.servers.vfs.FileSystem;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.Modes;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A file system in memory: the root (unpacked from the root image), /dev, and any mount -t ramfs. */
public final class RamFs implements FileSystem {
    private final String type;
    private final String source;
    private final RamDirectory root;
    private long nextIno = 1;

    public RamFs(String type, int rootMode) {
        this(type, "none", rootMode);
    }

    /** @param source what /proc/mounts shows in its first column */
    public RamFs(String type, String source, int rootMode) {
        this.type = type;
        this.source = source;
        this.root = new RamDirectory(this, nextIno(), Modes.S_IFDIR | (rootMode & Modes.PERMISSIONS), 0, 0, null);
    }

    public static RamFs create() {
        return new RamFs("ramfs", 0755);
    }

    /**
     * A ramfs holding the root image, as the kernel unpacks an initramfs: directories made as
     * needed (0755), files and symlinks as archived, everything owned by root.
     */
    public static RamFs unpack(List<CpioEntry> archive) {
        RamFs fs = create();
        for (CpioEntry e : archive) {
            try {
                fs.add(e);
            } catch (FsException ex) {
                throw new IllegalArgumentException("root image: cannot place " + e.path() + ": " + ex.errno().name());
            }
        }
        return fs;
    }

    private void add(CpioEntry e) throws FsException {
        String[] parts = e.path().split("/");
        RamDirectory dir = root;
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            Inode next = dir.lookup(parts[i]);
            dir = (RamDirectory) (next != null ? next : dir.mkdir(parts[i], 0755, 0, 0));
        }
        String name = parts.length == 0 ? "" : parts[parts.length - 1];
        if (name.isEmpty()) {
            return;
        }
        Inode existing = dir.lookup(name);
        if (e.isDirectory()) {
            if (existing == null) {
                dir.mkdir(name, e.mode(), 0, 0);
            } else if (existing.isDirectory()) {
                existing.setPermissions(e.mode(), 0);
            }
            return;
        }
        if (existing != null) {
            dir.unlink(name);
        }
        if (e.isSymlink()) {
            dir.symlink(name, new String(e.data(), StandardCharsets.ISO_8859_1), 0, 0);
        } else if (e.isRegular()) {
            dir.place(name, new RamFile(this, nextIno(), e.mode(), 0, 0, e.data()));
        } else {
            dir.create(name, e.mode(), 0, 0, 0);
        }
    }

    long nextIno() {
        return nextIno++;
    }

    @Override
    public Inode root() {
        return root;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String source() {
        return source;
    }
}
