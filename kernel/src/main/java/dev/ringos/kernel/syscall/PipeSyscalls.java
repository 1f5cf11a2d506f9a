package dev.ringos.kernel.syscall;

import static dev.ringos.kernel.syscall.Arg.*;

import dev.ringos.kernel.servers.vfs.FileServer;
import dev.ringos.kernel.servers.vfs.pipe.Pipes;
import java.util.List;

/** The rows of the syscall table that make pipes (FIFOs are opened through open(2)). */
public final class PipeSyscalls {
    private PipeSyscalls() {
    }

    public static void register(SyscallTable table, FileServer files) {
        Pipes pipes = new Pipes(files);
        table.full(42, "pipe", List.of(FD_PAIR), (t, a) -> pipes.pipe2(t, a.a0(), 0));
        table.full(331, "pipe2", List.of(FD_PAIR, OPEN_FLAGS), (t, a) -> pipes.pipe2(t, a.a0(), a.a1()));
    }
}
