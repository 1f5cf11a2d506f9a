package dev.ringos.asm.disasm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.Disassembler;
import dev.ringos.cpu.Decoder;
import dev.ringos.cpu.Insn;
import dev.ringos.cpu.isa.Encoding;
import dev.ringos.cpu.isa.InstructionForm;
import dev.ringos.cpu.isa.OpcodeTable;
import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For every form of the opcode table with random operands: assemble → disassemble → assemble gives
 * identical bytes. Each try is one instruction of a randomly chosen row, with random ModRM, SIB,
 * displacement and immediate bytes, so every row is met many times in 10,000 tries.
 */
class EveryFormRoundTripProperties {

    @Property(tries = 10_000)
    void everyFormReassemblesFromItsDisassemblyToTheSameBytes(@ForAll("instructions") byte[] encoded) {
        Insn in = new Insn();
        Decoder.decode(i -> i < encoded.length ? encoded[i] & 0xFF : 0, in);
        Assume.that(in.isDefined());
        int at = AssemblerRoundTripProperties.TEXT;

        byte[] first = AssemblerRoundTripProperties.assemble(List.of(Disassembler.formatInstruction(in, at)));
        byte[] second = AssemblerRoundTripProperties.assemble(AssemblerRoundTripProperties.instructionTexts(first));

        assertThat(second).isEqualTo(first);
    }

    @Provide
    Arbitrary<byte[]> instructions() {
        Arbitrary<InstructionForm> form = Arbitraries.of(OpcodeTable.FORMS);
        Arbitrary<Integer> modrm = Arbitraries.integers().between(0, 255);
        Arbitrary<byte[]> tail = Arbitraries.bytes().array(byte[].class).ofSize(12);
        return Combinators.combine(form, modrm, tail).as(EveryFormRoundTripProperties::bytesOf);
    }

    /** The row's opcode bytes, a ModRM whose reg field the row allows, then random SIB, displacement and immediates. */
    private static byte[] bytesOf(InstructionForm form, int modrm, byte[] tail) {
        Encoding e = form.encoding();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.writeOpcode(out, modrm);
        if (e.hasModRm()) {
            out.write(e.digit() >= 0 ? (modrm & 0xC7) | e.digit() << 3 : modrm);
        }
        out.writeBytes(tail);
        return out.toByteArray();
    }
}
