package dev.ringos.cpu;

/**
 * IDT gate descriptors and the TSS fields trap delivery reads. Descriptors have x86's 8-byte
 * layout: offset 15..0 and selector in the low word, then P, DPL and type above offset 31..16.
 * The selector's low two bits name the ring the handler runs in.
 */
public final class Gates {
    /** x86's 32-bit interrupt gate (clears IF) and trap gate (keeps it). */
    public static final int INTERRUPT_GATE = 0xE, TRAP_GATE = 0xF;
    /** ringos: the same two for host gates, whose offset field is a host gate number (x86 uses 6 and 7 only for 16-bit gates). */
    public static final int HOST_INTERRUPT_GATE = 0x6, HOST_TRAP_GATE = 0x7;
    /** TSS offset of ESP0; ESP1 and ESP2 follow 8 bytes apart (x86's layout, each with its SS slot). */
    public static final int TSS_ESP0 = 4;
    public static final int DESCRIPTOR_SIZE = 8;

    private Gates() {
    }

    /** Writes a present gate for {@code vector} into the IDT at {@code idtBase} (physical). */
    public static void write(PhysicalMemory memory, int idtBase, int vector, int offset, int ring, int dpl, int type) {
        write(memory, idtBase, vector, offset, ring, dpl, type, true);
    }

    public static void write(PhysicalMemory memory, int idtBase, int vector, int offset, int ring, int dpl, int type,
                             boolean present) {
        int at = idtBase + vector * DESCRIPTOR_SIZE;
        memory.write32(at, Registers.codeSelector(ring) << 16 | (offset & 0xFFFF));
        memory.write32(at + 4, (offset & 0xFFFF_0000) | (present ? 0x8000 : 0) | (dpl & 3) << 13 | (type & 0x1F) << 8);
    }

    static boolean isHost(int type) {
        return type == HOST_INTERRUPT_GATE || type == HOST_TRAP_GATE;
    }

    static boolean isValid(int type) {
        return type == INTERRUPT_GATE || type == TRAP_GATE || isHost(type);
    }

    static boolean clearsIf(int type) {
        return type == INTERRUPT_GATE || type == HOST_INTERRUPT_GATE;
    }
}
