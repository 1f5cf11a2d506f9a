package dev.ringos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.elf.ElfWriter;
import dev.ringos.kernel.Kernel;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.vfs.CpioEntry;
import dev.ringos.kernel.servers.vfs.tty.TerminalConsole;
import dev.ringos.userland.RootImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tab completion from the guest's files, with the system booted to the stand-in shell's prompt. */
class GuestCompleterTest {
    private static GuestCompleter completer;

    @BeforeAll
    static void bootToThePrompt() throws Exception {
        List<CpioEntry> image = RootImage.entries();
        image.add(new CpioEntry("/bin/sh", CpioEntry.S_IFREG | 0755, ElfWriter.write(Programs.assemble(
                Path.of("../../userland/src/test/asm/standin-sh.s"), List.of(), new PrintWriter(new StringWriter())))));
        image.add(new CpioEntry("/etc/motd", CpioEntry.S_IFREG | 0644, new byte[0]));
        image.add(new CpioEntry("/home/link", CpioEntry.S_IFLNK | 0777, "/etc".getBytes()));
        Kernel kernel = new Kernel(KernelConfig.defaults(), image, new TerminalConsole(), line -> { });
        assertThat(kernel.boot(List.of(), Map.of(), false)).isZero();
        assertThat(kernel.run(500_000_000L)).isEqualTo(RunResult.WAITING_FOR_INPUT);
        completer = new GuestCompleter(new GuestFiles(kernel));
    }

    private static List<String> complete(String line) {
        Parser parser = new DefaultParser();
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parser.parse(line, line.length(), Parser.ParseContext.COMPLETE), candidates);
        return candidates.stream().map(c -> c.value() + (c.complete() ? " " : "")).sorted().toList();
    }

    @Test
    void theFirstWordIsACommandFromThePathDirectories() {
        assertThat(complete("sh")).containsExactly("sh ");
        assertThat(complete("in")).containsExactly("init ");
        assertThat(complete("sl")).containsExactly("sleep ");
        assertThat(complete("x")).isEmpty();
    }

    @Test
    void otherWordsAreFileNamesAndDirectoriesStayOpen() {
        assertThat(complete("echo /t")).containsExactly("/tmp/");
        assertThat(complete("echo /etc/m")).containsExactly("/etc/motd ");
        assertThat(complete("echo b")).containsExactly("bin/");
    }

    @Test
    void namesAreFoundAcrossMountsDotDotAndSymbolicLinks() {
        assertThat(complete("cat /dev/nu")).containsExactly("/dev/null ");
        assertThat(complete("cat /proc/../sb")).containsExactly("/proc/../sbin/");
        assertThat(complete("cat /home/link/mo")).containsExactly("/home/link/motd ");
        assertThat(complete("cat /home/li")).containsExactly("/home/link/");
    }

    @Test
    void dotFilesOnlyWhenAsked() {
        assertThat(complete("ls /")).doesNotContain("/./", "/../").contains("/proc/", "/tmp/");
        assertThat(complete("ls /.")).isEmpty();
    }
}
