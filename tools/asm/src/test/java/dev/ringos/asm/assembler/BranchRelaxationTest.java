package dev.ringos.asm.assembler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BranchRelaxationTest {

    @Test
    void aShortBackwardLoopUsesRel8() {
        assertThat(Asm.code("""
                loop: dec ecx
                    jnz loop
                    jmp loop
                """)).isEqualTo("49 75 FD EB FB");
    }

    @Test
    void aForwardJumpToANearLabelShrinksToRel8() {
        assertThat(Asm.code("""
                    jmp done
                    je done
                    nop
                done:
                """)).isEqualTo("EB 03 74 01 90");
    }

    @Test
    void aFarForwardJumpUsesRel32() {
        assertThat(Asm.code("""
                    jmp far_away
                    jl far_away
                    times 200 nop
                far_away:
                """)).startsWith("E9 CE 00 00 00 0F 8C C8 00 00 00 90");
    }

    @Test
    void aJumpAt127BytesIsShortAndAt128IsLong() {
        assertThat(Asm.code("jmp a\ntimes 127 nop\na:")).startsWith("EB 7F");
        assertThat(Asm.code("jmp a\ntimes 128 nop\na:")).startsWith("E9 80 00 00 00");
    }

    @Test
    void shortAndNearKeywordsAreHonoured() {
        assertThat(Asm.code("l: jmp short l")).isEqualTo("EB FE");
        assertThat(Asm.code("l: jmp near l")).isEqualTo("E9 FB FF FF FF");
        assertThat(Asm.code("l: jz near l")).isEqualTo("0F 84 FA FF FF FF");
    }

    @Test
    void shrinkingOneBranchCanBringAnotherIntoRange() {
        // Each jump's target is near only once the other has shrunk: the passes must settle on both short.
        StringBuilder s = new StringBuilder("a: jmp b\n");
        s.append("times 60 nop\n");
        s.append("jmp a\n");
        s.append("times 60 nop\n");
        s.append("b: jmp a\n");
        byte[] code = Asm.text(s.toString());
        assertThat(code).hasSize(2 + 60 + 2 + 60 + 2);
    }

    @Test
    void placeholdersForValuesNotYetKnownDoNotMakeABranchLongForGood() {
        // On the first pass K is unknown, so the mov is assembled with a 32-bit displacement and
        // fwd looks out of reach; once K is known the mov shrinks and the jump is short after all.
        assertThat(Asm.code("""
                    jmp fwd
                    mov eax, [ebx+K]
                    times 122 nop
                fwd:
                K equ 4
                """)).startsWith("EB 7D 8B 43 04 90");
    }
}
