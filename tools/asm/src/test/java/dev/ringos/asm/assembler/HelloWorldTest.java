package dev.ringos.asm.assembler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.elf.Executable;
import dev.ringos.asm.elf.Executable.Segment;
import org.junit.jupiter.api.Test;

class HelloWorldTest {
    static final String HELLO = """
            ; hello.s: write a greeting, exit with status 0
            section .text
            global _start
            _start:
                mov eax, 4          ; write
                mov ebx, 1          ; stdout
                mov ecx, msg
                mov edx, len
                int 0x80
                mov eax, 1          ; exit
                xor ebx, ebx
                int 0x80

            section .rodata
            msg db 'Hello, world!', 10
            len equ $ - msg
            """;

    @Test
    void helloWorldAssemblesToTheBytesNasmProduces() {
        Executable e = Asm.ok(HELLO);
        Segment text = e.segments().get(0);
        assertThat(text.name()).isEqualTo(".text");
        assertThat(text.address()).isEqualTo(0x00401000);
        assertThat(text.flags()).isEqualTo(Executable.R | Executable.X);
        assertThat(Asm.hex(text.data())).isEqualTo(
                "B8 04 00 00 00 BB 01 00 00 00 B9 00 20 40 00 BA 0E 00 00 00 CD 80 B8 01 00 00 00 31 DB CD 80");
    }

    @Test
    void rodataFollowsTextOnTheNextPage() {
        Segment rodata = Asm.ok(HELLO).segments().get(1);
        assertThat(rodata.name()).isEqualTo(".rodata");
        assertThat(rodata.address()).isEqualTo(0x00402000);
        assertThat(rodata.flags()).isEqualTo(Executable.R);
        assertThat(new String(rodata.data())).isEqualTo("Hello, world!\n");
    }

    @Test
    void theEntryIsStartAndItsSymbolIsGlobal() {
        Executable e = Asm.ok(HELLO);
        assertThat(e.entry()).isEqualTo(0x00401000);
        assertThat(e.symbols()).contains(new Executable.Symbol("_start", 0x00401000, 0, ".text", true),
                new Executable.Symbol("msg", 0x00402000, 0, ".rodata", false),
                new Executable.Symbol("len", 14, 0, null, false));
    }

    @Test
    void withoutStartTheEntryIsTheStartOfText() {
        assertThat(Asm.ok("nop\nmain: hlt").entry()).isEqualTo(0x00401000);
    }
}
