package dev.ringos.cpu;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Physical memory: one byte array, little-endian. It also owns the decoded-instruction cache, so
 * that every write — by the guest or by the host — drops stale decodings of the page it touches.
 * Addresses beyond the end behave as an empty bus: reads give 0xFF bytes, writes are ignored.
 */
public final class PhysicalMemory {
    public static final int PAGE_SIZE = 4096;
    public static final int DEFAULT_SIZE = 64 << 20;
    /** 32-bit physical addresses stop at 4 GiB, and Java arrays a little before 2 GiB. */
    public static final int MAX_SIZE = 1 << 30;

    static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    final byte[] bytes;
    /** Decoded instructions per physical page; null where nothing has been decoded. */
    final DecodedPage[] decoded;

    /**
     * @param size bytes of RAM: a positive multiple of 4 KiB, at most 1 GiB
     * @throws IllegalArgumentException if the size is not one
     */
    public PhysicalMemory(long size) {
        if (size <= 0 || size % PAGE_SIZE != 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("memory size must be a positive multiple of 4 KiB up to 1 GiB, got "
                    + size + " bytes");
        }
        bytes = new byte[(int) size];
        decoded = new DecodedPage[(int) (size / PAGE_SIZE)];
    }

    public int size() {
        return bytes.length;
    }

    public int frames() {
        return decoded.length;
    }

    public boolean contains(int address, int length) {
        return Integer.toUnsignedLong(address) + length <= bytes.length;
    }

    public int read8(int pa) {
        return contains(pa, 1) ? bytes[pa] & 0xFF : 0xFF;
    }

    public int read16(int pa) {
        return read8(pa) | read8(pa + 1) << 8;
    }

    public int read32(int pa) {
        if (contains(pa, 4)) {
            return (int) INT_LE.get(bytes, pa);
        }
        return read16(pa) | read16(pa + 2) << 16;
    }

    public void write8(int pa, int value) {
        if (contains(pa, 1)) {
            bytes[pa] = (byte) value;
            touched(pa);
        }
    }

    public void write16(int pa, int value) {
        write8(pa, value);
        write8(pa + 1, value >>> 8);
    }

    public void write32(int pa, int value) {
        if (contains(pa, 4) && (pa & 0xFFF) <= PAGE_SIZE - 4) {
            INT_LE.set(bytes, pa, value);
            touched(pa);
        } else {
            write16(pa, value);
            write16(pa + 2, value >>> 16);
        }
    }

    /** Copies host bytes into guest physical memory. */
    public void load(int pa, byte[] data) {
        if (!contains(pa, data.length)) {
            throw new IllegalArgumentException(String.format("%d bytes at %#x do not fit in %d bytes of memory",
                    data.length, pa, bytes.length));
        }
        System.arraycopy(data, 0, bytes, pa, data.length);
        invalidateRange(pa, data.length);
    }

    /** Sets {@code length} bytes at {@code pa} to {@code value} (a kernel zeroing a fresh frame). */
    public void fill(int pa, int length, int value) {
        checkRange(pa, length);
        Arrays.fill(bytes, pa, pa + length, (byte) value);
        invalidateRange(pa, length);
    }

    /** Copies {@code length} bytes from {@code from} to {@code to} within memory (a kernel copying a frame). */
    public void copyWithin(int from, int to, int length) {
        checkRange(from, length);
        checkRange(to, length);
        System.arraycopy(bytes, from, bytes, to, length);
        invalidateRange(to, length);
    }

    /** Copies guest memory into a host array, as many bytes as {@code length}. */
    public void read(int pa, byte[] into, int offset, int length) {
        checkRange(pa, length);
        System.arraycopy(bytes, pa, into, offset, length);
    }

    /** Copies part of a host array into guest memory. */
    public void write(int pa, byte[] from, int offset, int length) {
        checkRange(pa, length);
        System.arraycopy(from, offset, bytes, pa, length);
        invalidateRange(pa, length);
    }

    private void checkRange(int pa, int length) {
        if (length < 0 || !contains(pa, length)) {
            throw new IllegalArgumentException(String.format("%d bytes at %#x are not all in %d bytes of memory",
                    length, pa, bytes.length));
        }
    }

    private void invalidateRange(int pa, int length) {
        for (long page = Integer.toUnsignedLong(pa) >>> 12; page << 12 < Integer.toUnsignedLong(pa) + length; page++) {
            if (decoded[(int) page] != null) {
                invalidateCode((int) page);
            }
        }
    }

    public byte[] copy(int pa, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("cannot copy a negative number of bytes: " + length);
        }
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) read8(pa + i);
        }
        return out;
    }

    /** Called after a write within RAM: decoded instructions of that page are stale now. */
    void touched(int pa) {
        if (decoded[pa >>> 12] != null) {
            invalidateCode(pa >>> 12);
        }
    }

    /**
     * Drops a page's decodings. The slots are cleared in place as well, so an interpreter still
     * holding the page finds nothing there and decodes again from the new bytes.
     */
    void invalidateCode(int frame) {
        DecodedPage page = decoded[frame];
        if (page != null) {
            decoded[frame] = null;
            Arrays.fill(page.slots, null);
        }
    }

    DecodedPage decodedPage(int frame) {
        DecodedPage page = decoded[frame];
        if (page == null) {
            page = new DecodedPage();
            decoded[frame] = page;
        }
        return page;
    }
}
