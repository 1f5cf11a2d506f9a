package dev.ringos.asm.disasm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.Disassembler;
import dev.ringos.cpu.Decoder;
import dev.ringos.cpu.Insn;
import dev.ringos.cpu.isa.OpcodeTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One instance of every opcode-table row (the Encoder's bytes recorded in the cpu module's
 * objdump oracle) through the disassembler: the text is the reviewed one in every-form.txt, it
 * assembles back to the same bytes (by the Encoder and by the assembler), and objdump reads the
 * same instruction in those bytes.
 */
class EveryFormTest {
    /** Where objdump spells the same instruction differently: our text to objdump's, both normalised. */
    static final Map<String, String> OBJDUMP_SPELLINGS = Map.ofEntries(
            Map.entry("movsb", "movs es:[edi], ds:[esi]"), Map.entry("movsd", "movs es:[edi], ds:[esi]"),
            Map.entry("stosb", "stos es:[edi], al"), Map.entry("stosd", "stos es:[edi], eax"),
            Map.entry("rep movsb", "rep movs es:[edi], ds:[esi]"),
            Map.entry("rep movsd", "rep movs es:[edi], ds:[esi]"),
            Map.entry("rep stosb", "rep stos es:[edi], al"), Map.entry("rep stosd", "rep stos es:[edi], eax"),
            // Exchange is symmetric; objdump names the +r register first.
            Map.entry("xchg eax, edx", "xchg edx, eax"),
            // objdump marks the 32-bit operand size of the 6-byte descriptor-table operand.
            Map.entry("sidt [ebx+esi*4+0x12]", "sidtd [ebx+esi*4+0x12]"),
            Map.entry("lidt [ebx+esi*4+0x12]", "lidtd [ebx+esi*4+0x12]"));

    static List<OracleRows> rows;
    static Map<String, String> expected;

    @BeforeAll
    static void readTheRecordings() throws IOException {
        rows = OracleRows.all();
        expected = new LinkedHashMap<>();
        try (InputStream in = EveryFormTest.class.getResourceAsStream("every-form.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split("\t", -1);
                expected.put(f[0] + "\t" + f[1], f[2]);
            }
        }
    }

    static Insn decode(byte[] bytes) {
        Insn in = new Insn();
        Decoder.decode(i -> i < bytes.length ? bytes[i] & 0xFF : 0, in);
        return in;
    }

    static String text(OracleRows row) {
        return Disassembler.formatInstruction(decode(row.bytes()), 0);
    }

    @Test
    void theReviewedTableAndTheOracleCoverEveryRowOfTheOpcodeTable() {
        List<String> table = OpcodeTable.FORMS.stream().map(f -> f.encoding().text() + "\t" + f.syntax()).toList();
        assertThat(expected.keySet()).containsExactlyElementsOf(table);
        assertThat(rows.stream().map(OracleRows::key).toList()).containsExactlyElementsOf(table);
    }

    @Test
    void everyRowDisassemblesToItsReviewedText() {
        List<String> wrong = new ArrayList<>();
        for (OracleRows row : rows) {
            String ours = text(row);
            if (!ours.equals(expected.get(row.key()))) {
                wrong.add(row.key() + ": expected '" + expected.get(row.key()) + "', got '" + ours + "'");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyRowIsDecodedAsItsOwnFormAndWhole() {
        for (OracleRows row : rows) {
            Insn in = decode(row.bytes());
            assertThat(in.form).as(row.key()).isNotNull();
            assertThat(in.form.encoding().text() + "\t" + in.form.syntax()).isEqualTo(row.key());
            assertThat(in.length).as(row.key()).isEqualTo(row.bytes().length);
        }
    }

    @Test
    void everyRowsTextAssemblesBackToTheSameBytes() {
        List<String> wrong = new ArrayList<>();
        for (OracleRows row : rows) {
            String ours = text(row);
            String back = HexFormat.ofDelimiter(" ").formatHex(NasmText.assemble(ours, 0));
            String original = HexFormat.ofDelimiter(" ").formatHex(row.bytes());
            if (!back.equals(original)) {
                wrong.add(ours + ": " + original + " came back as " + back);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theAssemblerAssemblesEveryRowsTextToTheSameBytes() {
        List<String> texts = new ArrayList<>();
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        int text = AssemblerRoundTripProperties.TEXT;
        for (OracleRows row : rows) {
            // Each row is re-read where it lands in .text, so branches keep their displacement.
            texts.add(Disassembler.formatInstruction(decode(row.bytes()), text + want.size()));
            want.writeBytes(row.bytes());
        }

        byte[] got = AssemblerRoundTripProperties.assemble(texts);

        assertThat(HexFormat.ofDelimiter(" ").formatHex(got))
                .isEqualTo(HexFormat.ofDelimiter(" ").formatHex(want.toByteArray()));
    }

    @Test
    void objdumpReadsTheSameMnemonicAndOperandsInTheSameOrder() {
        List<String> wrong = new ArrayList<>();
        for (OracleRows row : rows) {
            String ours = withoutSizes(text(row));
            String theirs = withoutSizes(fromObjdump(row.objdump()));
            String allowed = OBJDUMP_SPELLINGS.getOrDefault(ours, ours);
            if (!theirs.equals(allowed)) {
                wrong.add(row.key() + ": ours '" + ours + "', objdump's '" + theirs + "'");
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** objdump's "mov DWORD PTR ds:0x10,eax" as we would write it: "mov dword [0x10], eax". */
    static String fromObjdump(String text) {
        return text.replace("DWORD PTR ", "dword ").replace("WORD PTR ", "word ").replace("BYTE PTR ", "byte ")
                .replaceAll("(?<![es]):?\\bds:(0x[0-9a-f]+)", "[$1]").replace(",", ", ");
    }

    /** Size keywords are ours to choose (NASM wants them only where nothing else gives the size). */
    static String withoutSizes(String text) {
        return text.replaceAll("\\b(byte|word|dword) ", "");
    }
}
