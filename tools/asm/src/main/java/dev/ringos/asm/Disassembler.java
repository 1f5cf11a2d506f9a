package dev.ringos.asm;

import dev.ringos.asm.disasm.IntelSyntax;
import dev.ringos.asm.elf.Executable;
import dev.ringos.cpu.Decoder;
import dev.ringos.cpu.Insn;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An {@code objdump -d} for ringos code: one line per instruction with its address and bytes, a
 * header at each label, branch targets named by the nearest label. The instruction text is NASM
 * source that assembles back to the same instruction. Bytes the opcode table does not define,
 * or an instruction cut off by the end of the code or by a label, show as {@code (bad)} for one
 * byte, and decoding goes on at the next; no input makes it throw.
 */
public final class Disassembler {
    /** Bytes shown per line, as objdump does for i386; longer instructions continue below. */
    private static final int BYTES_PER_LINE = 7;

    private Disassembler() {
    }

    /** "mov eax, 0x1", "jmp 0x8049010", "(bad)": the instruction at {@code address}, as NASM source. */
    public static String formatInstruction(Insn in, int address) {
        return IntelSyntax.format(in, address, null);
    }

    /** As {@link #formatInstruction(Insn, int)}, with branch targets annotated: "jmp 0x8049010 <loop>". */
    public static String formatInstruction(Insn in, int address, Map<Integer, String> labels) {
        NavigableMap<Integer, String> sorted = sortedByAddress(labels);
        return IntelSyntax.format(in, address, to -> annotation(sorted, to));
    }

    /** Every executable segment of {@code program}, named by its symbols. */
    public static String disassemble(Executable program) {
        Map<Integer, String> labels = new HashMap<>();
        for (Executable.Symbol s : program.symbols()) {
            // Absolute symbols (equ) are numbers, not places; the first name given to a place wins.
            if (s.section() != null) {
                labels.putIfAbsent(s.value(), s.name());
            }
        }
        StringBuilder out = new StringBuilder();
        for (Executable.Segment segment : program.segments()) {
            if ((segment.flags() & Executable.X) != 0) {
                out.append("\nDisassembly of section ").append(segment.name()).append(":\n\n");
                out.append(disassemble(segment.data(), segment.address(), labels));
            }
        }
        return out.toString();
    }

    /** The listing of {@code code} loaded at {@code address}; {@code labels} maps addresses to names. */
    public static String disassemble(byte[] code, int address, Map<Integer, String> labels) {
        NavigableMap<Integer, String> sorted = sortedByAddress(labels);
        StringBuilder out = new StringBuilder();
        Insn in = new Insn();
        int offset = 0;
        while (offset < code.length) {
            int at = address + offset;
            String label = sorted.get(at);
            if (label != null) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(String.format("%08x <%s>:\n", at, label));
            }
            int start = offset;
            Decoder.decode(i -> start + i < code.length ? code[start + i] & 0xFF : 0, in);
            boolean whole = in.isDefined() && in.length <= roomBefore(sorted, at, code.length - offset);
            int length = whole ? in.length : 1;
            String text = whole ? IntelSyntax.format(in, at, to -> annotation(sorted, to)) : "(bad)";
            appendLines(out, code, offset, length, at, text);
            offset += length;
        }
        return out.toString();
    }

    /**
     * How many bytes an instruction at {@code at} may take: up to the end of the code, and not over
     * the next label, so that code after data (a string in .text) is read from its label on.
     */
    private static int roomBefore(NavigableMap<Integer, String> labels, int at, int toEnd) {
        Integer next = labels.higherKey(at);
        if (next == null) {
            return toEnd;
        }
        long distance = Integer.toUnsignedLong(next) - Integer.toUnsignedLong(at);
        return (int) Math.min(distance, toEnd);
    }

    /** objdump's layout: address, up to seven bytes padded to a column, the text; more bytes below. */
    private static void appendLines(StringBuilder out, byte[] code, int offset, int length, int at, String text) {
        for (int done = 0; done < length; done += BYTES_PER_LINE) {
            StringBuilder hex = new StringBuilder();
            for (int k = done; k < Math.min(length, done + BYTES_PER_LINE); k++) {
                hex.append(String.format("%02x ", code[offset + k] & 0xFF));
            }
            out.append(String.format("%8x:\t", at + done));
            if (done == 0) {
                out.append(String.format("%-" + 3 * BYTES_PER_LINE + "s\t%s\n", hex, text));
            } else {
                out.append(hex).append('\n');
            }
        }
    }

    /** " <loop>" for a labelled address, " <loop+0x4>" inside what follows a label, else null. */
    private static String annotation(NavigableMap<Integer, String> labels, int target) {
        Map.Entry<Integer, String> below = labels.floorEntry(target);
        if (below == null) {
            return null;
        }
        int offset = target - below.getKey();
        return offset == 0 ? " <" + below.getValue() + ">"
                : " <" + below.getValue() + "+0x" + Integer.toHexString(offset) + ">";
    }

    /** Labels ordered as unsigned addresses would be, for the 0x8… half of the address space. */
    private static NavigableMap<Integer, String> sortedByAddress(Map<Integer, String> labels) {
        NavigableMap<Integer, String> sorted = new TreeMap<>(Integer::compareUnsigned);
        if (labels != null) {
            labels.forEach((at, name) -> {
                if (at != null && name != null) {
                    sorted.put(at, name);
                }
            });
        }
        return sorted;
    }
}
