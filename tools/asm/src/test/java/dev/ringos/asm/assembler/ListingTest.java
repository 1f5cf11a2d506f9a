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
                     3 00401000 B804000000                  mov eax, 4
                     4 00401005 EBF9                        jmp _start
                     5                                  section .data
                     6 00402000 48656C6C6F2C20776F-     msg db "Hello, world, again!", 10
                     6 00402009 726C642C2061676169-
                     6 00402012 6E210A
                     7                                  section .bss
                     8 00403000 <res 40h>               buf resb 64
                """);
    }
}
