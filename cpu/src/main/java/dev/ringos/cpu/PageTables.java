package dev.ringos.cpu;

/**
 * Page directory and page table entry bits (x86 positions) and page-fault error code bits.
 * Translation is x86's two-level 10/10/12 walk from CR3; rights are the AND of both levels
 * (no-execute: the OR).
 */
public final class PageTables {
    public static final int P = 1;
    public static final int RW = 1 << 1;
    public static final int US = 1 << 2;
    public static final int A = 1 << 5;
    public static final int D = 1 << 6;
    /** No-execute: ringos puts it in bit 9, the first of x86's three bits left to software. */
    public static final int NX = 1 << 9;
    public static final int FRAME = 0xFFFF_F000;

    /** #PF error code: the page was present (a protection violation). */
    public static final int ERR_PRESENT = 1;
    /** #PF error code: the access was a write. */
    public static final int ERR_WRITE = 1 << 1;
    /** #PF error code: the access was made at CPL 3. */
    public static final int ERR_USER = 1 << 2;
    /** #PF error code: the access was an instruction fetch. */
    public static final int ERR_FETCH = 1 << 4;

    private PageTables() {
    }
}
