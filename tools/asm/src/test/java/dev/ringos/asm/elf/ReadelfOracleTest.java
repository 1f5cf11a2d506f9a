package dev.ringos.asm.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GNU readelf is the oracle: it must read our output without a complaint and see in it what we
 * meant to write. Skipped where readelf is not installed; the byte-for-byte comparison with the
 * committed sample (SampleElfTest) still notices any change of layout there.
 */
class ReadelfOracleTest {

    @TempDir
    Path directory;

    record Run(int exitCode, String stdout, String stderr) {
    }

    @Test
    void readelfReadsTheSampleWithoutWarningsAndSeesItsSegmentsEntryAndSymbols() throws Exception {
        Assumptions.assumeTrue(readelfIsOnThePath(), "readelf is not on the PATH");
        Path file = directory.resolve("sample");
        Files.write(file, ElfWriter.write(SampleExecutables.sample()));

        Run run = readelf(file);

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout().lines()).noneMatch(line -> line.contains("Warning"));
        assertThat(run.stdout())
                .contains("Class:                             ELF32")
                .contains("Data:                              2's complement, little endian")
                .contains("OS/ABI:                            UNIX - System V")
                .contains("Type:                              EXEC (Executable file)")
                .contains("Machine:                           <unknown>: 0x4952")
                .contains("Entry point address:               0x8049000");
        assertThat(loadLines(run.stdout())).satisfiesExactly(
                text -> assertThat(text).contains("0x08049000").endsWith("R E 0x1000"),
                rodata -> assertThat(rodata).contains("0x0804a000").endsWith("R   0x1000"),
                data -> assertThat(data).contains("0x0804b000").endsWith("RW  0x1000"),
                bss -> assertThat(bss).contains("0x0804c000 0x00000 0x00100 RW  0x1000"));
        assertThat(run.stdout())
                .containsPattern("\\.text +PROGBITS +08049000 \\S+ 00001d 00 +AX")
                .containsPattern("\\.rodata +PROGBITS +0804a000 \\S+ 000006 00 +A ")
                .containsPattern("\\.data +PROGBITS +0804b000 \\S+ 000008 00 +WA")
                .containsPattern("\\.bss +NOBITS +0804c000 \\S+ 000100 00 +WA")
                .containsPattern("\\.symtab +SYMTAB")
                .containsPattern("\\.strtab +STRTAB")
                .containsPattern("\\.shstrtab +STRTAB");
        assertThat(run.stdout())
                .containsPattern("08049016 +0 NOTYPE +LOCAL +DEFAULT +1 write")
                .containsPattern("0804a000 +6 NOTYPE +LOCAL +DEFAULT +2 msg")
                .containsPattern("00000006 +0 NOTYPE +LOCAL +DEFAULT +ABS LEN")
                .containsPattern("0804c000 +256 NOTYPE +LOCAL +DEFAULT +4 buffer")
                .containsPattern("08049000 +0 NOTYPE +GLOBAL +DEFAULT +1 _start")
                .containsPattern("0804b004 +4 NOTYPE +GLOBAL +DEFAULT +3 limit")
                .containsPattern("00000003 +0 NOTYPE +GLOBAL +DEFAULT +ABS VERSION");
    }

    /** readelf's layout changes between binutils versions: compared only with the recorded one. */
    @Test
    void readelfPrintsForTheSampleWhatTheCommittedOracleRecords() throws Exception {
        Assumptions.assumeTrue(readelfIsOnThePath(), "readelf is not on the PATH");
        String recorded = SampleElfTest.resource("oracle/readelf-version.txt", StandardCharsets.UTF_8).strip();
        Assumptions.assumeTrue(readelfVersion().equals(recorded), "the oracle was recorded with " + recorded);
        Path file = directory.resolve("sample.elf");
        Files.write(file, ElfWriter.write(SampleExecutables.sample()));

        Run run = readelf(file);

        assertThat(run.stdout()).isEqualTo(SampleElfTest.resource("oracle/readelf-sample.txt", StandardCharsets.UTF_8));
    }

    private static List<String> loadLines(String readelfOutput) {
        return readelfOutput.lines().map(String::strip).filter(line -> line.startsWith("LOAD")).toList();
    }

    static boolean readelfIsOnThePath() {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "readelf")));
    }

    private String readelfVersion() throws IOException, InterruptedException {
        Path out = directory.resolve("version");
        Process process = new ProcessBuilder("readelf", "--version").redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("readelf --version finished").isTrue();
        return Files.readString(out).lines().findFirst().orElse("").strip();
    }

    static Run readelf(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("readelf", "-h", "-l", "-S", "-s", "-W", file.getFileName().toString())
                .directory(file.getParent().toFile())
                .redirectOutput(file.resolveSibling("stdout").toFile())
                .redirectError(file.resolveSibling("stderr").toFile())
                .start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("readelf finished").isTrue();
        return new Run(process.exitValue(), Files.readString(file.resolveSibling("stdout")),
                Files.readString(file.resolveSibling("stderr")));
    }
}
