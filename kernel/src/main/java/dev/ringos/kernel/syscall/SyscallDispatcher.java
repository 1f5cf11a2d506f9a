package dev.ringos.kernel.syscall;

import dev.ringos.kernel.core.SyscallHandler;
import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.UserFault;

/**
 * The one dispatcher both entry paths reach: look the number up in the table, run the handler,
 * turn a bad user pointer into EFAULT and an unknown number into ENOSYS, and trace the call
 * when its thread is traced.
 */
public final class SyscallDispatcher implements SyscallHandler {
    private final SyscallTable table;
    private final Strace strace;
    private final Args args = new Args();

    public SyscallDispatcher(SyscallTable table, Strace strace) {
        this.table = table;
        this.strace = strace;
    }

    @Override
    public int syscall(Task caller, int number, int ebx, int ecx, int edx, int esi, int edi, int ebp) {
        args.set(ebx, ecx, edx, esi, edi, ebp);
        Syscall call = table.get(number);
        if (caller.traced()) {
            return traced(caller, number, call);
        }
        return call == null ? Errno.ENOSYS.negated() : invoke(caller, call);
    }

    private int invoke(Task caller, Syscall call) {
        try {
            return call.handler().call(caller, args);
        } catch (UserFault e) {
            return Errno.EFAULT.negated();
        }
    }

    private int traced(Task caller, int number, Syscall call) {
        String[] shown = strace.before(caller, call, args);
        if (call == null) {
            strace.after(caller, number, null, args, shown, Errno.ENOSYS.negated(), false);
            return Errno.ENOSYS.negated();
        }
        if (table.noReturn(number)) {
            // exit's line comes first: what the exit causes (+++ exited with N +++) follows it.
            strace.after(caller, number, call, args, shown, 0, true);
            return invoke(caller, call);
        }
        int result = invoke(caller, call);
        if (result == PARKED) {
            // The line is written when the call completes (after its restart).
            return result;
        }
        strace.after(caller, number, call, args, shown, result == KEEP_REGISTERS ? 0 : result, false);
        return result;
    }
}
