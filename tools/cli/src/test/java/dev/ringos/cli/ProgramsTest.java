package dev.ringos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.elf.Executable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files are assembled and what a program is called. */
class ProgramsTest {
    @Test
    void dotSAndDotAsmAreSourceAndLoseTheirExtension() {
        assertThat(Programs.isSource(Path.of("dir/hello.s"))).isTrue();
        assertThat(Programs.isSource(Path.of("prog.asm"))).isTrue();
        assertThat(Programs.isSource(Path.of("a.out"))).isFalse();
        assertThat(Programs.baseName(Path.of("dir/hello.s"))).isEqualTo("hello");
        assertThat(Programs.baseName(Path.of("x.y.asm"))).isEqualTo("x.y");
        assertThat(Programs.baseName(Path.of("prog"))).isEqualTo("prog");
    }

    @Test
    void anAsmFileIsAssembledLikeADotSFile(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("exit.asm");
        Files.writeString(source, "global _start\n_start: mov eax, 1\n xor ebx, ebx\n int 0x80\n");
        Executable exe = Programs.load(source, List.of(), new PrintWriter(new StringWriter()));
        assertThat(exe.entry()).isNotZero();
    }
}
