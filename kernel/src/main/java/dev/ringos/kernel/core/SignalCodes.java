package dev.ringos.kernel.core;

/** siginfo's si_code values for the faults the core reports (Linux's asm-generic/siginfo.h). */
public final class SignalCodes {
    public static final int SI_USER = 0;
    public static final int SI_KERNEL = 0x80;
    public static final int SEGV_MAPERR = 1;
    public static final int SEGV_ACCERR = 2;
    public static final int FPE_INTDIV = 1;
    public static final int ILL_ILLOPN = 2;
    public static final int TRAP_BRKPT = 1;
    public static final int TRAP_TRACE = 2;
    public static final int BUS_ADRALN = 1;

    private SignalCodes() {
    }
}
