package dev.ringos.kernel.core;

/**
 * Where things are, physically and virtually. The kernel half (0xC0000000 up) maps the first
 * megabyte of physical memory — the kernel's own tables, stacks and idle loop — supervisor-only
 * into every address space; the user half below is each process's own.
 */
public final class Layout {
    public static final int PAGE = 4096;
    /** Start of the kernel half; user addresses are below it. */
    public static final int KERNEL_BASE = 0xC000_0000;
    /** The sigreturn trampolines, mapped read-only and executable into every process (Linux's vDSO). */
    public static final int VDSO = 0xBFFF_F000;
    /** The initial stack pointer's ceiling; the stack grows down from here. */
    public static final int STACK_TOP = VDSO;
    /** RLIMIT_STACK: how far the stack may grow (8 MiB, Linux's default); one guard page lies below. */
    public static final int STACK_LIMIT = 8 << 20;
    public static final int STACK_BOTTOM = STACK_TOP - STACK_LIMIT;
    public static final int STACK_GUARD = STACK_BOTTOM - PAGE;
    /** The lowest address a program may map: page 0 stays unmapped so NULL faults. */
    public static final int USER_MIN = PAGE;

    // Physical addresses in the reserved first megabyte (virtual = KERNEL_BASE + physical).
    static final int IDT = 0x1000;
    static final int TSS = 0x1800;
    static final int KERNEL_PAGE_TABLE = 0x2000;
    static final int KERNEL_DIRECTORY = 0x3000;
    static final int IDLE_CODE = 0x4000;
    static final int IDLE_STACK_TOP = 0x6000;
    static final int KERNEL_STACK_TOP = 0x10000;
    /** Frames below this belong to the kernel; the frame allocator hands out the rest. */
    static final int RESERVED = 0x10_0000;

    private Layout() {
    }

    /** {@code address} rounded up to a page boundary (wrapping to 0 past the top). */
    public static int pageUp(int address) {
        return (address + PAGE - 1) & -PAGE;
    }

    static int virt(int physical) {
        return KERNEL_BASE + physical;
    }
}
