package dev.ringos.asm.disasm;

import static dev.ringos.cpu.isa.Operand.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.Disassembler;
import dev.ringos.cpu.Decoder;
import dev.ringos.cpu.Insn;
import dev.ringos.cpu.isa.Encoder;
import dev.ringos.cpu.isa.Operand;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How operands are written: the NASM text for instructions the every-form table does not show. */
class OperandSyntaxTest {
    static final int AT = 0x8049000;

    /** Encodes at {@link #AT}, disassembles, and checks the text also assembles back to the same bytes. */
    static String roundTrip(String mnemonic, Operand... operands) {
        byte[] bytes = Encoder.encode(mnemonic, AT, operands);
        Insn in = new Insn();
        Decoder.decode(i -> i < bytes.length ? bytes[i] & 0xFF : 0, in);
        String text = Disassembler.formatInstruction(in, AT);
        assertThat(NasmText.assemble(text, AT)).as(text).isEqualTo(bytes);
        return text;
    }

    @Test
    void registersAreNamedBySize() {
        assertThat(roundTrip("mov", EAX, EBX)).isEqualTo("mov eax, ebx");
        assertThat(roundTrip("mov", AX, BX)).isEqualTo("mov ax, bx");
        assertThat(roundTrip("mov", AH, BL)).isEqualTo("mov ah, bl");
        assertThat(roundTrip("movzx", ESI, DH)).isEqualTo("movzx esi, dh");
        assertThat(roundTrip("inc", CX)).isEqualTo("inc cx");
    }

    @Test
    void controlAndSegmentRegistersAreNamed() {
        assertThat(roundTrip("mov", cr(0), EAX)).isEqualTo("mov cr0, eax");
        assertThat(roundTrip("mov", EDI, cr(4))).isEqualTo("mov edi, cr4");
        assertThat(roundTrip("mov", EAX, CS)).isEqualTo("mov eax, cs");
    }

    @Test
    void aNegativeDisplacementIsSubtracted() {
        assertThat(roundTrip("mov", EAX, mem(EBP, -0x10))).isEqualTo("mov eax, [ebp-0x10]");
        assertThat(roundTrip("mov", EAX, mem(EBX, -0x80000000))).isEqualTo("mov eax, [ebx-0x80000000]");
        assertThat(roundTrip("lea", ESI, mem(EDI, ECX, 8, -1))).isEqualTo("lea esi, [edi+ecx*8-0x1]");
    }

    @Test
    void aZeroDisplacementIsLeftOutEvenWhereTheEncodingCarriesOne() {
        assertThat(roundTrip("mov", EAX, mem(EBP))).isEqualTo("mov eax, [ebp]");
        assertThat(roundTrip("mov", EAX, mem(ESP))).isEqualTo("mov eax, [esp]");
        assertThat(roundTrip("lea", EAX, mem(null, ECX, 4, 0))).isEqualTo("lea eax, [ecx*4]");
    }

    @Test
    void anAbsoluteAddressIsWrittenUnsigned() {
        assertThat(roundTrip("mov", ECX, abs(0x8049000))).isEqualTo("mov ecx, [0x8049000]");
        assertThat(roundTrip("mov", EAX, abs(0xC0000000))).isEqualTo("mov eax, [0xc0000000]");
        assertThat(roundTrip("lea", EAX, mem(null, EDX, 2, 0x10))).isEqualTo("lea eax, [edx*2+0x10]");
    }

    @Test
    void memoryGetsASizeKeywordOnlyWhenNoRegisterGivesTheSize() {
        assertThat(roundTrip("inc", byteAt(mem(EDI)))).isEqualTo("inc byte [edi]");
        assertThat(roundTrip("shl", wordAt(mem(EAX)), CL)).isEqualTo("shl word [eax], cl");
        assertThat(roundTrip("movsx", EAX, wordAt(mem(EAX)))).isEqualTo("movsx eax, word [eax]");
        assertThat(roundTrip("sub", mem(ESP, 4), EAX)).isEqualTo("sub [esp+0x4], eax");
        assertThat(roundTrip("lidt", mem(EAX))).isEqualTo("lidt [eax]");
    }

    @Test
    void aSignExtendedByteIsShownAsTheValueTheCpuUses() {
        assertThat(roundTrip("add", EAX, imm(-1))).isEqualTo("add eax, 0xffffffff");
        assertThat(roundTrip("add", AX, imm(-1))).isEqualTo("add ax, 0xffff");
        assertThat(roundTrip("push", imm(-128))).isEqualTo("push 0xffffff80");
        assertThat(roundTrip("cmp", EBX, imm(0x7f))).isEqualTo("cmp ebx, 0x7f");
        assertThat(roundTrip("imul", EAX, ECX, imm(-3))).isEqualTo("imul eax, ecx, 0xfffffffd");
    }

    @Test
    void immediatesAreHexAndShiftsByOneSayOne() {
        assertThat(roundTrip("mov", AL, imm(0x1f))).isEqualTo("mov al, 0x1f");
        assertThat(roundTrip("mov", EAX, imm(0))).isEqualTo("mov eax, 0x0");
        assertThat(roundTrip("sar", EDX, imm(1))).isEqualTo("sar edx, 1");
        assertThat(roundTrip("ret", imm(8))).isEqualTo("ret 0x8");
    }

    @Test
    void branchTargetsAreAbsoluteAddressesForwardAndBack() {
        assertThat(roundTrip("jmp", imm(AT + 0x10))).isEqualTo("jmp 0x8049010");
        assertThat(roundTrip("jle", imm(AT - 0x100))).isEqualTo("jle 0x8048f00");
        assertThat(roundTrip("call", imm(AT))).isEqualTo("call 0x8049000");
        assertThat(roundTrip("jmp", EAX)).isEqualTo("jmp eax");
    }

    @Test
    void aBranchTargetIsAnnotatedWithItsLabelWhenAsked() {
        byte[] bytes = Encoder.encode("jmp", AT, imm(AT + 0x10));
        Insn in = new Insn();
        Decoder.decode(i -> i < bytes.length ? bytes[i] & 0xFF : 0, in);

        assertThat(Disassembler.formatInstruction(in, AT, Map.of(AT + 0x10, "loop"))).isEqualTo("jmp 0x8049010 <loop>");
        assertThat(Disassembler.formatInstruction(in, AT, Map.of(AT + 0x8, "f"))).isEqualTo("jmp 0x8049010 <f+0x8>");
        assertThat(Disassembler.formatInstruction(in, AT, Map.of())).isEqualTo("jmp 0x8049010");
    }

    @Test
    void repeatedStringInstructionsKeepTheirPrefix() {
        assertThat(roundTrip("rep movsb")).isEqualTo("rep movsb");
        assertThat(roundTrip("rep stosd")).isEqualTo("rep stosd");
    }

    @Test
    void anUndefinedInstructionIsBad() {
        Insn in = new Insn();
        Decoder.decode(i -> 0xD6, in);

        assertThat(Disassembler.formatInstruction(in, AT)).isEqualTo("(bad)");
    }
}
