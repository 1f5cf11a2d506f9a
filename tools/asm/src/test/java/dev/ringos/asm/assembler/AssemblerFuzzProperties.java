package dev.ringos.asm.assembler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.Assembler;
import dev.ringos.asm.Diagnostics;
import dev.ringos.asm.Preprocessor;
import dev.ringos.asm.SourceLine;
import dev.ringos.asm.elf.Executable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The assembler's promise, fuzzed: whatever the source, it gives a program or errors in the
 * {@code file:line:col: error:} form, never an exception and never an internal error. Sources go
 * through the preprocessor, then the assembler. Inputs are lines of random tokens (instructions,
 * registers, directives, preprocessor directives, operators, numbers, strings) and
 * the example programs with a few characters deleted, inserted or replaced. 10,000 tries each.
 */
class AssemblerFuzzProperties {
    private static final List<String> WORDS = List.of("mov", "add", "sub", "cmp", "jmp", "jnz", "je", "call", "ret",
            "push", "pop", "lea", "int", "in", "out", "imul", "shl", "xchg", "movzx", "rep", "movsb", "stosd", "nop",
            "db", "dw", "dd", "resb", "resd", "times", "align", "equ", "section", "segment", ".text", ".data",
            ".bss", ".rodata", "global", "bits", "eax", "ebx", "ecx", "esp", "ebp", "al", "ah", "ax", "dx", "cl",
            "cr0", "cr3", "cs", "byte", "word", "dword", "short", "near", "[", "]", "+", "-", "*", "/", "%", "<<",
            ">>", "(", ")", ",", ":", "~", "|", "&", "^", "$", "$$", "0", "1", "-1", "0x10", "1Fh", "0b101", "300",
            "0xFFFFFFFF", "4294967296", "'x'", "'ab'", "`\\n`", "\"str\"", "'", "label", "label:", ".loop",
            ".loop:", "_start", "_start:", ";", "x equ", "8", "%define", "%undef", "%macro", "%endmacro", "m", "2",
            "%1", "%2", "%0", "%%x", "%%x:", "%ifdef", "%ifndef", "%else", "%endif", "%include", "\"nope.inc\"",
            "%bogus", "{", "}");

    private static final List<String> PROGRAMS = programs();

    @Property(tries = 10_000)
    void randomTokenLinesAssembleOrReportErrors(@ForAll("tokenSoup") String source) {
        assertAssembledOrReported(source);
    }

    @Property(tries = 10_000)
    void mutatedExamplesAssembleOrReportErrors(@ForAll("mutatedPrograms") String source) {
        assertAssembledOrReported(source);
    }

    private static void assertAssembledOrReported(String source) {
        Diagnostics d = new Diagnostics();
        List<SourceLine> lines = Preprocessor.preprocess(Asm.lines(source), null, List.of(), d);
        boolean preprocessed = !d.hasErrors();
        Executable e = Assembler.assemble(lines, d);
        assertThat(d.render()).doesNotContain("internal preprocessor error");
        if (!preprocessed) {
            e = null;
        }
        String errors = d.render();
        assertThat(errors).doesNotContain("internal assembler error");
        if (e == null) {
            assertThat(d.hasErrors()).isTrue();
            assertThat(errors).startsWith("test.s:").contains(": error: ");
            Statistics.collect("errors");
        } else {
            assertThat(d.hasErrors()).isFalse();
            Statistics.collect("assembled");
        }
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        Arbitrary<String> line = Arbitraries.of(WORDS).list().ofMaxSize(8).map(words -> String.join(" ", words));
        return line.list().ofMinSize(1).ofMaxSize(8).map(lines -> String.join("\n", lines));
    }

    @Provide
    Arbitrary<String> mutatedPrograms() {
        Arbitrary<String> program = Arbitraries.of(PROGRAMS);
        Arbitrary<List<int[]>> edits = Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(32, 126))
                .as((kind, at, c) -> new int[] {kind, at, c}).list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(program, edits).as(AssemblerFuzzProperties::mutate);
    }

    private static String mutate(String program, List<int[]> edits) {
        StringBuilder s = new StringBuilder(program);
        for (int[] edit : edits) {
            if (s.length() == 0) {
                break;
            }
            int at = edit[1] % s.length();
            switch (edit[0]) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, (char) edit[2]);
                default -> s.setCharAt(at, (char) edit[2]);
            }
        }
        return s.toString();
    }

    /** The example programs of the repository (examples/*.s), and hello world. */
    private static List<String> programs() {
        List<String> programs = new ArrayList<>();
        programs.add(HelloWorldTest.HELLO);
        Path examples = Path.of("../../examples");
        if (Files.isDirectory(examples)) {
            try (Stream<Path> files = Files.list(examples)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".s")).sorted().toList()) {
                    programs.add(Files.readString(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return programs;
    }
}
