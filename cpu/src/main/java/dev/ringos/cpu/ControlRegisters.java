package dev.ringos.cpu;

/** Bits of CR0 and CR4 that ringos implements; setting any other bit is #GP(0). */
public final class ControlRegisters {
    /** Protected mode: always on (ringos has no real mode). */
    public static final int CR0_PE = 1;
    /** Write protect: supervisor writes honour read-only pages. */
    public static final int CR0_WP = 1 << 16;
    /** Paging. */
    public static final int CR0_PG = 1 << 31;
    public static final int CR0_VALID = CR0_PE | CR0_WP | CR0_PG;

    /** Time stamp disable: rdtsc is #GP outside ring 0. */
    public static final int CR4_TSD = 1 << 2;
    /**
     * Strict virtualization (ringos; the bit of x86's VMXE): every sensitive instruction traps
     * outside ring 0, which closes x86's Popek–Goldberg holes the way hardware virtualization does.
     */
    public static final int CR4_SVE = 1 << 13;
    public static final int CR4_VALID = CR4_TSD | CR4_SVE;

    private ControlRegisters() {
    }
}
