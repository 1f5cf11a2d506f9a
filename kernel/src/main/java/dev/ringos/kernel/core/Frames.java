package dev.ringos.kernel.core;

import dev.ringos.cpu.PhysicalMemory;

/**
 * Physical page frames above the kernel's reserved megabyte, with reference counts: a frame
 * shared copy-on-write by n address spaces has count n and returns to the free list when the
 * last one lets go. The free list is a stack, so allocation order is deterministic.
 */
public final class Frames {
    private final PhysicalMemory memory;
    private final int[] refs;
    private final int[] free;
    private int freeCount;
    private final int managed;

    Frames(PhysicalMemory memory) {
        this.memory = memory;
        int total = memory.frames();
        int first = Layout.RESERVED / Layout.PAGE;
        refs = new int[total];
        free = new int[total];
        for (int frame = total - 1; frame >= first; frame--) {
            free[freeCount++] = frame;
        }
        managed = freeCount;
    }

    /** A zeroed frame's physical address with count 1, or -1 when memory is exhausted. */
    int allocate() {
        if (freeCount == 0) {
            return -1;
        }
        int frame = free[--freeCount];
        refs[frame] = 1;
        int pa = frame * Layout.PAGE;
        memory.fill(pa, Layout.PAGE, 0);
        return pa;
    }

    void share(int pa) {
        refs[pa >>> 12]++;
    }

    void release(int pa) {
        int frame = pa >>> 12;
        if (refs[frame] <= 0) {
            throw new IllegalStateException(String.format("frame %#x released more often than taken", pa));
        }
        if (--refs[frame] == 0) {
            free[freeCount++] = frame;
        }
    }

    public int refCount(int pa) {
        return refs[pa >>> 12];
    }

    public int free() {
        return freeCount;
    }

    public int total() {
        return managed;
    }
}
