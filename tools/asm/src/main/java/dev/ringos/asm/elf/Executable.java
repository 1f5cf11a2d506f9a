package dev.ringos.asm.elf;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A program as the loader sees it: what goes where in memory, where it starts, and its symbols.
 * The assembler produces one, {@link ElfWriter} turns it into an ELF32 file, and {@link ElfReader}
 * turns a file back into one (for exec and the disassembler).
 */
public record Executable(int entry, List<Segment> segments, List<Symbol> symbols) {

    public Executable {
        segments = List.copyOf(segments);
        symbols = List.copyOf(symbols);
    }

    /** PT_LOAD permission bits, ELF's values. */
    public static final int X = 1, W = 2, R = 4;

    /**
     * One loadable piece: {@code data} is loaded at {@code address} and zero-filled up to
     * {@code memorySize} (a .bss has no data and a non-zero memory size).
     *
     * @param name  the section it comes from (".text", ".rodata", ".data", ".bss")
     * @param flags {@link #R} | {@link #W} | {@link #X}
     */
    public record Segment(String name, int address, int flags, byte[] data, int memorySize) {
        public Segment {
            data = data.clone();
            if (memorySize < data.length) {
                throw new IllegalArgumentException("segment " + name + ": memory size " + memorySize
                        + " is smaller than its " + data.length + " bytes of data");
            }
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** Segments are values: two are equal when their bytes are, not their arrays. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Segment s && name.equals(s.name) && address == s.address
                    && flags == s.flags && memorySize == s.memorySize && Arrays.equals(data, s.data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, address, flags, memorySize, Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "Segment[name=" + name + ", address=0x" + Integer.toHexString(address) + ", flags="
                    + ((flags & R) != 0 ? "R" : "") + ((flags & W) != 0 ? "W" : "") + ((flags & X) != 0 ? "X" : "")
                    + ", data=" + data.length + " bytes, memorySize=" + memorySize + "]";
        }
    }

    /**
     * A symbol of .symtab.
     *
     * @param section the section it is defined in, or null for an absolute value (equ)
     */
    public record Symbol(String name, int value, int size, String section, boolean global) {
    }
}
