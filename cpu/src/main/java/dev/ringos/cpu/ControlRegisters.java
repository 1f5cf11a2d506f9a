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
    /**
     * Process-context identifiers: CR3's low 12 bits name the address space, and the TLB keeps
     * each one's translations across CR3 loads (x86's PCIDs; ringos's CR3 is 32 bits, so a load
     * never flushes the new PCID — the kernel flushes one with {@code Cpu.invalidateAddressSpace}).
     */
    public static final int CR4_PCIDE = 1 << 17;
    public static final int CR4_VALID = CR4_TSD | CR4_SVE | CR4_PCIDE;
    /** How many PCIDs' translations the TLB holds at once; loading another flushes the least recent. */
    public static final int PCIDS_CACHED = 16;

    private ControlRegisters() {
    }
}
