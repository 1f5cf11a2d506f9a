package dev.ringos.kernel.servers.vfs.hostfs;

/**
 * A host FIFO, socket or device node: its attributes only, with no device number. The VFS
 * opens a FIFO as a pipe within the guest and a device by its number (none here: ENXIO);
 * hostfs never opens it on the host.
 */
final class HostSpecial extends HostInode {
    HostSpecial(HostFs fs, long ino, HostAttributes attributes, HostDir dir, String name) {
        super(fs, ino, attributes, dir, name);
    }
}
