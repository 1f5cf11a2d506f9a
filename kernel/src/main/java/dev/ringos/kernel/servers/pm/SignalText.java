package dev.ringos.kernel.servers.pm;

import dev.ringos.kernel.core.Signal;
import dev.ringos.kernel.core.SignalCodes;

/** siginfo as strace shows a delivered signal: {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL}. */
final class SignalText {
    private SignalText() {
    }

    static String siginfo(int sig, int code, int address, int sender) {
        String name = Signal.name(sig);
        if (code == SignalCodes.SI_USER) {
            return "{si_signo=" + name + ", si_code=SI_USER, si_pid=" + sender + ", si_uid=0}";
        }
        if (code == SignalCodes.SI_KERNEL) {
            return "{si_signo=" + name + ", si_code=SI_KERNEL" + (sig == Signal.SIGSEGV ? ", si_addr=NULL}" : "}");
        }
        String codeName = switch (sig) {
            case Signal.SIGSEGV -> code == SignalCodes.SEGV_MAPERR ? "SEGV_MAPERR" : "SEGV_ACCERR";
            case Signal.SIGFPE -> "FPE_INTDIV";
            case Signal.SIGILL -> "ILL_ILLOPN";
            case Signal.SIGTRAP -> code == SignalCodes.TRAP_BRKPT ? "TRAP_BRKPT" : "TRAP_TRACE";
            case Signal.SIGBUS -> "BUS_ADRALN";
            default -> Integer.toString(code);
        };
        String at = address == 0 ? "NULL" : "0x" + Integer.toHexString(address);
        return "{si_signo=" + name + ", si_code=" + codeName + ", si_addr=" + at + "}";
    }
}
