package dev.ringos.kernel.core;

/** What the kernel did about a page fault; the last three mean the access was not allowed. */
public enum FaultResolution {
    DEMAND_ZERO("demand-zero page"),
    DEMAND_IMAGE("demand-paged from the image"),
    STACK_GROWTH("stack growth"),
    COPY_ON_WRITE("copy-on-write copy"),
    COPY_ON_WRITE_REUSE("copy-on-write, last sharer keeps the frame"),
    SPURIOUS("already mapped (stale TLB)"),
    UNMAPPED("no mapping: SIGSEGV"),
    FORBIDDEN("access not allowed: SIGSEGV"),
    OUT_OF_MEMORY("out of memory: SIGKILL");

    private final String text;

    FaultResolution(String text) {
        this.text = text;
    }

    public boolean resolved() {
        return ordinal() <= SPURIOUS.ordinal();
    }

    @Override
    public String toString() {
        return text;
    }
}
