package dev.ringos.kernel.syscall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ringos.kernel.Kernel;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.servers.vfs.HostConsole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/syscalls.md} is generated from the syscall table by {@link SyscallDoc}, and this
 * test keeps the committed file equal to what the table says. After adding or changing a row,
 * regenerate it from the repository root:
 * <pre>
 * mvn -q -B -o test -pl kernel -Dtest=SyscallDocTest -Dringos.updateDocs=true
 * </pre>
 */
class SyscallDocTest {
    private static final String DOC = "docs/syscalls.md";

    @Test
    void theCommittedSyscallReferenceIsWhatTheSyscallTableRendersTo() throws IOException {
        Path doc = repositoryRoot().resolve(DOC);
        String rendered = SyscallDoc.render();
        if (Boolean.getBoolean("ringos.updateDocs")) {
            Files.writeString(doc, rendered, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(doc)) {
            fail(DOC + " does not exist; generate it from the repository root with: " + SyscallDoc.REGENERATE);
        }
        String committed = Files.readString(doc, StandardCharsets.UTF_8);
        if (!committed.equals(rendered)) {
            fail(DOC + " is stale (" + firstDifference(committed, rendered) + "); regenerate it from the "
                    + "repository root with: " + SyscallDoc.REGENERATE);
        }
    }

    @Test
    void everyRowOfTheTableAppearsWithItsNumberSupportAndNote() {
        String doc = SyscallDoc.render();
        List<String> missing = new ArrayList<>();
        for (Syscall c : table().rows()) {
            boolean found = doc.lines().anyMatch(l -> l.startsWith("| " + c.number() + " ")
                    && l.contains("| `" + c.name() + "` |")
                    && l.endsWith("| " + c.support() + " | " + c.note().replace("|", "\\|") + " |"));
            if (!found) {
                missing.add(c.number() + " " + c.name());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyLinuxCallTheTableLacksIsListedAsEnosysAndNoImplementedOneIs() {
        String doc = SyscallDoc.render();
        String enosys = doc.substring(doc.indexOf("## Not implemented (ENOSYS)"));
        SyscallTable table = table();
        for (int n = 0; n < LinuxSyscallNames.limit(); n++) {
            String name = LinuxSyscallNames.name(n);
            if (name == null) {
                continue;
            }
            // Each entry is preceded by "| " or ", " and followed by "," or " |".
            boolean listed = enosys.matches("(?s).*(\\| |, )" + n + " " + name + "(,| \\|).*");
            assertThat(listed).as(n + " " + name + " listed as ENOSYS").isEqualTo(table.get(n) == null);
        }
    }

    @Test
    void everyLinuxNumberedRowCarriesLinuxsNameForItsNumber() {
        for (Syscall c : table().rows()) {
            if (c.number() < SyscallTable.PRIVATE_BASE) {
                assertThat(c.name()).as("syscall " + c.number()).isEqualTo(LinuxSyscallNames.name(c.number()));
            }
        }
    }

    @Test
    void ringosOwnCallsHaveTheirOwnSectionAndNoneOfLinuxsTables() {
        String doc = SyscallDoc.render();
        int own = doc.indexOf("## ringos's own calls: IPC ports");
        int enosys = doc.indexOf("## Not implemented (ENOSYS)");
        assertThat(own).isPositive().isLessThan(enosys);
        for (Syscall c : table().rows()) {
            int at = doc.indexOf("| `" + c.name() + "` |");
            if (c.number() >= SyscallTable.PRIVATE_BASE) {
                assertThat(at).as(c.name()).isBetween(own, enosys);
            } else {
                assertThat(at).as(c.name()).isLessThan(own);
            }
        }
    }

    private static SyscallTable table() {
        return new Kernel(KernelConfig.defaults(), List.of(), HostConsole.discarding(), line -> { }).syscalls();
    }

    /** The repository root: the nearest directory up from here that holds {@code kernel/pom.xml}. */
    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("kernel/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    private static String firstDifference(String committed, String rendered) {
        List<String> a = committed.lines().toList();
        List<String> b = rendered.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "(end of file)";
            String y = i < b.size() ? b.get(i) : "(end of file)";
            if (!x.equals(y)) {
                return "line " + (i + 1) + " is '" + x + "', the table says '" + y + "'";
            }
        }
        return "they differ in line endings";
    }
}
