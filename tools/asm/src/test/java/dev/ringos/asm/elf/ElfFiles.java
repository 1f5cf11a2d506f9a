package dev.ringos.asm.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Fields of an ELF32 file, read and patched by offset, independently of the reader under test.
 * Program header {@code i} starts at {@code 52 + 32 * i} in the files our writer makes.
 */
final class ElfFiles {

    private ElfFiles() {
    }

    static final int E_TYPE = 16, E_MACHINE = 18, E_VERSION = 20, E_ENTRY = 24, E_PHOFF = 28, E_SHOFF = 32,
            E_PHNUM = 44, E_SHNUM = 48, E_SHSTRNDX = 50;
    static final int P_TYPE = 0, P_OFFSET = 4, P_VADDR = 8, P_FILESZ = 16, P_MEMSZ = 20, P_FLAGS = 24, P_ALIGN = 28;
    static final int SH_NAME = 0, SH_TYPE = 4, SH_FLAGS = 8, SH_ADDR = 12, SH_OFFSET = 16, SH_SIZE = 20, SH_LINK = 24,
            SH_INFO = 28, SH_ADDRALIGN = 32, SH_ENTSIZE = 36;

    static int programHeader(int index, int field) {
        return 52 + 32 * index + field;
    }

    static int sectionHeader(byte[] file, int index, int field) {
        return u32(file, E_SHOFF) + 40 * index + field;
    }

    static int u16(byte[] file, int offset) {
        return buffer(file).getShort(offset) & 0xffff;
    }

    static int u32(byte[] file, int offset) {
        return buffer(file).getInt(offset);
    }

    static byte[] withU8(byte[] file, int offset, int value) {
        byte[] copy = file.clone();
        copy[offset] = (byte) value;
        return copy;
    }

    static byte[] withU16(byte[] file, int offset, int value) {
        byte[] copy = file.clone();
        buffer(copy).putShort(offset, (short) value);
        return copy;
    }

    static byte[] withU32(byte[] file, int offset, int value) {
        byte[] copy = file.clone();
        buffer(copy).putInt(offset, value);
        return copy;
    }

    static byte[] truncated(byte[] file, int length) {
        return Arrays.copyOf(file, length);
    }

    private static ByteBuffer buffer(byte[] file) {
        return ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    }
}
