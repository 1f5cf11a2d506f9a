package dev.ringos.cpu;

import static dev.ringos.cpu.PageTables.*;

import java.util.Arrays;

/**
 * Virtual memory: the page walk, its permission checks and page faults, and a software TLB.
 *
 * <p>The TLB is direct-mapped, separate for reads, writes and fetches, and kept twice: once for
 * user accesses (CPL 3) and once for supervisor accesses, so a ring change swaps sets instead of
 * flushing. An entry is one long: the page's tag above {@code physical - virtual}, so a lookup is one
 * load. A write entry exists only
 * once the walk has set D, and never for a frame holding decoded instructions — writes there take
 * the slow path, which drops the decodings — so the fast path needs no bookkeeping. Like a real
 * TLB it is not coherent with the page tables: a changed PTE takes effect after invlpg or a CR3
 * load. Tags carry an epoch, so flushing everything is one increment.
 *
 * <p>With CR4.PCIDE the TLB keeps a context per process-context identifier (CR3's low 12 bits),
 * as x86's PCIDs do: a CR3 load switches to the new PCID's context without flushing it, so a
 * process that runs again finds its translations still there. Up to {@link #CONTEXTS} PCIDs are
 * cached; the least recently loaded one is flushed to make room.
 */
final class Mmu {
    static final int READ = 0, WRITE = 1, FETCH = 2;
    private static final int ENTRIES = 1024;
    private static final int MASK = ENTRIES - 1;
    private static final int EPOCH_SHIFT = 20;
    private static final int MAX_EPOCH = (1 << (32 - EPOCH_SHIFT)) - 1;

    private final Cpu cpu;
    private final PhysicalMemory memory;
    private final byte[] ram;
    static final int CONTEXTS = ControlRegisters.PCIDS_CACHED;
    /** Context 0 serves PCID 0 and every CR3 while PCIDE is off; the others are made on first use. */
    private final Context[] contexts = new Context[CONTEXTS];
    private Context active;
    private long loads;

    // The active set's arrays, copied out of it so the fast path is one load away.
    private long[] readTlb, writeTlb, fetchTlb;
    private boolean user;
    /** Bits 20–31 of every valid tag; tag 0 is never valid since the epoch starts at 1. */
    private int epoch = 1 << EPOCH_SHIFT;

    long hits;
    long misses;

    /** The TLB sets of one PCID, with its epoch while it is not the active one. */
    private static final class Context {
        final Tlb user = new Tlb();
        final Tlb supervisor = new Tlb();
        int epoch = 1 << EPOCH_SHIFT;
        int pcid;
        long lastLoad;
    }

    private static final class Tlb {
        final long[] read = new long[ENTRIES];
        final long[] write = new long[ENTRIES];
        final long[] fetch = new long[ENTRIES];

        void clear() {
            Arrays.fill(read, 0);
            Arrays.fill(write, 0);
            Arrays.fill(fetch, 0);
        }

        void drop(int index, int tag) {
            for (long[] entries : new long[][] {read, write, fetch}) {
                if (tag(entries[index]) == tag) {
                    entries[index] = 0;
                }
            }
        }
    }

    Mmu(Cpu cpu, PhysicalMemory memory) {
        this.cpu = cpu;
        this.memory = memory;
        this.ram = memory.bytes;
        contexts[0] = new Context();
        active = contexts[0];
        select(active.supervisor);
    }

    /** Called on every CPL change: CPL 3 makes user accesses, CPL 0–2 supervisor ones. */
    void setUser(boolean user) {
        if (this.user != user) {
            this.user = user;
            select(user ? active.user : active.supervisor);
        }
    }

    boolean isUser() {
        return user;
    }

    private void select(Tlb t) {
        readTlb = t.read;
        writeTlb = t.write;
        fetchTlb = t.fetch;
    }

    /** CR3 load without PCIDE: forget the active context's translations. */
    void flush() {
        epoch = nextEpoch(active, epoch);
    }

    /** CR0 change, PCIDE turned on or off: forget every translation of every context. */
    void flushAll() {
        active.epoch = epoch;
        for (Context c : contexts) {
            if (c != null) {
                c.epoch = nextEpoch(c, c.epoch);
            }
        }
        epoch = active.epoch;
    }

    private static int nextEpoch(Context c, int epoch) {
        if (epoch == MAX_EPOCH << EPOCH_SHIFT) {
            c.user.clear();
            c.supervisor.clear();
            epoch = 0;
        }
        return epoch + (1 << EPOCH_SHIFT);
    }

    /** CR3 load with PCIDE: make {@code pcid}'s context the active one, keeping what it holds. */
    void switchContext(int pcid) {
        active.epoch = epoch;
        Context next = null;
        Context victim = null;
        for (int i = 0; i < CONTEXTS && next == null; i++) {
            Context c = contexts[i];
            if (c == null) {
                next = contexts[i] = new Context();
                next.pcid = pcid;
            } else if (c.pcid == pcid) {
                next = c;
            } else if (victim == null || c.lastLoad < victim.lastLoad) {
                victim = c;
            }
        }
        if (next == null) {
            next = victim;
            next.epoch = nextEpoch(next, next.epoch);
            next.pcid = pcid;
        }
        next.lastLoad = ++loads;
        active = next;
        epoch = next.epoch;
        select(user ? active.user : active.supervisor);
    }

    /** INVPCID's single-context type: forgets every translation tagged with {@code pcid}. */
    void invalidateContext(int pcid) {
        active.epoch = epoch;
        for (Context c : contexts) {
            if (c != null && c.pcid == pcid) {
                c.epoch = nextEpoch(c, c.epoch);
            }
        }
        epoch = active.epoch;
    }

    /** Forgets every write entry that maps to {@code frame}: instructions are about to be decoded from it. */
    void forgetWritable(int frame) {
        for (Context c : contexts) {
            if (c != null) {
                forgetWritable(c.user, frame);
                forgetWritable(c.supervisor, frame);
            }
        }
    }

    private static void forgetWritable(Tlb t, int frame) {
        for (int i = 0; i < ENTRIES; i++) {
            long e = t.write[i];
            int vpn = tag(e) & ((1 << EPOCH_SHIFT) - 1);
            if (e != 0 && ((vpn << 12) + (int) e) >>> 12 == frame) {
                t.write[i] = 0;
            }
        }
    }

    /** invlpg: drops the page from every context (x86 guarantees only the current PCID; more is never wrong). */
    void invalidatePage(int va) {
        active.epoch = epoch;
        int vpn = va >>> 12;
        for (Context c : contexts) {
            if (c != null) {
                c.user.drop(vpn & MASK, vpn | c.epoch);
                c.supervisor.drop(vpn & MASK, vpn | c.epoch);
            }
        }
    }

    private static long entry(int tag, int delta) {
        return (long) tag << 32 | (delta & 0xFFFF_FFFFL);
    }

    private static int tag(long entry) {
        return (int) (entry >>> 32);
    }

    // ---- the fast paths: one tag compare, then the byte array ----

    int read8(int va) {
        int vpn = va >>> 12;
        int i = vpn & MASK;
        long e = readTlb[i];
        if (tag(e) == (vpn | epoch)) {
            hits++;
            return ram[va + (int) e] & 0xFF;
        }
        return slowRead(va, 1);
    }

    int read16(int va) {
        int vpn = va >>> 12;
        int i = vpn & MASK;
        long e = readTlb[i];
        if (tag(e) == (vpn | epoch) && (va & 0xFFF) <= 0xFFE) {
            hits++;
            return (short) PhysicalMemory.SHORT_LE.get(ram, va + (int) e) & 0xFFFF;
        }
        return slowRead(va, 2);
    }

    int read32(int va) {
        int vpn = va >>> 12;
        int i = vpn & MASK;
        long e = readTlb[i];
        if (tag(e) == (vpn | epoch) && (va & 0xFFF) <= 0xFFC) {
            hits++;
            return (int) PhysicalMemory.INT_LE.get(ram, va + (int) e);
        }
        return slowRead(va, 4);
    }

    void write8(int va, int value) {
        int vpn = va >>> 12;
        int i = vpn & MASK;
        long e = writeTlb[i];
        if (tag(e) == (vpn | epoch)) {
            hits++;
            ram[va + (int) e] = (byte) value;
            return;
        }
        slowWrite(va, value, 1);
    }

    void write16(int va, int value) {
        int vpn = va >>> 12;
        int i = vpn & MASK;
        long e = writeTlb[i];
        if (tag(e) == (vpn | epoch) && (va & 0xFFF) <= 0xFFE) {
            hits++;
            PhysicalMemory.SHORT_LE.set(ram, va + (int) e, (short) value);
            return;
        }
        slowWrite(va, value, 2);
    }

    void write32(int va, int value) {
        int vpn = va >>> 12;
        int i = vpn & MASK;
        long e = writeTlb[i];
        if (tag(e) == (vpn | epoch) && (va & 0xFFF) <= 0xFFC) {
            hits++;
            PhysicalMemory.INT_LE.set(ram, va + (int) e, value);
            return;
        }
        slowWrite(va, value, 4);
    }

    /** The physical address of an instruction fetch at {@code va}, checked for execute rights. */
    int translateFetch(int va) {
        int vpn = va >>> 12;
        int i = vpn & MASK;
        long e = fetchTlb[i];
        if (tag(e) == (vpn | epoch)) {
            hits++;
            return va + (int) e;
        }
        return translate(va, FETCH);
    }

    // ---- the slow paths: page crossings, misses, and addresses outside RAM ----

    // An access crossing a page is two accesses, as on x86: the second starts at the page boundary,
    // so that is the address a fault on the second page reports in CR2.

    private int slowRead(int va, int size) {
        int onFirst = Math.min(size, PhysicalMemory.PAGE_SIZE - (va & 0xFFF));
        int first = translate(va, READ);
        int second = onFirst < size ? translate(va + onFirst, READ) - onFirst : first;
        int value = 0;
        for (int k = 0; k < size; k++) {
            value |= memory.read8((k < onFirst ? first : second) + k) << (8 * k);
        }
        return value;
    }

    private void slowWrite(int va, int value, int size) {
        // Translate both pages before writing anything: a fault on the second must leave the first untouched.
        int onFirst = Math.min(size, PhysicalMemory.PAGE_SIZE - (va & 0xFFF));
        int first = translate(va, WRITE);
        int second = onFirst < size ? translate(va + onFirst, WRITE) - onFirst : first;
        for (int k = 0; k < size; k++) {
            memory.write8((k < onFirst ? first : second) + k, value >>> (8 * k));
        }
    }

    /**
     * Walks the page tables for one access at the current privilege, sets A (and D on writes),
     * fills the TLB, and returns the physical address; raises #PF (with CR2) when not allowed.
     */
    int translate(int va, int access) {
        misses++;
        int vpn = va >>> 12;
        int frame;
        if ((cpu.cr0 & ControlRegisters.CR0_PG) == 0) {
            frame = va & FRAME;
        } else {
            int pdeAddress = (cpu.cr3 & FRAME) | (va >>> 22) << 2;
            int pde = memory.read32(pdeAddress);
            if ((pde & P) == 0) {
                throw pageFault(va, access, false);
            }
            int pteAddress = (pde & FRAME) | (vpn & 0x3FF) << 2;
            int pte = memory.read32(pteAddress);
            if ((pte & P) == 0) {
                throw pageFault(va, access, false);
            }
            int rights = pde & pte;
            if (user && (rights & US) == 0
                    || access == WRITE && (rights & RW) == 0 && (user || (cpu.cr0 & ControlRegisters.CR0_WP) != 0)
                    || access == FETCH && ((pde | pte) & NX) != 0) {
                throw pageFault(va, access, true);
            }
            if ((pde & A) == 0) {
                memory.write32(pdeAddress, pde | A);
            }
            int newPte = pte | A | (access == WRITE ? D : 0);
            if (newPte != pte) {
                memory.write32(pteAddress, newPte);
            }
            frame = pte & FRAME;
        }
        int pa = frame | (va & 0xFFF);
        if (memory.contains(frame, PhysicalMemory.PAGE_SIZE)) {
            int i = vpn & MASK;
            int tag = vpn | epoch;
            int delta = frame - (va & FRAME);
            switch (access) {
                case READ -> readTlb[i] = entry(tag, delta);
                case WRITE -> {
                    if (memory.decoded[frame >>> 12] == null) {
                        writeTlb[i] = entry(tag, delta);
                    }
                }
                default -> fetchTlb[i] = entry(tag, delta);
            }
        }
        return pa;
    }

    /** The physical address {@code va} maps to, or -1; no side effects (no A/D bits, no TLB fill). */
    long probe(int va) {
        if ((cpu.cr0 & ControlRegisters.CR0_PG) == 0) {
            return Integer.toUnsignedLong(va);
        }
        int pde = memory.read32((cpu.cr3 & FRAME) | (va >>> 22) << 2);
        if ((pde & P) == 0) {
            return -1;
        }
        int pte = memory.read32((pde & FRAME) | ((va >>> 12) & 0x3FF) << 2);
        return (pte & P) == 0 ? -1 : Integer.toUnsignedLong((pte & FRAME) | (va & 0xFFF));
    }

    private CpuFault pageFault(int va, int access, boolean present) {
        cpu.cr2 = va;
        int code = (present ? ERR_PRESENT : 0) | (access == WRITE ? ERR_WRITE : 0) | (user ? ERR_USER : 0)
                | (access == FETCH ? ERR_FETCH : 0);
        return cpu.fault.set(Vectors.PAGE_FAULT, code, true);
    }
}
