package dev.ringos.asm.assembler;

import dev.ringos.asm.Assembler;
import dev.ringos.asm.Diagnostics;
import dev.ringos.asm.SourceLine;
import dev.ringos.asm.elf.Executable;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: assemble a source text given inline, as if it were the file {@code test.s}. */
final class Asm {
    private Asm() {
    }

    static List<SourceLine> lines(String source) {
        List<SourceLine> lines = new ArrayList<>();
        String[] text = source.split("\n", -1);
        for (int i = 0; i < text.length; i++) {
            lines.add(new SourceLine(text[i], "test.s", i + 1));
        }
        return lines;
    }

    /** The executable; fails the test with the rendered diagnostics if there were errors. */
    static Executable ok(String source) {
        Diagnostics d = new Diagnostics();
        Executable e = Assembler.assemble(lines(source), d);
        if (e == null || d.hasErrors()) {
            throw new AssertionError("expected no errors, got:\n" + d.render());
        }
        return e;
    }

    /** The rendered diagnostics; fails the test if the source assembled. */
    static String errors(String source) {
        Diagnostics d = new Diagnostics();
        Executable e = Assembler.assemble(lines(source), d);
        if (e != null || !d.hasErrors()) {
            throw new AssertionError("expected errors, but it assembled");
        }
        return d.render();
    }

    /** The bytes of .text. */
    static byte[] text(String source) {
        return ok(source).segments().get(0).data();
    }

    static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(String.format("%02X", b & 0xFF));
        }
        return s.toString();
    }

    /** The hex of .text for these instructions. */
    static String code(String source) {
        return hex(text(source));
    }
}
