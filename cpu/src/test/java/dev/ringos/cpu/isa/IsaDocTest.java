package dev.ringos.cpu.isa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/isa.md} is generated from the opcode table by {@link IsaDoc}, and this test keeps the
 * committed file equal to what the code says. To regenerate it after changing the table:
 * <pre>
 * mvn -q -B -o test -pl cpu -Dtest=IsaDocTest -Dringos.updateDocs=true
 * </pre>
 */
class IsaDocTest {
    private static final String DOC = "docs/isa.md";

    @Test
    void theCommittedIsaReferenceIsWhatTheOpcodeTableRendersTo() throws IOException {
        Path doc = repositoryRoot().resolve(DOC);
        String rendered = IsaDoc.render();
        if (Boolean.getBoolean("ringos.updateDocs")) {
            Files.writeString(doc, rendered, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(doc)) {
            fail(DOC + " does not exist; generate it with: " + IsaDoc.REGENERATE);
        }
        String committed = Files.readString(doc, StandardCharsets.UTF_8);
        if (!committed.equals(rendered)) {
            fail(DOC + " is stale (" + firstDifference(committed, rendered) + "); regenerate it from the "
                    + "repository root with: " + IsaDoc.REGENERATE);
        }
    }

    @Test
    void everyRowOfTheOpcodeTableAppearsInTheReferenceWithItsCyclesAndPrivilegeClass() {
        List<String> lines = IsaDoc.render().lines().toList();
        List<String> missing = new ArrayList<>();
        for (InstructionForm f : OpcodeTable.FORMS) {
            String start = "| `" + f.encoding().text() + "` | `" + f.syntax() + "` |";
            boolean found = lines.stream().anyMatch(l -> l.startsWith(start)
                    && l.contains("| " + f.cycles() + " ") && l.endsWith("| " + f.privilege() + " |"));
            if (!found) {
                missing.add(f.toString());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyAliasAndConditionCodeIsDocumented() {
        String doc = IsaDoc.render();
        OpcodeTable.ALIASES.forEach((alias, name) -> assertThat(doc).contains("| `" + alias + "` | `" + name + "` |"));
        for (int cc = 0; cc < 16; cc++) {
            assertThat(doc).contains("| " + cc + " | `j" + OpcodeTable.CONDITIONS.get(cc) + "` |");
        }
    }

    @Test
    void theStrictVirtualizationSectionListsEveryInstructionThatOnlyCr4SveMakesTrap() {
        String doc = IsaDoc.render();
        String section = doc.substring(doc.indexOf("### Strict virtualization"), doc.indexOf("## Aliases"));
        for (InstructionForm f : OpcodeTable.FORMS) {
            PrivilegeClass p = f.privilege();
            if (p.alwaysTrapsOutsideRing0(true) && !p.alwaysTrapsOutsideRing0(false)) {
                assertThat(section).as(f.toString()).containsAnyOf("`" + f.mnemonic() + "`", "`" + f.syntax() + "`");
            }
        }
        assertThat(section).doesNotContain("`hlt`", "`lidt m`", "`add`");
    }

    /** The repository root: the nearest directory up from here that holds {@code cpu/pom.xml}. */
    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("cpu/pom.xml"))) {
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
