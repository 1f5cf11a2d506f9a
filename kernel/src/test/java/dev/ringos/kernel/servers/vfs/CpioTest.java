package dev.ringos.kernel.servers.vfs;

import static dev.ringos.kernel.servers.vfs.CpioEntry.S_IFDIR;
import static dev.ringos.kernel.servers.vfs.CpioEntry.S_IFLNK;
import static dev.ringos.kernel.servers.vfs.CpioEntry.S_IFREG;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpioTest {
    private static byte[] text(String s) {
        return s.getBytes(UTF_8);
    }

    private static byte[] sample() {
        return new Cpio.Writer()
                .directory("/bin", 0755)
                .add("/bin/hello", 0755, text("#!/bin/sh\necho hi\n"))
                .symlink("/bin/sh", "hello")
                .directory("/etc", 0755)
                .add("/etc/three", S_IFREG | 0644, text("abc"))
                .add("/etc/empty", 0600, new byte[0])
                .toBytes();
    }

    @Test
    void roundTrip() throws CpioFormatException {
        assertThat(Cpio.read(sample())).containsExactly(
                new CpioEntry("/bin", S_IFDIR | 0755, new byte[0]),
                new CpioEntry("/bin/hello", S_IFREG | 0755, text("#!/bin/sh\necho hi\n")),
                new CpioEntry("/bin/sh", S_IFLNK | 0777, text("hello")),
                new CpioEntry("/etc", S_IFDIR | 0755, new byte[0]),
                new CpioEntry("/etc/three", S_IFREG | 0644, text("abc")),
                new CpioEntry("/etc/empty", S_IFREG | 0600, new byte[0]));
        assertThat(Cpio.read(new Cpio.Writer().toBytes())).isEmpty();
    }

    @Test
    void writerIsDeterministicAndFillsTheHeaderAsDocumented() {
        byte[] archive = sample();
        assertThat(archive).isEqualTo(sample());
        assertThat(archive.length % 4).isZero();
        String first = new String(archive, 0, 110 + 4, US_ASCII);
        // magic, ino 1, mode 040755, uid 0, gid 0, nlink 2, mtime 0, filesize 0, dev/rdev 0, namesize 4, check 0
        assertThat(first).isEqualTo("070701" + "00000001" + "000041ED" + "00000000" + "00000000" + "00000002"
                + "00000000" + "00000000" + "00000000" + "00000000" + "00000000" + "00000000" + "00000004"
                + "00000000" + "bin\0");
        String second = new String(archive, 116, 110, US_ASCII);
        assertThat(second.substring(6, 14)).isEqualTo("00000002"); // ino
        assertThat(second.substring(38, 46)).isEqualTo("00000001"); // nlink
        String end = new String(archive, archive.length - 124, 124, US_ASCII);
        assertThat(end).startsWith("07070100000000").contains("TRAILER!!!\0");
    }

    @Test
    void readsAnArchiveWrittenByGnuCpio() throws IOException, CpioFormatException {
        byte[] archive;
        try (InputStream in = CpioTest.class.getResourceAsStream("/cpio/host-newc.cpio")) {
            archive = in.readAllBytes();
        }
        List<CpioEntry> entries = Cpio.read(archive);
        assertThat(entries).extracting(CpioEntry::path).containsExactly("/", "/bin", "/bin/hello", "/bin/sh", "/empty",
                "/etc", "/etc/caf\u00e9", "/etc/empty-file", "/etc/init.d", "/etc/init.d/rcS", "/etc/passwd", "/etc/three");
        assertThat(entries.get(0).mode()).isEqualTo(S_IFDIR | 0755);
        assertThat(entries.get(2)).isEqualTo(new CpioEntry("/bin/hello", S_IFREG | 0755, text("#!/bin/sh\necho hi\n")));
        assertThat(entries.get(3)).isEqualTo(new CpioEntry("/bin/sh", S_IFLNK | 0777, text("hello")));
        assertThat(entries.get(3).isSymlink()).isTrue();
        assertThat(entries.get(6).data()).isEqualTo(text("caf\u00e9"));
        assertThat(entries.get(7).data()).isEmpty();
        assertThat(entries.get(9).data()).isEqualTo(text("../bin/hello"));
        assertThat(entries.get(10)).isEqualTo(new CpioEntry("/etc/passwd", S_IFREG | 0644, text("root:x:0:0::/root:/bin/sh\n")));
        assertThat(entries.get(11).data()).isEqualTo(text("abc"));
    }

    @Test
    void gnuCpioAcceptsOurArchive(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/cpio")) || Files.isExecutable(Path.of("/bin/cpio")),
                "cpio is not installed");
        Path archive = dir.resolve("out.cpio");
        Files.write(archive, sample());
        assertThat(run(dir, archive, "cpio", "-t")).isEqualTo("bin\nbin/hello\nbin/sh\netc\netc/three\netc/empty\n");
        Path tree = Files.createDirectory(dir.resolve("tree"));
        run(tree, archive, "cpio", "-i", "-d", "--quiet");
        assertThat(Files.readString(tree.resolve("bin/hello"))).isEqualTo("#!/bin/sh\necho hi\n");
        assertThat(Files.readSymbolicLink(tree.resolve("bin/sh"))).isEqualTo(Path.of("hello"));
        assertThat(Files.size(tree.resolve("etc/empty"))).isZero();
    }

    /** Runs a command in dir with the file as stdin; returns stdout, failing on a non-zero exit. */
    private static String run(Path dir, Path stdin, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectInput(stdin.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
        return out;
    }

    /** A newc member written by hand, so names can be spelled any way (the Writer normalises them). */
    private static void member(ByteArrayOutputStream out, String name, int mode, byte[] data) {
        byte[] nameBytes = text(name);
        out.writeBytes(String.format("070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X", 7, mode, 0, 0, 1, 0,
                data.length, 0, 0, 0, 0, nameBytes.length + 1, 0).getBytes(US_ASCII));
        out.writeBytes(nameBytes);
        out.write(0);
        while (out.size() % 4 != 0) {
            out.write(0);
        }
        out.writeBytes(data);
        while (out.size() % 4 != 0) {
            out.write(0);
        }
    }

    private static byte[] archive(String... names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : names) {
            member(out, name, S_IFREG | 0644, text("x"));
        }
        member(out, "TRAILER!!!", 0, new byte[0]);
        return out.toByteArray();
    }

    @Test
    void namesAreMadeAbsolute() throws CpioFormatException {
        assertThat(Cpio.read(archive("./bin/sh", "bin/sh", "/bin/sh", "bin//sh/", "./bin/./sh", ".", "./")))
                .extracting(CpioEntry::path)
                .containsExactly("/bin/sh", "/bin/sh", "/bin/sh", "/bin/sh", "/bin/sh", "/", "/");
        // lower-case hex is as good as GNU cpio's upper case
        byte[] lower = new String(archive("a"), US_ASCII).replace("000081A4", "000081a4").getBytes(US_ASCII);
        assertThat(Cpio.read(lower).get(0).mode()).isEqualTo(S_IFREG | 0644);
    }

    @Test
    void bytesAfterTheTrailerAreIgnored() throws CpioFormatException {
        byte[] archive = Arrays.copyOf(sample(), sample().length + 512); // GNU cpio pads to 512-byte blocks
        assertThat(Cpio.read(archive)).hasSize(6);
    }

    @Test
    void malformedArchivesSayWhatAndWhere() {
        byte[] good = sample();
        assertThatThrownBy(() -> Cpio.read(new byte[0])).isInstanceOf(CpioFormatException.class)
                .hasMessageContaining("truncated header at offset 0");
        byte[] odc = good.clone();
        odc[5] = '7';
        assertThatThrownBy(() -> Cpio.read(odc)).hasMessage("bad magic \"070707\" at offset 0, expected 070701 (newc)");
        byte[] badHex = good.clone();
        badHex[116 + 6 + 8 * 6 + 3] = 'g'; // filesize of the second member
        assertThatThrownBy(() -> Cpio.read(badHex)).hasMessage(
                "bad hex digit in filesize of the entry at offset 116: \"000g0012\" at offset 170");
        byte[] noNul = good.clone();
        noNul[110 + 3] = 'x';
        assertThatThrownBy(() -> Cpio.read(noNul))
                .hasMessage("name of the entry at offset 0 is not NUL-terminated at offset 113");
        assertThatThrownBy(() -> Cpio.read(Arrays.copyOf(good, 250)))
                .hasMessage("data of \"bin/hello\" (entry at offset 116, 18 bytes from offset 236) runs past the end"
                        + " of the archive (250 bytes)");
        byte[] noTrailer = Arrays.copyOf(good, good.length - 124);
        assertThatThrownBy(() -> Cpio.read(noTrailer)).hasMessageContaining("truncated header at offset " + noTrailer.length)
                .hasMessageContaining("TRAILER!!!");
        assertThatThrownBy(() -> Cpio.read(archive("a/../../etc/passwd")))
                .hasMessage("name \"a/../../etc/passwd\" of the entry at offset 0 goes up with \"..\"");
        byte[] hugeName = new String(archive("a"), US_ASCII).replace("000000020", "FFFFFFFF0").getBytes(US_ASCII);
        assertThatThrownBy(() -> Cpio.read(hugeName)).hasMessageContaining("namesize 4294967295 of the entry at offset 0");
    }

    @Test
    void writerRefusesPathsThatGoUp() {
        assertThatThrownBy(() -> new Cpio.Writer().add("/../x", 0644, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
