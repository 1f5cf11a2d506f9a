package dev.ringos.asm.disasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ringos.asm.Disassembler;
import dev.ringos.cpu.Decoder;
import dev.ringos.cpu.Insn;
import dev.ringos.cpu.isa.OperandType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NASM itself as the reader of our text, when it is installed (skipped otherwise): the listing
 * is NASM source, so NASM must assemble it to the bytes it came from.
 *
 * <p>Two things NASM does on its own are left out: it makes a branch to a plain number near even
 * when short would reach (it shortens only branches to labels), and it turns a lone index
 * scaled by 1 or 2 into a base ({@code [reg*1]} is {@code [reg]}, {@code [reg*2]} is {@code [reg+reg]}). And for {@code xchg} between two registers NASM puts the
 * first in the ModRM reg field where ringos's Encoder puts the second: the same instruction, other bytes.
 */
class NasmOracleTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void nasmMustBeInstalled() {
        assumeTrue(nasmRuns(), "nasm is not installed");
    }

    @Test
    void nasmAssemblesEveryRowsTextToTheSameBytes() throws IOException, InterruptedException {
        List<String> texts = new ArrayList<>();
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        for (OracleRows row : OracleRows.all()) {
            Insn in = decode(row.bytes());
            if (in.form.operands().contains(OperandType.REL8)) {
                continue;
            }
            // Relative branches are re-read at the address they now have in the one file.
            texts.add(Disassembler.formatInstruction(in, want.size()));
            want.writeBytes(row.bytes());
        }
        assertThat(hex(nasm(texts))).isEqualTo(hex(want.toByteArray()));
    }

    @Test
    void nasmAssemblesTheTextOfRandomInstructionsAsRingosEncodesIt() throws IOException, InterruptedException {
        Random random = new Random(20261122);
        List<String> texts = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        while (texts.size() < 3000) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            Insn in = decode(bytes);
            if (!in.isDefined() || in.form.operands().contains(OperandType.REL8) || nasmHasItsOwnWay(in)) {
                continue;
            }
            String text = Disassembler.formatInstruction(in, want.size());
            offsets.add(want.size());
            texts.add(text);
            want.writeBytes(NasmText.assemble(text, want.size()));
        }
        byte[] got = nasm(texts);
        int at = Arrays.mismatch(got, want.toByteArray());
        int line = Math.max(0, -Collections.binarySearch(offsets, at) - 2);
        assertThat(at).as("first difference at offset %d, in or after '%s'", at,
                at < 0 ? "" : texts.get(Math.min(line, texts.size() - 1))).isEqualTo(-1);
    }

    /** See the class comment: a lone index scaled by 1 or 2, and xchg between two registers. */
    private static boolean nasmHasItsOwnWay(Insn in) {
        boolean memory = in.dstKind == Insn.MEM || in.srcKind == Insn.MEM;
        boolean loneSmallIndex = memory && in.base == 8 && in.index != 8 && in.scale <= 1;
        boolean registerExchange = in.form.mnemonic().equals("xchg") && !memory;
        return loneSmallIndex || registerExchange;
    }

    private static Insn decode(byte[] bytes) {
        Insn in = new Insn();
        Decoder.decode(i -> i < bytes.length ? bytes[i] & 0xFF : 0, in);
        return in;
    }

    private static byte[] nasm(List<String> lines) throws IOException, InterruptedException {
        Path source = dir.resolve("listing.s");
        Path output = dir.resolve("listing.bin");
        List<String> all = new ArrayList<>(List.of("bits 32", "org 0"));
        all.addAll(lines);
        Files.write(source, all);
        Process p = new ProcessBuilder("nasm", "-f", "bin", "-o", output.toString(), source.toString())
                .redirectErrorStream(true).start();
        String messages = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("nasm says: %s", messages).isZero();
        return Files.readAllBytes(output);
    }

    private static boolean nasmRuns() {
        try {
            Process p = new ProcessBuilder("nasm", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }
}
