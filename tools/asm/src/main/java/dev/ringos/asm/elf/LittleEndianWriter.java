package dev.ringos.asm.elf;

import java.io.ByteArrayOutputStream;

/** Appends little-endian ELF32 fields (Half, Word, Addr, Off) and raw bytes to a growing file. */
final class LittleEndianWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    int position() {
        return out.size();
    }

    void u8(int value) {
        out.write(value);
    }

    void u16(int value) {
        out.write(value);
        out.write(value >>> 8);
    }

    void u32(int value) {
        u16(value);
        u16(value >>> 16);
    }

    void bytes(byte[] data) {
        out.writeBytes(data);
    }

    /** Pads with zeros up to {@code offset}, which must not lie behind the current position. */
    void padTo(long offset) {
        if (offset < position()) {
            throw new IllegalStateException("padding backwards from " + position() + " to " + offset);
        }
        while (position() < offset) {
            out.write(0);
        }
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
