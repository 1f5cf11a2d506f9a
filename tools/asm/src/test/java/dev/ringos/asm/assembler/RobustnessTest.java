package dev.ringos.asm.assembler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Inputs meant to hurt: the assembler answers with an error, not a crash or an exhausted heap. */
class RobustnessTest {
    @Test
    void deeplyNestedExpressionsAreAnErrorNotACrash() {
        String deep = "dd " + "(".repeat(5000) + "1" + ")".repeat(5000);
        assertThat(Asm.errors(deep)).contains("test.s:1:");
        assertThat(Asm.errors("dd " + "-".repeat(5000) + "1")).contains("test.s:1:");
        assertThat(Asm.errors("dd 1" + "+1".repeat(100_000))).contains("more than 1000 operators");
    }

    @Test
    void absurdSizesAreRefusedWithoutExhaustingMemory() {
        assertThat(Asm.errors("resb 0xFFFFFFFF")).contains("too large");
        assertThat(Asm.errors("times 0xFFFFFF dd 0, 0, 0, 0, 0")).contains("64 MiB");
        assertThat(Asm.errors("times 20000000 jmp $")).contains("too many instructions");
        assertThat(Asm.errors("times 1000 times 1000 nop")).contains("'times' repeats one instruction");
    }
}
