package dev.ringos.asm;

import java.util.Arrays;

/** The growing contents of one section; unlike a ByteArrayOutputStream, any range can be copied out cheaply. */
final class SectionBytes {
    private byte[] data = new byte[256];
    private int size;

    void write(byte[] b) {
        if (size + b.length > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + b.length));
        }
        System.arraycopy(b, 0, data, size, b.length);
        size += b.length;
    }

    int size() {
        return size;
    }

    byte[] copy(int from, int to) {
        return Arrays.copyOfRange(data, from, to);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(data, size);
    }
}
