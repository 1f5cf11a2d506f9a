package dev.ringos.kernel.syscall;

import static dev.ringos.kernel.syscall.Arg.*;

import dev.ringos.kernel.servers.vfs.DescriptorCalls;
import dev.ringos.kernel.servers.vfs.FileServer;
import dev.ringos.kernel.servers.vfs.PathCalls;
import dev.ringos.kernel.servers.vfs.ReadWrite;
import java.util.List;

/** The VFS's rows of the syscall table: descriptors, paths, attributes, mounts (Linux i386 numbers). */
public final class FileSyscalls {
    private FileSyscalls() {
    }

    public static void register(SyscallTable table, FileServer files) {
        PathCalls paths = new PathCalls(files);
        descriptors(table, new ReadWrite(files), new DescriptorCalls(files));
        names(table, paths);
        attributes(table, paths);
    }

    private static void descriptors(SyscallTable table, ReadWrite io, DescriptorCalls fds) {
        table.full(3, "read", List.of(INT, BUFFER_OUT, UINT), (t, a) -> io.read(t, a.a0(), a.a1(), a.a2()));
        table.full(4, "write", List.of(INT, BUFFER_IN, UINT), (t, a) -> io.write(t, a.a0(), a.a1(), a.a2()));
        table.full(145, "readv", List.of(INT, POINTER, INT), (t, a) -> io.vectored(t, a.a0(), a.a1(), a.a2(), false));
        table.full(146, "writev", List.of(INT, POINTER, INT), (t, a) -> io.vectored(t, a.a0(), a.a1(), a.a2(), true));
        table.full(6, "close", List.of(INT), (t, a) -> fds.close(t, a.a0()));
        table.full(41, "dup", List.of(INT), (t, a) -> fds.dup(t, a.a0()));
        table.full(63, "dup2", List.of(INT, INT), (t, a) -> fds.dup2(t, a.a0(), a.a1()));
        table.full(330, "dup3", List.of(INT, INT, OPEN_FLAGS), (t, a) -> fds.dup3(t, a.a0(), a.a1(), a.a2()));
        table.partial(55, "fcntl", "F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL, F_SETFL; no locks",
                List.of(INT, INT, HEX), (t, a) -> fds.fcntl(t, a.a0(), a.a1(), a.a2()));
        table.partial(221, "fcntl64", "as fcntl", List.of(INT, INT, HEX), (t, a) -> fds.fcntl(t, a.a0(), a.a1(), a.a2()));
        table.full(19, "lseek", List.of(INT, INT, INT), (t, a) -> fds.lseek(t, a.a0(), a.a1(), a.a2()));
        table.full(140, "_llseek", List.of(INT, INT, UINT, POINTER, INT),
                (t, a) -> fds.llseek(t, a.a0(), a.a1(), a.a2(), a.a3(), a.a4()));
        table.partial(54, "ioctl", "terminal requests on a tty, FIONREAD on a pipe; ENOTTY elsewhere", List.of(INT, HEX, HEX),
                (t, a) -> fds.ioctl(t, a.a0(), a.a1(), a.a2()));
        table.full(197, "fstat64", List.of(INT, POINTER), (t, a) -> fds.fstat(t, a.a0(), a.a1()));
        table.full(220, "getdents64", List.of(INT, POINTER, UINT), (t, a) -> fds.getdents64(t, a.a0(), a.a1(), a.a2()));
        table.full(133, "fchdir", List.of(INT), (t, a) -> fds.fchdir(t, a.a0()));
        table.full(93, "ftruncate", List.of(INT, INT), (t, a) -> fds.ftruncate(t, a.a0(), a.a1()));
    }

    private static void names(SyscallTable table, PathCalls paths) {
        table.full(5, "open", List.of(PATH, OPEN_FLAGS, OPEN_MODE), (t, a) -> paths.open(t, a.a0(), a.a1(), a.a2()));
        table.full(295, "openat", List.of(DIRFD, PATH, OPEN_FLAGS, OPEN_MODE),
                (t, a) -> paths.openat(t, a.a0(), a.a1(), a.a2(), a.a3()));
        table.full(8, "creat", List.of(PATH, MODE), (t, a) -> paths.creat(t, a.a0(), a.a1()));
        table.full(39, "mkdir", List.of(PATH, MODE), (t, a) -> paths.mkdir(t, a.a0(), a.a1()));
        table.full(40, "rmdir", List.of(PATH), (t, a) -> paths.rmdir(t, a.a0()));
        table.full(10, "unlink", List.of(PATH), (t, a) -> paths.unlink(t, a.a0()));
        table.full(38, "rename", List.of(PATH, PATH), (t, a) -> paths.rename(t, a.a0(), a.a1()));
        table.full(9, "link", List.of(PATH, PATH), (t, a) -> paths.link(t, a.a0(), a.a1()));
        table.full(83, "symlink", List.of(PATH, PATH), (t, a) -> paths.symlink(t, a.a0(), a.a1()));
        table.full(85, "readlink", List.of(PATH, BUFFER_OUT, UINT), (t, a) -> paths.readlink(t, a.a0(), a.a1(), a.a2()));
        table.full(14, "mknod", List.of(PATH, MODE, HEX), (t, a) -> paths.mknod(t, a.a0(), a.a1(), a.a2()));
        table.full(12, "chdir", List.of(PATH), (t, a) -> paths.chdir(t, a.a0()));
        table.full(183, "getcwd", List.of(BUFFER_OUT, UINT), (t, a) -> paths.getcwd(t, a.a0(), a.a1()));
        table.partial(21, "mount", "ramfs, devtmpfs, proc, hostfs; flags: MS_RDONLY only",
                List.of(PATH, PATH, PATH, HEX, POINTER), (t, a) -> paths.mount(t, a.a0(), a.a1(), a.a2(), a.a3(), a.a4()));
        table.full(22, "umount", List.of(PATH), (t, a) -> paths.umount(t, a.a0(), 0));
        table.partial(52, "umount2", "no lazy or forced unmount: the flags are accepted and do nothing",
                List.of(PATH, HEX), (t, a) -> paths.umount(t, a.a0(), a.a1()));
    }

    private static void attributes(SyscallTable table, PathCalls paths) {
        table.full(195, "stat64", List.of(PATH, POINTER), (t, a) -> paths.stat(t, a.a0(), a.a1(), true));
        table.full(196, "lstat64", List.of(PATH, POINTER), (t, a) -> paths.stat(t, a.a0(), a.a1(), false));
        table.full(33, "access", List.of(PATH, INT), (t, a) -> paths.access(t, a.a0(), a.a1()));
        table.full(15, "chmod", List.of(PATH, MODE), (t, a) -> paths.chmod(t, a.a0(), a.a1()));
        table.full(94, "fchmod", List.of(INT, MODE), (t, a) -> paths.fchmod(t, a.a0(), a.a1()));
        table.full(182, "chown", List.of(PATH, INT, INT),
                (t, a) -> paths.chown(t, a.a0(), id16(a.a1()), id16(a.a2()), true));
        table.full(16, "lchown", List.of(PATH, INT, INT),
                (t, a) -> paths.chown(t, a.a0(), id16(a.a1()), id16(a.a2()), false));
        table.full(95, "fchown", List.of(INT, INT, INT), (t, a) -> paths.fchown(t, a.a0(), id16(a.a1()), id16(a.a2())));
        table.full(212, "chown32", List.of(PATH, INT, INT), (t, a) -> paths.chown(t, a.a0(), a.a1(), a.a2(), true));
        table.full(198, "lchown32", List.of(PATH, INT, INT), (t, a) -> paths.chown(t, a.a0(), a.a1(), a.a2(), false));
        table.full(207, "fchown32", List.of(INT, INT, INT), (t, a) -> paths.fchown(t, a.a0(), a.a1(), a.a2()));
        table.full(60, "umask", List.of(MODE), (t, a) -> paths.umask(t, a.a0()));
        table.full(92, "truncate", List.of(PATH, INT), (t, a) -> paths.truncate(t, a.a0(), a.a1()));
    }

    /** The 16-bit uid calls: 0xFFFF means "keep", as -1 does for the 32-bit ones. */
    private static int id16(int id) {
        return (id & 0xFFFF) == 0xFFFF ? -1 : id & 0xFFFF;
    }
}
