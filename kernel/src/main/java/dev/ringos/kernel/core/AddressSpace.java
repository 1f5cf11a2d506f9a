package dev.ringos.kernel.core;

import static dev.ringos.cpu.PageTables.*;

import dev.ringos.cpu.PhysicalMemory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One process's view of memory: a page directory whose user half is its own and whose kernel
 * half is shared, and the regions that say what may be mapped where. Pages are made on the
 * first fault ({@link #resolve}); fork shares every frame read-only and copies on the first
 * write.
 */
public final class AddressSpace {
    /** Bit 10 of a PTE, free for software: the frame is shared and must be copied before a write. */
    static final int COW = 1 << 10;
    private static final int USER_PDES = Layout.KERNEL_BASE >>> 22;

    private final PhysicalMemory memory;
    private final Frames frames;
    private final Tlb tlb;
    final int directory;
    /** The PCID the CPU tags its translations with (0: untagged, flushed on every switch to it). */
    int pcid;
    private final List<Region> regions = new ArrayList<>();
    /** Lowest stack page mapped so far, to tell stack growth from other demand faults. */
    private int stackLow = Layout.STACK_TOP;
    private int heapStart;
    private int brk;

    /** Drops translations of an address space the CPU may have cached. */
    interface Tlb {
        void invalidate(AddressSpace space, int va);

        void flush(AddressSpace space);

        /** The space is gone: its translations and its PCID go too. */
        void destroyed(AddressSpace space);
    }

    private AddressSpace(PhysicalMemory memory, Frames frames, Tlb tlb, int directory) {
        this.memory = memory;
        this.frames = frames;
        this.tlb = tlb;
        this.directory = directory;
    }

    /** A new, empty address space with the kernel half mapped; null when out of memory. */
    static AddressSpace create(PhysicalMemory memory, Frames frames, Tlb tlb) {
        int directory = frames.allocate();
        if (directory < 0) {
            return null;
        }
        int kernelPdes = USER_PDES * 4;
        memory.copyWithin(Layout.KERNEL_DIRECTORY + kernelPdes, directory + kernelPdes, Layout.PAGE - kernelPdes);
        return new AddressSpace(memory, frames, tlb, directory);
    }

    // ---- regions ----

    /** Adds a region; it must not overlap another. */
    void add(Region region) {
        for (Region r : regions) {
            if (Integer.compareUnsigned(region.start, r.end) < 0 && Integer.compareUnsigned(r.start, region.end) < 0) {
                throw new IllegalArgumentException("region " + region + " overlaps " + r);
            }
        }
        regions.add(region);
        regions.sort((a, b) -> Integer.compareUnsigned(a.start, b.start));
        if (region.kind == Region.Kind.HEAP) {
            heapStart = region.start;
            brk = region.end;
        }
    }

    Region find(int va) {
        for (Region r : regions) {
            if (r.contains(va)) {
                return r;
            }
        }
        return null;
    }

    public List<Region> regions() {
        return Collections.unmodifiableList(regions);
    }

    /** The lowest stack page touched so far: the stack as maps shows it runs from here to the top. */
    public int stackLow() {
        return stackLow;
    }

    public int heapStart() {
        return heapStart;
    }

    public int brk() {
        return brk;
    }

    /**
     * Moves the program break, as brk(2): the heap region grows or shrinks to end there (pages
     * beyond it are freed). Returns false when the new break is below the heap's start or would
     * run into another region.
     */
    boolean setBrk(int newBrk) {
        Region heap = null;
        for (Region r : regions) {
            if (r.kind == Region.Kind.HEAP) {
                heap = r;
            }
        }
        if (heap == null || Integer.compareUnsigned(newBrk, heapStart) < 0) {
            return false;
        }
        int newEnd = Layout.pageUp(newBrk);
        if (newEnd == 0 && newBrk != 0 || Integer.compareUnsigned(newEnd, Layout.STACK_GUARD) > 0) {
            return false;
        }
        for (Region r : regions) {
            if (r != heap && Integer.compareUnsigned(r.start, heap.start) > 0
                    && Integer.compareUnsigned(newEnd, r.start) > 0) {
                return false;
            }
        }
        if (Integer.compareUnsigned(newEnd, heap.end) < 0) {
            unmap(newEnd, heap.end);
        }
        heap.end = newEnd;
        brk = newBrk;
        return true;
    }

    // ---- faults ----

    /**
     * Makes the access possible if the regions allow it: demand paging, stack growth or a
     * copy-on-write copy. {@code write}/{@code fetch} describe the access.
     */
    FaultResolution resolve(int va, boolean write, boolean fetch) {
        Region region = find(va);
        if (region == null) {
            return FaultResolution.UNMAPPED;
        }
        if (region.kind == Region.Kind.GUARD || write && (region.rights & Region.WRITE) == 0
                || fetch && (region.rights & Region.EXEC) == 0) {
            return FaultResolution.FORBIDDEN;
        }
        int page = va & FRAME;
        int entryAddress = entryAddress(page, true);
        if (entryAddress < 0) {
            return FaultResolution.OUT_OF_MEMORY;
        }
        int pte = memory.read32(entryAddress);
        if ((pte & P) == 0) {
            int frame = frames.allocate();
            if (frame < 0) {
                return FaultResolution.OUT_OF_MEMORY;
            }
            fill(region, page, frame);
            memory.write32(entryAddress, frame | pteFlags(region.rights));
            if (region.kind == Region.Kind.STACK && Integer.compareUnsigned(page, stackLow) < 0) {
                stackLow = page;
                return FaultResolution.STACK_GROWTH;
            }
            return region.kind == Region.Kind.IMAGE || region.kind == Region.Kind.VDSO
                    ? FaultResolution.DEMAND_IMAGE : FaultResolution.DEMAND_ZERO;
        }
        if (write && (pte & RW) == 0 && (pte & COW) != 0) {
            int frame = pte & FRAME;
            FaultResolution how;
            if (frames.refCount(frame) == 1) {
                how = FaultResolution.COPY_ON_WRITE_REUSE;
            } else {
                int copy = frames.allocate();
                if (copy < 0) {
                    return FaultResolution.OUT_OF_MEMORY;
                }
                memory.copyWithin(frame, copy, Layout.PAGE);
                frames.release(frame);
                frame = copy;
                how = FaultResolution.COPY_ON_WRITE;
            }
            memory.write32(entryAddress, frame | pteFlags(region.rights));
            tlb.invalidate(this, page);
            return how;
        }
        tlb.invalidate(this, page);
        return FaultResolution.SPURIOUS;
    }

    private void fill(Region region, int page, int frame) {
        if (region.image == null) {
            return;
        }
        long from = Math.max(Integer.toUnsignedLong(page), Integer.toUnsignedLong(region.imageAddress));
        long to = Math.min(Integer.toUnsignedLong(page) + Layout.PAGE,
                Integer.toUnsignedLong(region.imageAddress) + region.image.length);
        if (from < to) {
            memory.write(frame + (int) (from - Integer.toUnsignedLong(page)), region.image,
                    (int) (from - Integer.toUnsignedLong(region.imageAddress)), (int) (to - from));
        }
    }

    private static int pteFlags(int rights) {
        int flags = P | US | A;
        if ((rights & Region.WRITE) != 0) {
            flags |= RW | D;
        }
        if ((rights & Region.EXEC) == 0) {
            flags |= NX;
        }
        return flags;
    }

    /**
     * The physical address of the PTE for {@code va}, making its page table when {@code create};
     * -1 when there is none (or no frame for a new table).
     */
    private int entryAddress(int va, boolean create) {
        int pdeAddress = directory + (va >>> 22) * 4;
        int pde = memory.read32(pdeAddress);
        if ((pde & P) == 0) {
            if (!create) {
                return -1;
            }
            int table = frames.allocate();
            if (table < 0) {
                return -1;
            }
            pde = table | P | RW | US;
            memory.write32(pdeAddress, pde);
        }
        return (pde & FRAME) + ((va >>> 12) & 0x3FF) * 4;
    }

    /**
     * The physical address behind user address {@code va} if a ring-3 access of this kind would
     * succeed now, else -1 (the caller may then {@link #resolve} and ask again).
     */
    int translateUser(int va, boolean write) {
        int pde = memory.read32(directory + (va >>> 22) * 4);
        if ((pde & (P | US)) != (P | US)) {
            return -1;
        }
        int pte = memory.read32((pde & FRAME) + ((va >>> 12) & 0x3FF) * 4);
        if ((pte & (P | US)) != (P | US) || write && (pte & RW) == 0) {
            return -1;
        }
        return (pte & FRAME) | (va & 0xFFF);
    }

    /** The frame mapped at {@code va}, or -1 (for tests and /proc). */
    public int frameAt(int va) {
        int entry = entryAddress(va, false);
        if (entry < 0) {
            return -1;
        }
        int pte = memory.read32(entry);
        return (pte & P) == 0 ? -1 : pte & FRAME;
    }

    // ---- fork, unmap, destroy ----

    /** A copy-on-write copy: every present user page is shared, and writable ones lose RW on both sides. */
    AddressSpace fork() {
        AddressSpace child = create(memory, frames, tlb);
        if (child == null) {
            return null;
        }
        for (Region r : regions) {
            child.regions.add(r.copy());
        }
        child.stackLow = stackLow;
        child.heapStart = heapStart;
        child.brk = brk;
        for (int pdi = 0; pdi < USER_PDES; pdi++) {
            int pde = memory.read32(directory + pdi * 4);
            if ((pde & P) == 0) {
                continue;
            }
            int table = frames.allocate();
            if (table < 0) {
                child.destroy();
                return null;
            }
            memory.write32(child.directory + pdi * 4, table | (pde & 0xFFF));
            int parentTable = pde & FRAME;
            for (int i = 0; i < 1024; i++) {
                int pte = memory.read32(parentTable + i * 4);
                if ((pte & P) == 0) {
                    continue;
                }
                if ((pte & RW) != 0) {
                    pte = (pte & ~RW) | COW;
                    memory.write32(parentTable + i * 4, pte);
                }
                frames.share(pte & FRAME);
                memory.write32(table + i * 4, pte);
            }
        }
        tlb.flush(this);
        return child;
    }

    /** Frees the pages in [from, to). */
    private void unmap(int from, int to) {
        for (long va = Integer.toUnsignedLong(from); va < Integer.toUnsignedLong(to); va += Layout.PAGE) {
            int entry = entryAddress((int) va, false);
            if (entry < 0) {
                continue;
            }
            int pte = memory.read32(entry);
            if ((pte & P) != 0) {
                memory.write32(entry, 0);
                frames.release(pte & FRAME);
                tlb.invalidate(this, (int) va);
            }
        }
    }

    /** Returns every frame (pages, page tables, the directory) to the allocator. */
    void destroy() {
        for (int pdi = 0; pdi < USER_PDES; pdi++) {
            int pde = memory.read32(directory + pdi * 4);
            if ((pde & P) == 0) {
                continue;
            }
            int table = pde & FRAME;
            for (int i = 0; i < 1024; i++) {
                int pte = memory.read32(table + i * 4);
                if ((pte & P) != 0) {
                    frames.release(pte & FRAME);
                }
            }
            frames.release(table);
        }
        frames.release(directory);
        regions.clear();
        tlb.destroyed(this);
    }

    /** Pages currently mapped (resident set size, in pages). */
    public int residentPages() {
        int pages = 0;
        for (int pdi = 0; pdi < USER_PDES; pdi++) {
            int pde = memory.read32(directory + pdi * 4);
            if ((pde & P) != 0) {
                for (int i = 0; i < 1024; i++) {
                    pages += memory.read32((pde & FRAME) + i * 4) & P;
                }
            }
        }
        return pages;
    }
}
