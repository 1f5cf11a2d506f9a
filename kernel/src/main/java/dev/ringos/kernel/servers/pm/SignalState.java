package dev.ringos.kernel.servers.pm;

import dev.ringos.kernel.core.Signal;

/**
 * A process's signal dispositions (sigaction), blocked mask and pending set. Masks are 64-bit:
 * bit n-1 for signal n. Handlers are inherited by fork and reset to default by execve.
 */
final class SignalState {
    static final int SIG_DFL = 0, SIG_IGN = 1;
    static final int SA_NOCLDSTOP = 1, SA_NOCLDWAIT = 2, SA_SIGINFO = 4, SA_RESTORER = 0x0400_0000,
            SA_ONSTACK = 0x0800_0000, SA_RESTART = 0x1000_0000, SA_NODEFER = 0x4000_0000,
            SA_RESETHAND = 0x8000_0000;
    static final long UNBLOCKABLE = Signal.mask(Signal.SIGKILL) | Signal.mask(Signal.SIGSTOP);

    final int[] handler = new int[Signal.NSIG];
    final int[] flags = new int[Signal.NSIG];
    final int[] restorer = new int[Signal.NSIG];
    final long[] mask = new long[Signal.NSIG];
    long blocked;
    long pending;
    /** siginfo of pending faults: code, address, trap number, error code. */
    final int[] code = new int[Signal.NSIG];
    final int[] address = new int[Signal.NSIG];
    final int[] trap = new int[Signal.NSIG];
    final int[] errorCode = new int[Signal.NSIG];
    final int[] sender = new int[Signal.NSIG];

    SignalState copy() {
        SignalState c = new SignalState();
        System.arraycopy(handler, 0, c.handler, 0, handler.length);
        System.arraycopy(flags, 0, c.flags, 0, flags.length);
        System.arraycopy(restorer, 0, c.restorer, 0, restorer.length);
        System.arraycopy(mask, 0, c.mask, 0, mask.length);
        c.blocked = blocked;
        return c;
    }

    /** execve: handled signals go back to default; ignored stay ignored; mask and pending are kept. */
    void resetHandlersForExec() {
        for (int sig = 1; sig < Signal.NSIG; sig++) {
            if (handler[sig] != SIG_IGN) {
                handler[sig] = SIG_DFL;
            }
            flags[sig] = 0;
            restorer[sig] = 0;
            mask[sig] = 0;
        }
    }

    boolean ignored(int sig) {
        return handler[sig] == SIG_IGN
                || handler[sig] == SIG_DFL && Signal.defaultAction(sig) == Signal.Action.IGNORE;
    }

    /** The lowest pending signal not blocked, or 0. */
    int nextDeliverable() {
        long ready = pending & ~blocked;
        return ready == 0 ? 0 : Long.numberOfTrailingZeros(ready) + 1;
    }
}
