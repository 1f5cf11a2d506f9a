package dev.ringos.asm.disasm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.Disassembler;
import dev.ringos.cpu.Decoder;
import dev.ringos.cpu.Insn;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Whatever the bytes, a listing comes out; whatever decodes, its text is source for it. */
class DisassemblerProperties {

    @Property(tries = 10_000)
    void anyBytesDisassembleWithoutAnException(@ForAll @Size(max = 64) byte[] code, @ForAll int address) {
        String listing = Disassembler.disassemble(code, address, Map.of(address, "start", address + 3, "x"));

        assertThat(listing.lines().filter(l -> l.contains(":\t")).count()).isLessThanOrEqualTo(2L * code.length);
    }

    @Property(tries = 10_000)
    void everyDefinedDecodingReassemblesToAnInstructionWithTheSameText(
            @ForAll @Size(min = 16, max = 16) byte[] bytes, @ForAll int address) {
        Insn in = decode(bytes);
        if (!in.isDefined()) {
            return;
        }
        String text = Disassembler.formatInstruction(in, address);

        byte[] again = NasmText.assemble(text, address);

        assertThat(again.length).isLessThanOrEqualTo(in.length);
        assertThat(canonical(Disassembler.formatInstruction(decode(again), address))).isEqualTo(canonical(text));
    }

    /**
     * The two spellings the encoder turns into a shorter, equal instruction: a shift by an imm8 of 1
     * becomes the shift-by-one form, and xchg eax, eax is 90, which is nop.
     */
    private static String canonical(String text) {
        if (text.equals("xchg eax, eax")) {
            return "nop";
        }
        return text.matches("(rol|ror|shl|shr|sar) .*, 0x1") ? text.substring(0, text.length() - 3) + "1" : text;
    }

    private static Insn decode(byte[] bytes) {
        Insn in = new Insn();
        Decoder.decode(i -> i < bytes.length ? bytes[i] & 0xFF : 0, in);
        return in;
    }
}
