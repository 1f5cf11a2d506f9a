package dev.ringos.kernel.servers.vfs.procfs;

import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.FsProcess;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.Modes;

/**
 * A procfs symbolic link (lrwxrwxrwx) whose target is worked out when it is read, possibly from
 * who reads it: /proc/self names the reader, /proc/PID/cwd wherever that process stands now.
 */
final class Link extends ProcNode {
    /** The target for {@code reader} (null when the kernel itself reads). */
    @FunctionalInterface
    interface Target {
        String of(FsProcess reader) throws FsException;
    }

    private final Target target;

    Link(ProcFs fs, long ino, Inode parent, PidDirectory process, Target target) {
        super(fs, ino, Modes.S_IFLNK | 0777, parent, process);
        this.target = target;
    }

    @Override
    public String readlink() throws FsException {
        return target.of(null);
    }

    @Override
    public String readlink(FsProcess reader) throws FsException {
        return target.of(reader);
    }
}
