package dev.ringos.cpu;

import java.util.List;

/** General register numbers, in x86 encoding order. */
public final class Registers {
    public static final int EAX = 0, ECX = 1, EDX = 2, EBX = 3, ESP = 4, EBP = 5, ESI = 6, EDI = 7;
    public static final List<String> NAMES32 = List.of("eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi");
    public static final List<String> NAMES16 = List.of("ax", "cx", "dx", "bx", "sp", "bp", "si", "di");
    /** Byte registers 0–3 are the low bytes of eax…ebx, 4–7 their second bytes. */
    public static final List<String> NAMES8 = List.of("al", "cl", "dl", "bl", "ah", "ch", "dh", "bh");

    private Registers() {
    }

    /** The code selector the CPU reports for a ring: 8·(ring+1) + ring; its low two bits are the ring. */
    public static int codeSelector(int ring) {
        return 8 * (ring + 1) + ring;
    }
}
