package dev.ringos.asm.assembler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.Assembler;
import dev.ringos.asm.Diagnostics;
import dev.ringos.asm.elf.Executable;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever the input, the assembler gives a program or file:line:col errors, never an exception. */
class RobustnessTest {
    private static final String[] WORDS = {"mov", "add", "jmp", "jnz", "call", "ret", "db", "dw", "dd", "resb",
        "times", "align", "equ", "section", ".text", ".data", ".bss", "global", "eax", "al", "ax", "esp", "cr0",
        "cs", "byte", "dword", "short", "near", "[", "]", "+", "-", "*", "/", "%", "<<", ">>", "(", ")", ",", ":",
        "'x'", "`\\n`", "\"", "$", "$$", "0x10", "1Fh", "0b1", "300", "-1", "label", ".loop", "label:", "~", "|",
        "&", "^", "rep", "movsb", "int", "0x80", "lea", "push", "pop", "in", "out", "dx", "4294967296", "0"};

    @Test
    void randomTokenSoupNeverThrows() {
        Random random = new Random(42);
        for (int n = 0; n < 3000; n++) {
            StringBuilder source = new StringBuilder();
            int lines = 1 + random.nextInt(6);
            for (int l = 0; l < lines; l++) {
                int words = random.nextInt(7);
                for (int w = 0; w < words; w++) {
                    source.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                source.append('\n');
            }
            check(source.toString());
        }
    }

    @Test
    void randomMutationsOfAProgramNeverThrow() {
        Random random = new Random(7);
        String program = HelloWorldTest.HELLO;
        for (int n = 0; n < 3000; n++) {
            StringBuilder s = new StringBuilder(program);
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, "[]$,:'`\"+-*~x9.%;"
                            .charAt(random.nextInt(17)));
                    default -> s.setCharAt(at, (char) (32 + random.nextInt(95)));
                }
            }
            check(s.toString());
        }
    }

    @Test
    void deeplyNestedExpressionsAreAnErrorNotACrash() {
        String deep = "dd " + "(".repeat(5000) + "1" + ")".repeat(5000);
        assertThat(Asm.errors(deep)).contains("test.s:1:");
        assertThat(Asm.errors("dd " + "-".repeat(5000) + "1")).contains("test.s:1:");
    }

    @Test
    void absurdSizesAreRefusedWithoutExhaustingMemory() {
        assertThat(Asm.errors("resb 0xFFFFFFFF")).contains("too large");
        assertThat(Asm.errors("times 0xFFFFFF dd 0, 0, 0, 0, 0")).contains("64 MiB");
    }

    private static void check(String source) {
        Diagnostics d = new Diagnostics();
        Executable e = Assembler.assemble(Asm.lines(source), d);
        if (e == null) {
            assertThat(d.hasErrors()).as("no program and no error for:\n%s", source).isTrue();
            assertThat(d.render()).doesNotContain("internal assembler error").startsWith("test.s:");
        }
    }
}
