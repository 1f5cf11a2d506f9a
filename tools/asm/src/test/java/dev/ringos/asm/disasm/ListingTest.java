package dev.ringos.asm.disasm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.Disassembler;
import dev.ringos.asm.elf.Executable;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The objdump -d layout: addresses, bytes, label headers, branch targets by name, (bad). */
class ListingTest {
    static final int START = 0x8049000;

    static byte[] hex(String bytes) {
        return HexFormat.ofDelimiter(" ").parseHex(bytes);
    }

    @Test
    void eachInstructionIsALineWithItsAddressPaddedBytesAndText() {
        String listing = Disassembler.disassemble(hex("b8 01 00 00 00 cd 80"), START, Map.of());

        assertThat(listing).isEqualTo(
                " 8049000:\tb8 01 00 00 00       \tmov eax, 0x1\n"
                + " 8049005:\tcd 80                \tint 0x80\n");
    }

    @Test
    void bytesBeyondSevenContinueOnTheNextLineAtTheirOwnAddress() {
        String listing = Disassembler.disassemble(hex("c7 44 b3 12 78 56 34 12"), START, Map.of());

        assertThat(listing).isEqualTo(
                " 8049000:\tc7 44 b3 12 78 56 34 \tmov dword [ebx+esi*4+0x12], 0x12345678\n"
                + " 8049007:\t12 \n");
    }

    @Test
    void aLabelGetsAHeaderAndBranchesToItAreAnnotatedWithItsName() {
        // _start: mov eax, 1 / loop: dec eax / jne loop / jmp _start+5 / call 0x8048000
        byte[] code = hex("b8 01 00 00 00 48 75 fd eb fb e8 f1 ef ff ff");
        Map<Integer, String> labels = Map.of(START, "_start", START + 5, "loop");

        String listing = Disassembler.disassemble(code, START, labels);

        assertThat(listing).isEqualTo(
                "08049000 <_start>:\n"
                + " 8049000:\tb8 01 00 00 00       \tmov eax, 0x1\n"
                + "\n"
                + "08049005 <loop>:\n"
                + " 8049005:\t48                   \tdec eax\n"
                + " 8049006:\t75 fd                \tjne 0x8049005 <loop>\n"
                + " 8049008:\teb fb                \tjmp 0x8049005 <loop>\n"
                + " 804900a:\te8 f1 ef ff ff       \tcall 0x8048000\n");
    }

    @Test
    void aTargetPastALabelIsNamedAsTheLabelPlusAnOffset() {
        byte[] code = hex("90 90 eb fc");   // nop; nop; jmp 0x8049000

        String listing = Disassembler.disassemble(code, START + 2, Map.of(START, "_start"));

        assertThat(listing).endsWith("\tjmp 0x8049002 <_start+0x2>\n");
    }

    @Test
    void anUndefinedByteIsBadAndDecodingGoesOnAtTheNextByte() {
        // d6 is not in the table; 0f 0f neither, and each 0f goes alone.
        String listing = Disassembler.disassemble(hex("d6 90 0f 0f 90"), START, Map.of());

        assertThat(listing).isEqualTo(
                " 8049000:\td6                   \t(bad)\n"
                + " 8049001:\t90                   \tnop\n"
                + " 8049002:\t0f                   \t(bad)\n"
                + " 8049003:\t0f                   \t(bad)\n"
                + " 8049004:\t90                   \tnop\n");
    }

    @Test
    void anInstructionCutOffByTheEndOfTheCodeIsBadOneByteAtATime() {
        String listing = Disassembler.disassemble(hex("90 b8 01"), START, Map.of());

        assertThat(listing).isEqualTo(
                " 8049000:\t90                   \tnop\n"
                + " 8049001:\tb8                   \t(bad)\n"
                + " 8049002:\t01                   \t(bad)\n");
    }

    @Test
    void anInstructionMayNotRunOverALabelSoCodeAfterDataIsReadFromItsLabel() {
        // msg: db "hi", 0 / _start: mov eax, 1 — decoded from msg on, "hi" would swallow _start.
        byte[] code = hex("68 69 00 b8 01 00 00 00");

        String listing = Disassembler.disassemble(code, START, Map.of(START, "msg", START + 3, "_start"));

        assertThat(listing).isEqualTo(
                "08049000 <msg>:\n"
                + " 8049000:\t68                   \t(bad)\n"
                + " 8049001:\t69                   \t(bad)\n"
                + " 8049002:\t00                   \t(bad)\n"
                + "\n"
                + "08049003 <_start>:\n"
                + " 8049003:\tb8 01 00 00 00       \tmov eax, 0x1\n");
    }

    @Test
    void noCodeIsAnEmptyListing() {
        assertThat(Disassembler.disassemble(new byte[0], START, null)).isEmpty();
    }

    @Test
    void anExecutableIsListedSegmentBySegmentWithItsSymbolsAsLabelsAndItsDataLeftOut() {
        Executable program = new Executable(START, List.of(
                new Executable.Segment(".text", START, Executable.R | Executable.X, hex("eb fe"), 2),
                new Executable.Segment(".data", 0x804a000, Executable.R | Executable.W, hex("01 02"), 2)),
                List.of(new Executable.Symbol("_start", START, 0, ".text", true),
                        new Executable.Symbol("SYS_EXIT", START, 0, null, false),
                        new Executable.Symbol("message", 0x804a000, 2, ".data", false)));

        assertThat(Disassembler.disassemble(program)).isEqualTo(
                "\nDisassembly of section .text:\n\n"
                + "08049000 <_start>:\n"
                + " 8049000:\teb fe                \tjmp 0x8049000 <_start>\n");
    }
}
