package dev.ringos.cpu;

/** Model-specific registers (rdmsr/wrmsr, ring 0). An unknown number is #GP(0). */
public final class Msr {
    /** The cycle counter rdtsc reads. */
    public static final int TSC = 0x10;
    /** Extended features; bit 0 (SCE) enables syscall/sysret. */
    public static final int EFER = 0xC000_0080;
    public static final int EFER_SCE = 1;
    /** Where syscall jumps (ring 0). */
    public static final int LSTAR = 0xC000_0082;
    /** EFLAGS bits syscall clears. */
    public static final int FMASK = 0xC000_0084;
    /** ringos: the ring-0 stack syscall loads. */
    public static final int SYSCALL_ESP = 0xC000_0100;
    /** ringos: where syscall saved the caller's EIP, EFLAGS and ESP for sysret. */
    public static final int SYSRET_EIP = 0xC000_0101;
    public static final int SYSRET_EFLAGS = 0xC000_0102;
    public static final int SYSRET_ESP = 0xC000_0103;
    /** ringos: when non-zero, syscall enters this host gate instead of jumping to LSTAR. */
    public static final int SYSCALL_HOST_GATE = 0xC000_0110;

    private Msr() {
    }
}
