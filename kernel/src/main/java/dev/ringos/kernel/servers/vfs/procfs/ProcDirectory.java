package dev.ringos.kernel.servers.vfs.procfs;

import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.Modes;
import dev.ringos.kernel.syscall.Errno;

/**
 * A procfs directory: its entries come and go with the processes, never by a name call. As on
 * Linux, creating a file here fails with EACCES and every other change of names with EPERM.
 */
abstract class ProcDirectory extends ProcNode {
    ProcDirectory(ProcFs fs, long ino, int permissions, Inode parent, PidDirectory process) {
        super(fs, ino, Modes.S_IFDIR | permissions, parent, process);
        nlink = 2;
    }

    @Override
    public Inode create(String name, int mode, int uid, int gid, int rdev) throws FsException {
        throw FsException.of(Errno.EACCES);
    }

    @Override
    public Inode mkdir(String name, int mode, int uid, int gid) throws FsException {
        throw FsException.of(Errno.EPERM);
    }

    @Override
    public Inode symlink(String name, String target, int uid, int gid) throws FsException {
        throw FsException.of(Errno.EPERM);
    }

    @Override
    public void link(String name, Inode target) throws FsException {
        throw FsException.of(Errno.EPERM);
    }

    @Override
    public void unlink(String name) throws FsException {
        throw FsException.of(Errno.EPERM);
    }

    @Override
    public void rmdir(String name) throws FsException {
        throw FsException.of(Errno.EPERM);
    }

    @Override
    public void rename(String from, Inode target, String to) throws FsException {
        throw FsException.of(Errno.EPERM);
    }

    /** A pid or descriptor number as a directory entry's name: digits, no leading zero; -1 otherwise. */
    static int number(String name) {
        int n = name.length();
        if (n == 0 || n > 9 || name.charAt(0) == '0' && n > 1) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
