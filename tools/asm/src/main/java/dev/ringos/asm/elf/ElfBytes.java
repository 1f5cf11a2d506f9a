package dev.ringos.asm.elf;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of a file being read, as little-endian ELF32 fields. Every read is checked against the
 * file's end, so a hostile offset becomes an {@link ElfFormatException} naming {@code what} was
 * being read, never an index exception.
 */
final class ElfBytes {

    private final byte[] bytes;

    ElfBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    int length() {
        return bytes.length;
    }

    /** Whether {@code count} bytes at {@code offset} (both unsigned, any size) lie inside the file. */
    boolean contains(long offset, long count) {
        return offset >= 0 && count >= 0 && offset <= bytes.length && count <= bytes.length - offset;
    }

    int u8(long offset) {
        return bytes[index(offset, 1)] & 0xff;
    }

    int u16(long offset) {
        int i = index(offset, 2);
        return (bytes[i] & 0xff) | (bytes[i + 1] & 0xff) << 8;
    }

    /** An unsigned Word, Addr or Off. */
    long u32(long offset) {
        int i = index(offset, 4);
        return Integer.toUnsignedLong((bytes[i] & 0xff) | (bytes[i + 1] & 0xff) << 8
                | (bytes[i + 2] & 0xff) << 16 | (bytes[i + 3] & 0xff) << 24);
    }

    byte[] slice(long offset, long count) {
        int i = index(offset, count);
        byte[] slice = new byte[(int) count];
        System.arraycopy(bytes, i, slice, 0, slice.length);
        return slice;
    }

    /**
     * The NUL-terminated string at {@code offset} inside the table {@code [start, start + size)},
     * or null if it does not start inside the table or runs past its end.
     */
    String stringInTable(long start, long size, long offset) {
        if (offset < 0 || offset >= size) {
            return null;
        }
        for (long end = start + offset; end < start + size; end++) {
            if (bytes[(int) end] == 0) {
                int from = (int) (start + offset);
                return new String(bytes, from, (int) end - from, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private int index(long offset, long count) {
        if (!contains(offset, count)) {
            throw new IllegalStateException("read of " + count + " bytes at " + offset
                    + " outside the file: the reader must check bounds first");
        }
        return (int) offset;
    }
}
