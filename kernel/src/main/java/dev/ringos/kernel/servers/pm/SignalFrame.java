package dev.ringos.kernel.servers.pm;

import static dev.ringos.kernel.core.UserRegisters.*;

import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.UserFault;

/**
 * The signal frames a handler finds on its stack, in Linux i386's layouts (arch/x86/ia32):
 *
 * <pre>
 * sigframe:    pretcode, sig, sigcontext, extramask, retcode[8]
 * rt_sigframe: pretcode, sig, pinfo, puc, siginfo[128], ucontext{flags, link, stack[12], sigcontext, sigmask[8]}, retcode[8]
 * sigcontext:  gs fs es ds edi esi ebp esp ebx edx ecx eax trapno err eip cs eflags esp_at_signal ss fpstate oldmask cr2
 * </pre>
 *
 * (Linux reserves room for x87 state after the sigcontext of a sigframe; ringos has no FPU and
 * leaves it out, so extramask follows the sigcontext directly.) The frame is placed so that
 * ESP + 4 is 16-byte aligned when the handler starts, as the i386 ABI expects.
 */
final class SignalFrame {
    static final int SIGCONTEXT_SIZE = 88;
    static final int SIGFRAME_SIZE = 4 + 4 + SIGCONTEXT_SIZE + 4 + 8;
    static final int SIGINFO_SIZE = 128;
    static final int UCONTEXT_SIZE = 4 + 4 + 12 + SIGCONTEXT_SIZE + 8;
    static final int RT_SIGFRAME_SIZE = 4 + 4 + 4 + 4 + SIGINFO_SIZE + UCONTEXT_SIZE + 8;
    /** Where the sigcontext sits in each frame, and in a ucontext. */
    static final int SIGFRAME_CONTEXT = 8;
    static final int RT_SIGINFO = 16;
    static final int RT_UCONTEXT = RT_SIGINFO + SIGINFO_SIZE;
    static final int UC_MCONTEXT = 20;
    static final int UC_SIGMASK = UC_MCONTEXT + SIGCONTEXT_SIZE;
    /** User-settable flags a sigreturn may restore (Linux's FIX_EFLAGS, less what ringos lacks). */
    static final int FIX_EFLAGS = 0x0000_0DD5 | 0x0004_0000 | 0x0001_0000;
    private static final int[] SAVED = {EDI, ESI, EBP, ESP, EBX, EDX, ECX, EAX};
    private static final int USER_CS = 0x23;
    private static final int USER_DS = 0x2B;

    private final KernelCalls calls;

    SignalFrame(KernelCalls calls) {
        this.calls = calls;
    }

    /** Builds a frame below ESP and points the thread at the handler; false if the stack is unusable. */
    boolean setUp(Task task, int sig, int handler, int restorer, boolean rt, long oldMask, int code, int address,
            int trap, int error, int sender) {
        try {
            int esp = calls.register(task, ESP);
            int size = rt ? RT_SIGFRAME_SIZE : SIGFRAME_SIZE;
            int frame = ((esp - size) & ~15) - 4;
            calls.memory().check(task, frame, size, true);
            int context;
            calls.memory().writeInt(task, frame, restorer);
            calls.memory().writeInt(task, frame + 4, sig);
            if (rt) {
                int info = frame + RT_SIGINFO;
                int uc = frame + RT_UCONTEXT;
                calls.memory().writeInt(task, frame + 8, info);
                calls.memory().writeInt(task, frame + 12, uc);
                calls.memory().write(task, info, new byte[SIGINFO_SIZE + UCONTEXT_SIZE], 0,
                        SIGINFO_SIZE + UCONTEXT_SIZE);
                calls.memory().writeInt(task, info, sig);
                calls.memory().writeInt(task, info + 8, code);
                // si_addr for faults; si_pid for a signal sent by kill.
                calls.memory().writeInt(task, info + 12, code > 0 ? address : sender);
                calls.memory().writeInt(task, uc + 8, 0);
                calls.memory().writeInt(task, uc + 12, 2); // uc_stack.ss_flags = SS_DISABLE
                context = uc + UC_MCONTEXT;
                calls.memory().writeInt(task, uc + UC_SIGMASK, (int) oldMask);
                calls.memory().writeInt(task, uc + UC_SIGMASK + 4, (int) (oldMask >>> 32));
            } else {
                context = frame + SIGFRAME_CONTEXT;
                calls.memory().writeInt(task, context + SIGCONTEXT_SIZE, (int) (oldMask >>> 32));
            }
            writeContext(task, context, trap, error, address, (int) oldMask);
            int retcode = frame + size - 8;
            calls.memory().write(task, retcode, rt ? RT_RETCODE : RETCODE, 0, 8);
            calls.setRegister(task, ESP, frame);
            calls.setEip(task, handler);
            calls.setRegister(task, EAX, sig);
            calls.setRegister(task, EDX, rt ? frame + RT_SIGINFO : 0);
            calls.setRegister(task, ECX, rt ? frame + RT_UCONTEXT : 0);
            // The handler starts with DF and TF clear, as on Linux.
            calls.setEflags(task, calls.eflags(task) & ~(0x400 | 0x100));
            return true;
        } catch (UserFault e) {
            return false;
        }
    }

    // Old Linux's on-stack trampolines, kept in the frame for debuggers that look for them.
    private static final byte[] RETCODE = {0x58, (byte) 0xB8, 119, 0, 0, 0, (byte) 0xCD, (byte) 0x80};
    private static final byte[] RT_RETCODE = {(byte) 0xB8, (byte) 173, 0, 0, 0, (byte) 0xCD, (byte) 0x80, 0};

    private void writeContext(Task task, int at, int trap, int error, int cr2, int oldMask) throws UserFault {
        calls.memory().writeInt(task, at, USER_DS);
        calls.memory().writeInt(task, at + 4, USER_DS);
        calls.memory().writeInt(task, at + 8, USER_DS);
        calls.memory().writeInt(task, at + 12, USER_DS);
        for (int i = 0; i < SAVED.length; i++) {
            calls.memory().writeInt(task, at + 16 + 4 * i, calls.register(task, SAVED[i]));
        }
        calls.memory().writeInt(task, at + 48, trap);
        calls.memory().writeInt(task, at + 52, error);
        calls.memory().writeInt(task, at + 56, calls.eip(task));
        calls.memory().writeInt(task, at + 60, USER_CS);
        calls.memory().writeInt(task, at + 64, calls.eflags(task));
        calls.memory().writeInt(task, at + 68, calls.register(task, ESP));
        calls.memory().writeInt(task, at + 72, USER_DS);
        calls.memory().writeInt(task, at + 76, 0);
        calls.memory().writeInt(task, at + 80, oldMask);
        calls.memory().writeInt(task, at + 84, cr2);
    }

    /** Restores registers from the sigcontext at {@code at}; returns false if it cannot be read. */
    void restoreContext(Task task, int at) throws UserFault {
        int[] values = new int[SAVED.length];
        for (int i = 0; i < SAVED.length; i++) {
            values[i] = calls.memory().readInt(task, at + 16 + 4 * i);
        }
        int eip = calls.memory().readInt(task, at + 56);
        int eflags = calls.memory().readInt(task, at + 64);
        for (int i = 0; i < SAVED.length; i++) {
            calls.setRegister(task, SAVED[i], values[i]);
        }
        calls.setEip(task, eip);
        calls.setEflags(task, (calls.eflags(task) & ~FIX_EFLAGS) | (eflags & FIX_EFLAGS));
    }

    /** The mask saved in a sigframe: oldmask and extramask. */
    long savedMask(Task task, int frame) throws UserFault {
        int context = frame + SIGFRAME_CONTEXT;
        long low = Integer.toUnsignedLong(calls.memory().readInt(task, context + 80));
        long high = Integer.toUnsignedLong(calls.memory().readInt(task, context + SIGCONTEXT_SIZE));
        return low | high << 32;
    }

    long savedRtMask(Task task, int frame) throws UserFault {
        int uc = frame + RT_UCONTEXT;
        long low = Integer.toUnsignedLong(calls.memory().readInt(task, uc + UC_SIGMASK));
        long high = Integer.toUnsignedLong(calls.memory().readInt(task, uc + UC_SIGMASK + 4));
        return low | high << 32;
    }
}
