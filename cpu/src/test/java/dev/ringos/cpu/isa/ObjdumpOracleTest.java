package dev.ringos.cpu.isa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.cpu.isa.ObjdumpGolden.Entry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GNU objdump as the oracle for the opcode table, without needing objdump: {@link ObjdumpGolden}
 * encoded one instance of every row and recorded what {@code objdump -m i386 -M intel} read in
 * those bytes ({@code src/test/resources/oracle/objdump-i386.txt}). Here the encoder must still
 * produce the recorded bytes, and objdump's reading must be our instruction: one instruction of
 * exactly our length, our mnemonic, our operands in our order.
 *
 * <p>After changing the opcode table, regenerate the file from the repository root (binutils
 * needed) and review its diff — each changed line is an encoding that changed:
 * <pre>
 * mvn -q -B -o test-compile -pl cpu &amp;&amp; java -cp cpu/target/classes:cpu/target/test-classes \
 *     dev.ringos.cpu.isa.ObjdumpGolden cpu/src/test/resources/oracle/objdump-i386.txt
 * </pre>
 */
class ObjdumpOracleTest {
    static final String RESOURCE = "/oracle/objdump-i386.txt";
    static final String REGENERATE = "mvn -q -B -o test-compile -pl cpu && java -cp "
            + "cpu/target/classes:cpu/target/test-classes dev.ringos.cpu.isa.ObjdumpGolden " + "cpu/src/test/resources"
            + RESOURCE;

    /**
     * Where objdump spells our instance differently, and why that is still the same instruction:
     * our text (as {@link ObjdumpGolden#render} gives it) to objdump's.
     */
    static final Map<String, String> KNOWN_SPELLINGS = spellings();

    private static Map<String, String> spellings() {
        String mem = "[ebx+esi*4+0x12]";
        Map<String, String> m = new LinkedHashMap<>();
        // String instructions: objdump names the operands, and the operand size instead of the b/d suffix.
        m.put("movsb", "movs BYTE PTR es:[edi],BYTE PTR ds:[esi]");
        m.put("movsd", "movs DWORD PTR es:[edi],DWORD PTR ds:[esi]");
        m.put("stosb", "stos BYTE PTR es:[edi],al");
        m.put("stosd", "stos DWORD PTR es:[edi],eax");
        m.put("rep movsb", "rep movs BYTE PTR es:[edi],BYTE PTR ds:[esi]");
        m.put("rep movsd", "rep movs DWORD PTR es:[edi],DWORD PTR ds:[esi]");
        m.put("rep stosb", "rep stos BYTE PTR es:[edi],al");
        m.put("rep stosd", "rep stos DWORD PTR es:[edi],eax");
        // Exchange is symmetric; objdump names the +r register first.
        m.put("xchg eax,edx", "xchg edx,eax");
        // objdump marks the 32-bit operand size of the 6-byte descriptor-table operand.
        m.put("sidt " + mem, "sidtd " + mem);
        m.put("lidt " + mem, "lidtd " + mem);
        // invlpg's m has no size; objdump calls it a byte.
        m.put("invlpg " + mem, "invlpg BYTE PTR " + mem);
        // x86 moves 16 bits to or from memory here. ringos does too for smsw and mov r/m, cs; its task
        // register holds the TSS's linear address rather than a selector, so str and ltr move 32 bits.
        m.put("smsw DWORD PTR " + mem, "smsw WORD PTR " + mem);
        m.put("mov DWORD PTR " + mem + ",cs", "mov WORD PTR " + mem + ",cs");
        m.put("str DWORD PTR " + mem, "str WORD PTR " + mem);
        m.put("ltr DWORD PTR " + mem, "ltr WORD PTR " + mem);
        return m;
    }

    /** Mnemonics objdump may print for ours, besides our own and the table's aliases. */
    static final Map<String, Set<String>> KNOWN_MNEMONICS = Map.of(
            "movsb", Set.of("movs"), "movsd", Set.of("movs"), "stosb", Set.of("stos"), "stosd", Set.of("stos"),
            "rep movsb", Set.of("rep movs"), "rep movsd", Set.of("rep movs"),
            "rep stosb", Set.of("rep stos"), "rep stosd", Set.of("rep stos"),
            "sidt", Set.of("sidtd"), "lidt", Set.of("lidtd"));

    static Map<String, Entry> recorded;

    @BeforeAll
    static void readTheRecording() throws IOException {
        recorded = new LinkedHashMap<>();
        try (InputStream in = ObjdumpOracleTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("%s is missing; generate it with: %s", RESOURCE, REGENERATE).isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    Entry e = Entry.parse(line);
                    recorded.put(e.key(), e);
                }
            }
        }
    }

    private static Entry entry(InstructionForm f) {
        return recorded.get(f.encoding().text() + "\t" + f.syntax());
    }

    @Test
    void theRecordingHasExactlyTheRowsOfTheTable() {
        List<String> rows = new ArrayList<>();
        for (InstructionForm f : OpcodeTable.FORMS) {
            rows.add(f.encoding().text() + "\t" + f.syntax());
        }
        assertThat(recorded.keySet())
                .as("the table changed since objdump last saw it; regenerate with: %s", REGENERATE)
                .containsExactlyElementsOf(rows);
    }

    @Test
    void theEncoderStillProducesTheBytesObjdumpRead() {
        List<String> changed = new ArrayList<>();
        for (InstructionForm f : OpcodeTable.FORMS) {
            Entry e = entry(f);
            String ours = HexFormat.ofDelimiter(" ").formatHex(ObjdumpGolden.sampleBytes(f));
            if (e != null && !e.bytes().equals(ours)) {
                changed.add(f + ": recorded " + e.bytes() + ", now " + ours);
            }
        }
        assertThat(changed).as("encodings changed; if on purpose, regenerate with: %s", REGENERATE).isEmpty();
    }

    @Test
    void objdumpReadsEachRowAsOneInstructionWithTheRowsMnemonic() {
        List<String> wrong = new ArrayList<>();
        for (InstructionForm f : OpcodeTable.FORMS) {
            Entry e = entry(f);
            if (e == null) {
                continue;
            }
            String text = e.objdump();
            String theirs = mnemonic(text);
            boolean same = theirs.equals(f.mnemonic())
                    || f.mnemonic().equals(OpcodeTable.ALIASES.get(theirs))
                    || KNOWN_MNEMONICS.getOrDefault(f.mnemonic(), Set.of()).contains(theirs);
            if (text.contains(" ; ") || text.contains("(bad)") || !same) {
                wrong.add(f + "  ->  objdump: " + text);
            }
        }
        assertThat(wrong).as("rows whose bytes are not that instruction on x86").isEmpty();
    }

    @Test
    void objdumpReadsTheSameOperandsInTheSameOrder() {
        List<String> wrong = new ArrayList<>();
        for (InstructionForm f : OpcodeTable.FORMS) {
            Entry e = entry(f);
            if (e == null) {
                continue;
            }
            String ours = ObjdumpGolden.render(f);
            String expected = KNOWN_SPELLINGS.getOrDefault(ours, ours);
            if (!e.objdump().equals(expected)) {
                wrong.add(f + ": we mean '" + ours + "', objdump reads '" + e.objdump() + "'");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyKnownSpellingDifferenceIsStillNeeded() {
        List<String> rendered = OpcodeTable.FORMS.stream().map(ObjdumpGolden::render).toList();
        assertThat(rendered).containsAll(KNOWN_SPELLINGS.keySet());
    }

    /** "rep movs BYTE PTR …" → "rep movs"; "mov eax,ebx" → "mov". */
    static String mnemonic(String objdumpText) {
        String[] words = objdumpText.split(" ");
        boolean prefix = words[0].equals("rep") || words[0].equals("repz") || words[0].equals("repe");
        return prefix && words.length > 1 ? "rep " + words[1] : words[0];
    }
}
