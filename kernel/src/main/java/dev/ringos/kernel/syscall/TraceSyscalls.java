package dev.ringos.kernel.syscall;

import static dev.ringos.kernel.syscall.Arg.INT;

import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.servers.vfs.FileServer;
import dev.ringos.kernel.servers.vfs.OpenFile;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * ringos's own tracing call, for the guest's strace: {@code strace_me(fd)} makes the kernel write
 * the caller's syscalls from now on, and those of the children it forks, to {@code fd} in
 * strace's format (a program then execs the command to trace, as strace's child does after
 * PTRACE_TRACEME); {@code strace_me(-1)} stops. The kernel keeps the file open while anyone
 * traced writes to it.
 */
public final class TraceSyscalls {
    public static final int STRACE_ME = SyscallTable.PRIVATE_BASE + 4;

    private TraceSyscalls() {
    }

    public static void register(SyscallTable table, KernelCalls calls, FileServer files) {
        table.add(new Syscall(STRACE_ME, "strace_me", Support.FULL,
                "ringos: trace the caller and its future children to fd (-1 stops)", List.of(INT),
                (t, a) -> straceMe(calls, files, t, a.a0())));
    }

    private static int straceMe(KernelCalls calls, FileServer files, Task caller, int fd) {
        if (fd == -1) {
            calls.setTracer(caller, null);
            return 0;
        }
        OpenFile out = files.holdForWriting(caller, fd);
        if (out == null) {
            return Errno.EBADF.negated();
        }
        calls.setTracer(caller, new StraceOutput(
                line -> files.writeFromKernel(out, (line + "\n").getBytes(StandardCharsets.ISO_8859_1)),
                () -> files.release(out)));
        return 0;
    }
}
