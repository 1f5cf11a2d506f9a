package dev.ringos.asm.assembler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.Assembler;
import dev.ringos.asm.Diagnostics;
import org.junit.jupiter.api.Test;

class ListingTest {

    @Test
    void theListingShowsLineNumberAddressBytesAndSourceLikeNasm() {
        Assembler.Assembly a = Assembler.assembleWithListing(Asm.lines("""
                section .text
                _start:
                    mov eax, 4
                    jmp _start
                section .data
                msg db "Hello, world, again!", 10
                section .bss
                buf resb 64"""), new Diagnostics());
        assertThat(a.listing().render()).isEqualTo("""
                     1                                  section .text
                     2                                  _start:
                     3 08049000 B804000000                  mov eax, 4
                     4 08049005 EBF9                        jmp _start
                     5                                  section .data
                     6 0804A000 48656C6C6F2C20776F-     msg db "Hello, world, again!", 10
                     6 0804A009 726C642C2061676169-
                     6 0804A012 6E210A
                     7                                  section .bss
                     8 0804B000 <res 40h>               buf resb 64
                """);
    }
}
