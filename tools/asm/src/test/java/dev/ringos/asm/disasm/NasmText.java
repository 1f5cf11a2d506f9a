package dev.ringos.asm.disasm;

import dev.ringos.cpu.Registers;
import dev.ringos.cpu.isa.Encoder;
import dev.ringos.cpu.isa.Operand;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only reader of the disassembler's own output ("add dword [ebx+esi*4-0x10], 0x1"), just
 * enough to hand it back to the {@link Encoder}: the round trip that shows the text is source.
 */
final class NasmText {
    private NasmText() {
    }

    /** Encodes one line of disassembler text at {@code address}. */
    static byte[] assemble(String text, int address) {
        String t = text.replaceAll(" <[^>]*>", "");
        String mnemonic = t;
        String rest = "";
        int space = t.startsWith("rep ") ? t.indexOf(' ', 4) : t.indexOf(' ');
        if (space >= 0) {
            mnemonic = t.substring(0, space);
            rest = t.substring(space + 1);
        }
        List<Operand> operands = new ArrayList<>();
        if (!rest.isEmpty()) {
            for (String o : rest.split(", ")) {
                operands.add(operand(o));
            }
        }
        return Encoder.encode(mnemonic, address, operands.toArray(Operand[]::new));
    }

    private static Operand operand(String o) {
        int size = o.startsWith("byte ") ? 1 : o.startsWith("word ") ? 2 : o.startsWith("dword ") ? 4 : 0;
        String s = size == 0 ? o : o.substring(o.indexOf(' ') + 1);
        if (s.startsWith("[")) {
            return memory(s.substring(1, s.length() - 1)).withSize(size);
        }
        if (s.equals("cs")) {
            return Operand.CS;
        }
        if (s.startsWith("cr")) {
            return Operand.cr(Integer.parseInt(s.substring(2)));
        }
        for (int bytes : new int[] {1, 2, 4}) {
            int n = names(bytes).indexOf(s);
            if (n >= 0) {
                return Operand.gp(n, bytes);
            }
        }
        return Operand.imm(number(s));
    }

    /** "ebx+esi*4-0x10", "ecx*2+0x8", "0x8049000". */
    private static Operand.Mem memory(String s) {
        int base = -1, index = -1, scale = 1;
        long disp = 0;
        for (String term : s.replace("-", "+-").split("\\+")) {
            if (term.isEmpty()) {
                continue;
            }
            if (term.contains("*")) {
                index = names(4).indexOf(term.substring(0, term.indexOf('*')));
                scale = Integer.parseInt(term.substring(term.indexOf('*') + 1));
            } else if (names(4).contains(term)) {
                base = names(4).indexOf(term);
            } else {
                disp += term.startsWith("-") ? -number(term.substring(1)) : number(term);
            }
        }
        return new Operand.Mem(base, index, scale, (int) disp, 0);
    }

    private static long number(String s) {
        return s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
    }

    private static List<String> names(int size) {
        return size == 1 ? Registers.NAMES8 : size == 2 ? Registers.NAMES16 : Registers.NAMES32;
    }
}
