package dev.ringos.kernel.core;

import dev.ringos.cpu.PhysicalMemory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Copy-in and copy-out: the only way kernel code touches user memory. Every page is checked
 * against the address space's page tables with ring-3 rights, and faulted in first where the
 * regions allow (a fresh bss page, a copy-on-write page), exactly as the CPU would for the
 * program itself. Anything else — a kernel address, an unmapped page, a write to text — is a
 * {@link UserFault}.
 */
public final class UserMemory {
    private final PhysicalMemory memory;
    private final Microkernel kernel;

    UserMemory(PhysicalMemory memory, Microkernel kernel) {
        this.memory = memory;
        this.kernel = kernel;
    }

    public void read(Task task, int va, byte[] into, int offset, int length) throws UserFault {
        while (length > 0) {
            int chunk = Math.min(length, Layout.PAGE - (va & 0xFFF));
            memory.read(physical(task, va, false), into, offset, chunk);
            va += chunk;
            offset += chunk;
            length -= chunk;
        }
    }

    public void write(Task task, int va, byte[] from, int offset, int length) throws UserFault {
        while (length > 0) {
            int chunk = Math.min(length, Layout.PAGE - (va & 0xFFF));
            memory.write(physical(task, va, true), from, offset, chunk);
            va += chunk;
            offset += chunk;
            length -= chunk;
        }
    }

    public int readInt(Task task, int va) throws UserFault {
        if ((va & 0xFFF) <= Layout.PAGE - 4) {
            return memory.read32(physical(task, va, false));
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value |= memory.read8(physical(task, va + i, false)) << (8 * i);
        }
        return value;
    }

    public void writeInt(Task task, int va, int value) throws UserFault {
        if ((va & 0xFFF) <= Layout.PAGE - 4) {
            memory.write32(physical(task, va, true), value);
            return;
        }
        for (int i = 0; i < 4; i++) {
            physical(task, va + i, true);
        }
        for (int i = 0; i < 4; i++) {
            memory.write8(physical(task, va + i, true), value >>> (8 * i));
        }
    }

    /** A NUL-terminated string of at most {@code max} bytes before the NUL; null if it is longer. */
    public String readString(Task task, int va, int max) throws UserFault {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i <= max; i++) {
            int b = memory.read8(physical(task, va + i, false));
            if (b == 0) {
                return bytes.toString(StandardCharsets.ISO_8859_1);
            }
            bytes.write(b);
        }
        return null;
    }

    /** Makes every page of [va, va + length) accessible for the access (so a later copy cannot half-fail). */
    public void check(Task task, int va, int length, boolean write) throws UserFault {
        if (length <= 0) {
            return;
        }
        long end = Integer.toUnsignedLong(va) + length;
        for (long page = Integer.toUnsignedLong(va) & ~0xFFFL; page < end; page += Layout.PAGE) {
            physical(task, (int) page, write);
        }
    }

    private int physical(Task task, int va, boolean write) throws UserFault {
        AddressSpace space = task.space;
        int pa = space.translateUser(va, write);
        if (pa >= 0) {
            return pa;
        }
        if (Integer.compareUnsigned(va, Layout.KERNEL_BASE) >= 0
                || !kernel.resolveFault(task, va, write, false, true).resolved()) {
            throw UserFault.INSTANCE;
        }
        pa = space.translateUser(va, write);
        if (pa < 0) {
            throw UserFault.INSTANCE;
        }
        return pa;
    }
}
