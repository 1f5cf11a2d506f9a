package dev.ringos.cpu.isa;

import dev.ringos.cpu.isa.Operand.Imm;
import dev.ringos.cpu.isa.Operand.Mem;
import dev.ringos.cpu.isa.Operand.Reg;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records what GNU objdump makes of one representative instance of every opcode-table row, so
 * {@link ObjdumpOracleTest} can hold the table to x86 without objdump installed. Each row's bytes
 * go to a file of their own (objdump cannot lose sync across rows), all files in one objdump run.
 *
 * <p>Run it from the repository root after changing the table (the command is also in
 * {@link ObjdumpOracleTest}):
 * <pre>
 * mvn -q -B -o test-compile -pl cpu &amp;&amp; java -cp cpu/target/classes:cpu/target/test-classes \
 *     dev.ringos.cpu.isa.ObjdumpGolden cpu/src/test/resources/oracle/objdump-i386.txt
 * </pre>
 */
public final class ObjdumpGolden {
    /** Where each instance is encoded; branch targets below are absolute. */
    static final int ADDRESS = 0;
    static final int REL8_TARGET = 0x20;
    static final int REL32_TARGET = 0x1000;
    /** The memory operand of every r/m and m form: base, index, scale and an 8-bit displacement. */
    static final Mem MEMORY = new Mem(3, 6, 4, 0x12, 0);
    static final int MOFFS = 0x12345678;

    static final String OBJDUMP = "objdump -D -b binary -m i386 -M intel --insn-width=16";

    private ObjdumpGolden() {
    }

    /** One line of the golden file. */
    record Entry(String encoding, String syntax, String bytes, String objdump) {
        String key() {
            return encoding + "\t" + syntax;
        }

        static Entry parse(String line) {
            String[] f = line.split("\t", -1);
            if (f.length != 4) {
                throw new IllegalArgumentException("expected 4 tab-separated fields: " + line);
            }
            return new Entry(f[0], f[1], f[2], f[3]);
        }

        String line() {
            return encoding + "\t" + syntax + "\t" + bytes + "\t" + objdump;
        }
    }

    /** The fixed operands of the representative instance of {@code form}. */
    static Operand[] sample(InstructionForm form) {
        List<OperandType> types = form.operands();
        Operand[] out = new Operand[types.size()];
        boolean crMove = form.op() == Op.MOV_TO_CR || form.op() == Op.MOV_FROM_CR;
        for (int i = 0; i < out.length; i++) {
            OperandType t = types.get(i);
            out[i] = switch (t) {
                case R8, R16, R32 -> Operand.gp(2, t.size());   // dl, dx, edx: +r forms show a non-zero register
                case RM8, RM16, RM32 -> crMove ? Operand.EBX : MEMORY.withSize(t.size());
                case M -> MEMORY;
                case IMM8 -> Operand.imm(0x12);
                case IMM16 -> Operand.imm(0x1234);
                case IMM32 -> Operand.imm(0x12345678);
                case SIMM8 -> Operand.imm(-2);
                case REL8 -> Operand.imm(REL8_TARGET);
                case REL32 -> Operand.imm(REL32_TARGET);
                case MOFFS8, MOFFS16, MOFFS32 -> Operand.abs(MOFFS).withSize(t.size());
                case AL -> Operand.AL;
                case AX -> Operand.AX;
                case EAX -> Operand.EAX;
                case CL -> Operand.CL;
                case DX -> Operand.DX;
                case ONE -> Operand.imm(1);
                case CR -> Operand.cr(3);
                case CS -> Operand.CS;
            };
        }
        return out;
    }

    /** The bytes of the representative instance of {@code form}, encoded by exactly that row. */
    static byte[] sampleBytes(InstructionForm form) {
        byte[] bytes = Encoder.encode(form, ADDRESS, sample(form));
        if (bytes == null) {
            throw new IllegalStateException("the sample operands do not fit " + form);
        }
        return bytes;
    }

    /** The instance as objdump's Intel syntax would print it, operand by operand. */
    static String render(InstructionForm form) {
        Operand[] ops = sample(form);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < ops.length; i++) {
            parts.add(renderOperand(form, form.operands().get(i), ops[i]));
        }
        return parts.isEmpty() ? form.mnemonic() : form.mnemonic() + " " + String.join(",", parts);
    }

    private static String renderOperand(InstructionForm form, OperandType t, Operand o) {
        if (o instanceof Reg r) {
            return r.toString();
        }
        if (o instanceof Mem m) {
            if (t.isMoffs()) {
                return "ds:" + hex(m.disp());
            }
            String address = "[" + Operand.gp(m.base(), 4) + "+" + Operand.gp(m.index(), 4) + "*" + m.scale() + "+"
                    + hex(m.disp()) + "]";
            return switch (t) {
                case RM8 -> "BYTE PTR " + address;
                case RM16 -> "WORD PTR " + address;
                case RM32 -> "DWORD PTR " + address;
                default -> address;
            };
        }
        long v = ((Imm) o).value();
        return switch (t) {
            case ONE -> "1";
            case SIMM8 -> hex(form.operandSize() == 2 ? (int) v & 0xFFFF : (int) v);
            default -> hex((int) v);
        };
    }

    private static String hex(int v) {
        return "0x" + Integer.toHexString(v);
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: ObjdumpGolden OUTPUT-FILE");
            System.exit(2);
        }
        Path dir = Files.createTempDirectory("ringos-objdump");
        List<InstructionForm> forms = OpcodeTable.FORMS;
        List<String> command = new ArrayList<>(List.of(OBJDUMP.split(" ")));
        for (int i = 0; i < forms.size(); i++) {
            Path file = dir.resolve("row" + i + ".bin");
            Files.write(file, sampleBytes(forms.get(i)));
            command.add(file.toString());
        }
        Map<String, List<String>> decoded = runObjdump(command);
        List<String> lines = new ArrayList<>();
        lines.add("# What objdump (" + OBJDUMP + ") prints for one instance of every opcode-table row.");
        lines.add("# Generated by ObjdumpGolden; checked by ObjdumpOracleTest. Fields, tab-separated:");
        lines.add("# encoding, syntax, our bytes, objdump's instructions for those bytes (several, joined by ' ; ',");
        lines.add("# when objdump reads them differently).");
        for (int i = 0; i < forms.size(); i++) {
            InstructionForm f = forms.get(i);
            String hex = HexFormat.ofDelimiter(" ").formatHex(sampleBytes(f));
            List<String> insns = decoded.getOrDefault("row" + i + ".bin", List.of("(nothing)"));
            lines.add(new Entry(f.encoding().text(), f.syntax(), hex, String.join(" ; ", insns)).line());
        }
        Path out = Path.of(args[0]);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.write(out, lines, StandardCharsets.UTF_8);
        for (Path p : (Iterable<Path>) Files.list(dir)::iterator) {
            Files.delete(p);
        }
        Files.delete(dir);
        System.out.println("wrote " + out + " (" + forms.size() + " rows)");
    }

    private static final Pattern FILE = Pattern.compile("^(\\S+\\.bin):\\s+file format");
    private static final Pattern INSN = Pattern.compile("^\\s*[0-9a-f]+:\\t[0-9a-f ]+\\t(.*)$");

    /** objdump's instruction texts per file name, whitespace normalised. */
    private static Map<String, List<String>> runObjdump(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, List<String>> result = new HashMap<>();
        String current = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                Matcher file = FILE.matcher(line);
                Matcher insn = INSN.matcher(line);
                if (file.find()) {
                    current = Path.of(file.group(1)).getFileName().toString();
                    result.put(current, new ArrayList<>());
                } else if (insn.matches() && current != null) {
                    result.get(current).add(insn.group(1).trim().replaceAll("\\s+", " "));
                }
            }
        }
        int status = p.waitFor();
        if (status != 0) {
            throw new IOException("objdump exited with " + status);
        }
        return result;
    }
}
