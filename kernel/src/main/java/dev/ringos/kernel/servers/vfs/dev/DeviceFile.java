package dev.ringos.kernel.servers.vfs.dev;

import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.OpenFile;

/** An open device node: fstat describes the node; seeking is allowed and means nothing. */
public abstract class DeviceFile extends OpenFile {
    private final Inode node;

    protected DeviceFile(Inode node, int flags) {
        super(flags);
        this.node = node;
    }

    @Override
    public Inode inode() {
        return node;
    }

    @Override
    public long seek(long to, int whence) {
        offset = 0;
        return 0;
    }
}
