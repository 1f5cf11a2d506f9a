package dev.ringos.asm.assembler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NASM as the oracle, when it is installed (skipped otherwise): the same source, assembled by
 * NASM ({@code -f bin} at the address of .text) and by ringos, gives the same bytes. The corpus
 * leaves out the two places where the Encoder picks a different encoding of equal length than
 * NASM: {@code add ax, 5} (66 05 iw where NASM takes 66 83 /0 ib) and {@code [ecx*2+x]} (an
 * index where NASM makes {@code [ecx+ecx+x]}).
 */
class NasmDifferentialTest {
    @TempDir
    Path dir;

    @Test
    void nasmAndRingosAssembleTheCorpusToTheSameBytes() throws Exception {
        assumeTrue(nasmRuns(), "nasm is not installed");
        String corpus;
        try (InputStream in = getClass().getResourceAsStream("nasm-corpus.s")) {
            corpus = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path source = dir.resolve("corpus.s");
        Path output = dir.resolve("corpus.bin");
        Files.writeString(source, "org 0x00401000\n" + corpus);
        Process nasm = new ProcessBuilder("nasm", "-f", "bin", source.toString(), "-o", output.toString())
                .redirectErrorStream(true).start();
        String messages = new String(nasm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(nasm.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(nasm.exitValue()).as(messages).isZero();
        assertThat(Asm.code(corpus)).isEqualTo(Asm.hex(Files.readAllBytes(output)));
    }

    private static boolean nasmRuns() {
        try {
            Process p = new ProcessBuilder("nasm", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
