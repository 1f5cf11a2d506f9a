package dev.ringos.userland;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringos.kernel.servers.vfs.CpioEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root image the build made, and the builder that makes it. */
class RootImageTest {
    private static final Path ASM = Path.of("src/main/asm");
    private final Map<String, CpioEntry> image = RootImage.entries().stream()
            .collect(Collectors.toMap(CpioEntry::path, Function.identity()));

    @Test
    void theImageHoldsInitAsAnExecutableElfFile() {
        CpioEntry init = image.get("/sbin/init");
        assertThat(init).isNotNull();
        assertThat(init.mode()).isEqualTo(CpioEntry.S_IFREG | 0755);
        assertThat(Arrays.copyOf(init.data(), 4)).isEqualTo(new byte[] {0x7F, 'E', 'L', 'F'});
    }

    @Test
    void everyProgramInBinIsInTheImageAsAnExecutable() throws IOException {
        try (Stream<Path> sources = Files.list(ASM.resolve("bin"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".s")).toList()) {
                String name = source.getFileName().toString();
                String path = "/bin/" + name.substring(0, name.length() - 2);
                assertThat(image).as(path).containsKey(path);
                assertThat(image.get(path).mode()).as(path).isEqualTo(CpioEntry.S_IFREG | 0755);
            }
        }
    }

    @Test
    void theImageHasTheStandardDirectoriesWithLinuxsModes() {
        assertThat(image.get("/bin").mode()).isEqualTo(CpioEntry.S_IFDIR | 0755);
        assertThat(image.get("/sbin").mode()).isEqualTo(CpioEntry.S_IFDIR | 0755);
        assertThat(image.get("/etc").mode()).isEqualTo(CpioEntry.S_IFDIR | 0755);
        assertThat(image.get("/dev").mode()).isEqualTo(CpioEntry.S_IFDIR | 0755);
        assertThat(image.get("/proc").mode()).isEqualTo(CpioEntry.S_IFDIR | 0555);
        assertThat(image.get("/tmp").mode()).isEqualTo(CpioEntry.S_IFDIR | 01777);
        assertThat(image.get("/root").mode()).isEqualTo(CpioEntry.S_IFDIR | 0700);
        assertThat(image.get("/home").mode()).isEqualTo(CpioEntry.S_IFDIR | 0755);
    }

    @Test
    void theBuildIsTheSameBytesEveryTime(@TempDir Path scratch) throws Exception {
        byte[] first = RootImageBuilder.archive(RootImageBuilder.build(ASM, Path.of("src/main/image"), quiet()));
        byte[] second = RootImageBuilder.archive(RootImageBuilder.build(ASM, Path.of("src/main/image"), quiet()));
        assertThat(first).isEqualTo(second).isEqualTo(RootImage.archive());
    }

    @Test
    void imageFilesAreCopiedAsTheyAreAndKeepTheirExecutableBit(@TempDir Path scratch) throws Exception {
        Path files = scratch.resolve("image");
        Files.createDirectories(files.resolve("etc"));
        Files.writeString(files.resolve("etc/motd"), "welcome\n");
        Path script = Files.writeString(files.resolve("etc/rc"), "echo hi\n");
        script.toFile().setExecutable(true);
        List<CpioEntry> entries = RootImageBuilder.build(scratch.resolve("asm"), files, quiet());
        assertThat(entries).contains(
                new CpioEntry("/etc/motd", CpioEntry.S_IFREG | 0644, "welcome\n".getBytes(StandardCharsets.UTF_8)),
                new CpioEntry("/etc/rc", CpioEntry.S_IFREG | 0755, "echo hi\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(entries.stream().filter(e -> e.path().equals("/etc"))).hasSize(1);
    }

    @Test
    void everyErrorOfEveryProgramIsReportedWithItsPlaceAndTheBuildFails(@TempDir Path scratch) throws Exception {
        Path bin = Files.createDirectories(scratch.resolve("bin"));
        Files.createDirectories(scratch.resolve("lib"));
        Files.writeString(scratch.resolve("lib/lib.inc"), "EXIT equ 1\n");
        Files.writeString(bin.resolve("good.s"), "%include \"lib.inc\"\n_start:\n mov eax, EXIT\n int 0x80\n");
        Files.writeString(bin.resolve("bad.s"), "_start:\n  mov eax, nowhere\n  frobnicate eax\n");
        Files.writeString(bin.resolve("worse.s"), "%include \"missing.inc\"\n");
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        assertThatThrownBy(() -> RootImageBuilder.build(scratch, scratch.resolve("image"),
                new PrintStream(diagnostics, true, StandardCharsets.UTF_8)))
                .isInstanceOf(RootImageBuilder.BuildException.class)
                .hasMessageContaining("bad.s").hasMessageContaining("worse.s").hasMessageNotContaining("good.s");
        String text = diagnostics.toString(StandardCharsets.UTF_8);
        assertThat(text).contains(bin.resolve("bad.s") + ":2:12: error: ")
                .contains(bin.resolve("bad.s") + ":3:3: error: ")
                .contains(bin.resolve("worse.s") + ":1:");
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
