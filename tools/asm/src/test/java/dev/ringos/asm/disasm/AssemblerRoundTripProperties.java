package dev.ringos.asm.disasm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.Assembler;
import dev.ringos.asm.Diagnostics;
import dev.ringos.asm.Disassembler;
import dev.ringos.asm.SourceLine;
import dev.ringos.asm.elf.Executable;
import dev.ringos.cpu.Decoder;
import dev.ringos.cpu.Insn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * assemble → disassemble → assemble gives the same bytes: the disassembler's text is source for
 * ringos's own assembler. The first source is itself disassembler text, of random instructions.
 */
class AssemblerRoundTripProperties {
    static final int TEXT = (int) dev.ringos.asm.Section.TEXT_BASE;

    @Property(tries = 300)
    void reassemblingTheDisassemblyOfAProgramGivesTheSameBytes(@ForAll @Size(min = 64, max = 512) byte[] noise) {
        byte[] first = assemble(randomProgram(noise));

        byte[] second = assemble(instructionTexts(first));

        assertThat(second).isEqualTo(first);
    }

    /** Instruction texts decoded from the noise, one per line, as if at .text's address. */
    static List<String> randomProgram(byte[] noise) {
        List<String> lines = new ArrayList<>();
        int address = TEXT;
        Insn in = new Insn();
        for (int offset = 0; offset + 16 <= noise.length; offset++) {
            int start = offset;
            Decoder.decode(i -> noise[start + i] & 0xFF, in);
            if (in.isDefined()) {
                String text = Disassembler.formatInstruction(in, address);
                lines.add(text);
                address += NasmText.assemble(text, address).length;
            }
        }
        return lines;
    }

    /** The instruction column of the listing of {@code code}. */
    static List<String> instructionTexts(byte[] code) {
        List<String> texts = new ArrayList<>();
        for (String line : Disassembler.disassemble(code, TEXT, Map.of()).split("\n")) {
            String[] fields = line.split("\t");
            if (fields.length == 3) {
                texts.add(fields[2]);
            }
        }
        return texts;
    }

    static byte[] assemble(List<String> instructions) {
        List<SourceLine> lines = new ArrayList<>();
        lines.add(new SourceLine("section .text", "roundtrip.s", 1));
        for (String text : instructions) {
            lines.add(new SourceLine(text, "roundtrip.s", lines.size() + 1));
        }
        Diagnostics diagnostics = new Diagnostics();
        Executable program = Assembler.assemble(lines, diagnostics);
        assertThat(diagnostics.hasErrors()).as(diagnostics.render()).isFalse();
        return program.segments().isEmpty() ? new byte[0] : program.segments().get(0).data();
    }
}
