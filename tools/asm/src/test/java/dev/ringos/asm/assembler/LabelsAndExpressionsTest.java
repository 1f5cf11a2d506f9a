package dev.ringos.asm.assembler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.elf.Executable;
import org.junit.jupiter.api.Test;

class LabelsAndExpressionsTest {

    @Test
    void localLabelsBelongToThePreviousNonLocalLabel() {
        Executable e = Asm.ok("""
                first:
                .loop: jmp .loop
                second:
                .loop: jmp .loop
                    jmp first.loop
                """);
        assertThat(e.symbols()).extracting(Executable.Symbol::name)
                .containsExactly("first", "first.loop", "second", "second.loop");
        assertThat(Asm.hex(e.segments().get(0).data())).isEqualTo("EB FE EB FE EB FA");
    }

    @Test
    void aBareNameBeforeADirectiveOrInstructionIsALabel() {
        Executable e = Asm.ok("start nop\nsection .data\nmsg db 1\n");
        assertThat(e.symbols()).extracting(Executable.Symbol::name).containsExactly("start", "msg");
    }

    @Test
    void anInstructionsNameWithAColonIsALabelAsInNasmButARegisterNeverIs() {
        Executable e = Asm.ok("jmp sub\nsub: nop\n");
        assertThat(e.symbols()).extracting(Executable.Symbol::name).containsExactly("sub");
        assertThat(Asm.hex(e.segments().get(0).data())).isEqualTo("EB 00 90");
        assertThat(Asm.errors("eax: nop\n")).contains("'eax' is a register and cannot be a label");
        assertThat(Asm.errors("sub nop\n")).isNotEmpty();
    }

    @Test
    void dollarIsTheCurrentAddressAndDoubleDollarTheSectionStart() {
        assertThat(Asm.code("nop\nmov eax, $\nmov ebx, $ - $$")).isEqualTo("90 B8 01 10 40 00 BB 06 00 00 00");
    }

    @Test
    void timesCanPadToAFixedSizeWithDollarArithmetic() {
        byte[] code = Asm.text("mov eax, 1\ntimes 16 - ($ - $$) db 0xCC\n");
        assertThat(code).hasSize(16);
        assertThat(code[15]).isEqualTo((byte) 0xCC);
    }

    @Test
    void expressionsFollowNasmPrecedence() {
        assertThat(Asm.code("""
                dd 1 + 2 * 3
                dd (1 + 2) * 3
                dd 1 << 4 | 3
                dd 0xF0 ^ 0xFF & 0x3C
                dd 17 % 5, 100 / 7, ~0, -2
                dd -7 // 2, -7 %% 2
                """)).isEqualTo("07 00 00 00 09 00 00 00 13 00 00 00 CC 00 00 00 "
                + "02 00 00 00 0E 00 00 00 FF FF FF FF FE FF FF FF FD FF FF FF FF FF FF FF");
    }

    @Test
    void numbersAreReadInEveryNasmForm() {
        assertThat(Asm.code("db 123, 0x1F, 1Fh, 0FFh, 0b101, 101b, 17q, 'a'"))
                .isEqualTo("7B 1F 1F FF 05 05 0F 61");
    }

    @Test
    void stringsInDataAreBytesAndBackquotesTakeEscapes() {
        assertThat(Asm.code("db 'a\\n', \"b\", `\\n\\t\\\\\\0\\x41`, 0")).isEqualTo("61 5C 6E 62 0A 09 5C 00 41 00");
        assertThat(Asm.code("dw 'abc'\ndd 'ab'")).isEqualTo("61 62 63 00 61 62 00 00");
    }

    @Test
    void memoryOperandsTakeEveryAddressingForm() {
        assertThat(Asm.code("""
                mov eax, [ebx+ecx*4+8]
                mov byte [edi], 0
                mov [esi-4], eax
                mov eax, [ecx*2+0x100]
                mov eax, [data+4]
                data:
                """)).isEqualTo("8B 44 8B 08 C6 07 00 89 46 FC 8B 04 4D 00 01 00 00 A1 1A 10 40 00");
    }

    @Test
    void equConstantsMayBeUsedBeforeTheyAreDefined() {
        assertThat(Asm.code("mov al, SIZE\nSIZE equ 3 * 4")).isEqualTo("B0 0C");
    }

    @Test
    void alignPadsWithNopAsNasmDoesOrWithTheFillGiven() {
        assertThat(Asm.code("inc eax\nalign 4\ndec eax")).isEqualTo("40 90 90 90 48");
        Executable e = Asm.ok("section .data\ndb 1\nalign 4\ndb 2\nalign 4, db 0\ndb 3");
        assertThat(Asm.hex(e.segments().get(0).data())).isEqualTo("01 90 90 90 02 00 00 00 03");
        Executable bss = Asm.ok("section .bss\nresb 1\nalign 16\nx: resb 1");
        assertThat(bss.symbols()).contains(new Executable.Symbol("x", 0x00401010, 0, ".bss", false));
    }

    @Test
    void bssHasOnlyAMemorySizeAndEachSectionStartsOnAFreshPage() {
        Executable e = Asm.ok("""
                section .text
                nop
                section .rodata
                db 1
                section .data
                dd 2
                section .bss
                buffer resb 100
                words resw 2
                segment .text
                ret
                """);
        assertThat(e.segments()).extracting(Executable.Segment::name)
                .containsExactly(".text", ".rodata", ".data", ".bss");
        Executable.Segment bss = e.segments().get(3);
        assertThat(bss.address()).isEqualTo(0x00404000);
        assertThat(bss.data()).isEmpty();
        assertThat(bss.memorySize()).isEqualTo(104);
        assertThat(bss.flags()).isEqualTo(Executable.R | Executable.W);
        assertThat(Asm.hex(e.segments().get(0).data())).isEqualTo("90 C3");
    }

    @Test
    void emptySectionsAreLeftOutOfTheLayout() {
        Executable e = Asm.ok("nop\nsection .data\ndb 1");
        assertThat(e.segments()).extracting(Executable.Segment::address).containsExactly(0x00401000, 0x00402000);
    }

    @Test
    void nasmPrimitiveFormsAndSectionAttributesAreAccepted() {
        Executable e = Asm.ok("""
                [bits 32]
                [section .data]
                db 1
                section .text progbits alloc exec nowrite align=16
                [global _start]
                _start: ret
                """);
        assertThat(e.segments()).extracting(Executable.Segment::name).containsExactly(".text", ".data");
        assertThat(e.symbols()).contains(new Executable.Symbol("_start", 0x00401000, 0, ".text", true));
    }
}
