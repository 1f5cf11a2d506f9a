package dev.ringos.kernel.syscall;

import static dev.ringos.kernel.syscall.Arg.*;

import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.core.Ports;
import java.util.List;

/**
 * ringos's own syscalls, above Linux's numbers: IPC ports (docs/ipc.md). Each handler only
 * passes its arguments to the core's port table, which does the work and answers with a result,
 * a negative errno, or PARKED.
 */
public final class IpcSyscalls {
    public static final int PORT_CREATE = SyscallTable.PRIVATE_BASE;
    public static final int IPC_CALL = SyscallTable.PRIVATE_BASE + 1;
    public static final int IPC_RECV = SyscallTable.PRIVATE_BASE + 2;
    public static final int IPC_REPLY = SyscallTable.PRIVATE_BASE + 3;

    private static final String NOTE = "ringos's own (docs/ipc.md)";

    private IpcSyscalls() {
    }

    /** Adds port_create, ipc_call, ipc_recv and ipc_reply to {@code table}. */
    public static void register(SyscallTable table, KernelCalls calls) {
        Ports ports = calls.ports();
        table.add(new Syscall(PORT_CREATE, "port_create", Support.FULL, NOTE, List.of(),
                (t, a) -> ports.create(t)));
        table.add(new Syscall(IPC_CALL, "ipc_call", Support.FULL, NOTE, List.of(INT, BUFFER_IN, UINT, POINTER, UINT),
                (t, a) -> ports.call(t, a.a0(), a.a1(), a.a2(), a.a3(), a.a4())));
        table.add(new Syscall(IPC_RECV, "ipc_recv", Support.FULL, NOTE, List.of(INT, BUFFER_OUT, UINT, POINTER),
                (t, a) -> ports.receive(t, a.a0(), a.a1(), a.a2(), a.a3())));
        table.add(new Syscall(IPC_REPLY, "ipc_reply", Support.FULL, NOTE, List.of(INT, BUFFER_IN, UINT),
                (t, a) -> ports.reply(t, a.a0(), a.a1(), a.a2())));
    }
}
