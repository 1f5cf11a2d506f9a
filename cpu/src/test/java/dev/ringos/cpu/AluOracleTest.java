package dev.ringos.cpu;

import static dev.ringos.cpu.SingleInstructionMachine.encode;
import static dev.ringos.cpu.SingleInstructionMachine.put;
import static dev.ringos.cpu.isa.Operand.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ringos.cpu.isa.OpcodeTable;
import dev.ringos.cpu.isa.Operand.Mem;
import dev.ringos.cpu.isa.Operand.Reg;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The host's x86 CPU as the oracle for ringos's ALU. {@code oracle/alu-x86.txt} was produced by
 * {@code src/test/native/alu_oracle.c}, which ran each operation on real hardware and kept the
 * flags Intel defines; here each line runs on ringos in every operand form the opcode table has for
 * it (register, immediate, memory; through the interpreter's fast paths and through the general
 * executor), in ring 3 with paging, and must give the same result and the same defined flags while
 * leaving every other register byte and memory byte alone.
 */
class AluOracleTest {
    private static final String ORACLE = "/oracle/alu-x86.txt";
    private static final int MEM = SingleInstructionMachine.DATA + 0x100;
    private static final long MEMORY_BACKGROUND = 0x0F1E_2D3C_4B5A_6978L;
    private static final List<String> OPERATIONS = List.of("add", "adc", "sub", "sbb", "and", "or", "xor", "cmp",
            "test", "inc", "dec", "neg", "not", "shl", "shr", "sar", "rol", "ror", "imul2", "mul", "imul1");

    private static final Reg SI16 = gp(6, 2), DI16 = gp(7, 2), BP16 = gp(5, 2);
    /** Destination and source registers, taken in turn so every register number and ah…bh get used. */
    private static final Reg[][] PAIRS8 = {{AL, CL}, {AH, BL}, {DH, CH}, {BH, DL}};
    private static final Reg[][] PAIRS16 = {{AX, CX}, {DX, BX}, {SI16, DI16}, {BP16, AX}};
    private static final Reg[][] PAIRS32 = {{EAX, ECX}, {EDX, EBX}, {ESI, EDI}, {EBP, EAX}};
    /** Shift destinations: anything but the count's register, ecx. */
    private static final Reg[][] SHIFTED = {{AL, AH, DH, BL}, {AX, DX, BX, SI16}, {EAX, EDX, EBX, EBP}};
    /** Sources of mul and one-operand imul: anything but the accumulator and, beyond 8 bits, edx. */
    private static final Reg[][] MULTIPLIERS = {{CL, BH, DL, CH}, {CX, BX, SI16, DI16}, {ECX, EBX, ESI, EDI}};

    /** One line of the oracle file: {@code op size a b fin -> result flags mask=M}. */
    record Line(int number, String text, String op, int bits, int a, int b, int flagsIn, long result, int flags,
                int mask) {
        int size() {
            return bits / 8;
        }

        int low() {
            return (int) result;
        }
    }

    private static List<Line> lines;

    static synchronized List<Line> oracle() {
        if (lines == null) {
            InputStream in = AluOracleTest.class.getResourceAsStream(ORACLE);
            if (in == null) {
                throw new AssertionError(ORACLE + " is missing from the test resources: regenerate it with the"
                        + " command in cpu/src/test/native/alu_oracle.c");
            }
            List<Line> parsed = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
                int number = 0;
                for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                    number++;
                    if (!text.isBlank() && !text.startsWith("#")) {
                        parsed.add(parse(number, text));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lines = parsed;
        }
        return lines;
    }

    private static Line parse(int number, String text) {
        String[] f = text.trim().split("\\s+");
        if (f.length != 9 || !f[5].equals("->") || !f[8].startsWith("mask=")) {
            throw new IllegalArgumentException("line " + number + " is not 'op size a b fin -> result flags mask=M': "
                    + text);
        }
        return new Line(number, text, f[0], Integer.parseInt(f[1]), Integer.parseUnsignedInt(f[2], 16),
                Integer.parseUnsignedInt(f[3], 16), Integer.parseInt(f[4], 16), Long.parseUnsignedLong(f[6], 16),
                Integer.parseInt(f[7], 16), Integer.parseInt(f[8].substring(5), 16));
    }

    static Stream<Arguments> groups() {
        Map<String, List<Line>> byGroup = oracle().stream()
                .collect(Collectors.groupingBy(l -> l.op() + " " + l.bits(), LinkedHashMap::new, Collectors.toList()));
        return byGroup.values().stream().map(g -> Arguments.of(g.get(0).op(), g.get(0).bits(), g));
    }

    @Test
    void theOracleFileHoldsEveryOperationInEverySize() {
        Set<String> groups = oracle().stream().map(l -> l.op() + " " + l.bits()).collect(Collectors.toSet());
        Set<String> expected = new TreeSet<>();
        for (String op : OPERATIONS) {
            for (int bits : new int[] {8, 16, 32}) {
                if (!(op.equals("imul2") && bits == 8)) {
                    expected.add(op + " " + bits);
                }
            }
        }
        assertThat(new TreeSet<>(groups)).isEqualTo(expected);
        assertThat(oracle()).hasSizeGreaterThan(20_000);
        assertThat(oracle()).allSatisfy(l -> assertThat(l.flags() & ~l.mask()).isZero());
    }

    @ParameterizedTest(name = "{0} {1}-bit gives the host x86's result and defined flags in every form")
    @MethodSource("groups")
    void aluOperationMatchesTheHostCpu(String op, int bits, List<Line> group) {
        SingleInstructionMachine machine = new SingleInstructionMachine();
        List<String> failures = new ArrayList<>();
        int runs = 0;
        for (Line line : group) {
            List<Form> forms = forms(line);
            for (Form form : forms) {
                for (boolean general : new boolean[] {false, true}) {
                    runs++;
                    // The general executor's jcc is one function for all: checked after the first form only.
                    boolean conditions = !general || form == forms.get(0);
                    String failure = run(machine, line, form, general, conditions);
                    if (failure != null) {
                        failures.add(failure);
                    }
                }
            }
        }
        assertThat(runs).isGreaterThanOrEqualTo(4 * group.size());
        if (!failures.isEmpty()) {
            fail(String.format("%d of %d runs differ from the host x86, the first ones:%n%s", failures.size(), runs,
                    failures.stream().limit(15).collect(Collectors.joining("\n"))));
        }
    }

    /** The bytes of the instructions this test runs for every {@code n}th line, for coverage checks elsewhere. */
    static List<byte[]> instructions(int n) {
        List<Line> all = oracle();
        return IntStream.range(0, all.size()).filter(i -> i % n == 0).mapToObj(all::get)
                .flatMap(l -> forms(l).stream()).map(f -> f.bytes).toList();
    }

    // ---- the operand forms each line runs in ----

    /** One way of running a line: the instruction bytes, the state before, and the state expected after. */
    private static final class Form {
        final String text;
        final byte[] bytes;
        final int[] regs = background();
        final int[] expectedRegs = background();
        long memory = MEMORY_BACKGROUND;
        long expectedMemory = MEMORY_BACKGROUND;

        Form(String text, byte[] bytes) {
            this.text = text;
            this.bytes = bytes;
        }

        Form in(Reg reg, int value) {
            put(regs, reg, value);
            put(expectedRegs, reg, value);
            return this;
        }

        Form inMemory(int size, int value) {
            memory = withLow(memory, size, value);
            expectedMemory = withLow(expectedMemory, size, value);
            return this;
        }

        Form out(Reg reg, int value) {
            put(expectedRegs, reg, value);
            return this;
        }

        Form outMemory(int size, int value) {
            expectedMemory = withLow(expectedMemory, size, value);
            return this;
        }

        private static long withLow(long qword, int size, int value) {
            long m = size == 4 ? 0xFFFF_FFFFL : (1L << (8 * size)) - 1;
            return (qword & ~m) | (value & m);
        }
    }

    private static int[] background() {
        int[] regs = new int[8];
        for (int n = 0; n < 8; n++) {
            regs[n] = 0x9E37_79B9 * (n + 1);
        }
        regs[Registers.ESP] = SingleInstructionMachine.STACK_TOP;
        return regs;
    }

    private static Mem memory(int size) {
        return abs(MEM).withSize(size);
    }

    private static List<Form> forms(Line l) {
        return switch (l.op()) {
            case "add", "adc", "sub", "sbb", "and", "or", "xor", "cmp", "test" -> binaryForms(l);
            case "inc", "dec", "neg", "not" -> unaryForms(l);
            case "shl", "shr", "sar", "rol", "ror" -> shiftForms(l);
            case "imul2" -> imulForms(l);
            case "mul", "imul1" -> wideMultiplyForms(l);
            default -> throw new IllegalArgumentException("unknown operation in " + l.text());
        };
    }

    private static Reg[] pair(Line l) {
        Reg[][] pairs = l.bits() == 8 ? PAIRS8 : l.bits() == 16 ? PAIRS16 : PAIRS32;
        return pairs[l.number() % pairs.length];
    }

    private static List<Form> binaryForms(Line l) {
        String m = l.op();
        Reg d = pair(l)[0], s = pair(l)[1];
        int size = l.size();
        boolean writes = !m.equals("cmp") && !m.equals("test");
        int r = writes ? l.low() : l.a();
        List<Form> forms = new ArrayList<>();
        forms.add(new Form(m + " " + d + ", " + s, encode(m, d, s)).in(d, l.a()).in(s, l.b()).out(d, r));
        forms.add(new Form(m + " " + d + ", imm", encode(m, d, imm(l.b() & 0xFFFF_FFFFL))).in(d, l.a()).out(d, r));
        forms.add(new Form(m + " [m], " + s, encode(m, memory(0), s)).inMemory(size, l.a()).in(s, l.b())
                .outMemory(size, r));
        if (!m.equals("test")) {
            forms.add(new Form(m + " " + d + ", [m]", encode(m, d, memory(0))).in(d, l.a()).inMemory(size, l.b())
                    .out(d, r));
        }
        forms.add(new Form(m + " [m], imm", encode(m, memory(size), imm(l.b() & 0xFFFF_FFFFL)))
                .inMemory(size, l.a()).outMemory(size, r));
        return forms;
    }

    private static List<Form> unaryForms(Line l) {
        String m = l.op();
        Reg d = pair(l)[0];
        int size = l.size();
        List<Form> forms = new ArrayList<>();
        forms.add(new Form(m + " " + d, encode(m, d)).in(d, l.a()).out(d, l.low()));
        forms.add(new Form(m + " [m]", encode(m, memory(size))).inMemory(size, l.a()).outMemory(size, l.low()));
        if ((m.equals("inc") || m.equals("dec")) && size > 1) {
            // The encoder prefers 40+r/48+r; FF /0 and FF /1 take a register too.
            byte[] modrm = {(byte) 0xFF, (byte) (0xC0 | (m.equals("inc") ? 0 : 1) << 3 | d.number())};
            byte[] bytes = size == 2 ? new byte[] {0x66, modrm[0], modrm[1]} : modrm;
            forms.add(new Form(m + " r/m " + d, bytes).in(d, l.a()).out(d, l.low()));
        }
        return forms;
    }

    private static List<Form> shiftForms(Line l) {
        String m = l.op();
        int size = l.size();
        Reg[] choices = SHIFTED[Integer.numberOfTrailingZeros(size)];
        Reg d = choices[l.number() % choices.length];
        List<Form> forms = new ArrayList<>();
        forms.add(new Form(m + " " + d + ", cl", encode(m, d, CL)).in(d, l.a()).in(CL, l.b()).out(d, l.low()));
        forms.add(new Form(m + " " + d + ", " + l.b(), encode(m, d, imm(l.b()))).in(d, l.a()).out(d, l.low()));
        forms.add(new Form(m + " [m], cl", encode(m, memory(size), CL)).inMemory(size, l.a()).in(CL, l.b())
                .outMemory(size, l.low()));
        forms.add(new Form(m + " [m], " + l.b(), encode(m, memory(size), imm(l.b()))).inMemory(size, l.a())
                .outMemory(size, l.low()));
        return forms;
    }

    private static List<Form> imulForms(Line l) {
        Reg d = pair(l)[0], s = pair(l)[1];
        int size = l.size();
        List<Form> forms = new ArrayList<>();
        forms.add(new Form("imul " + d + ", " + s, encode("imul", d, s)).in(d, l.a()).in(s, l.b()).out(d, l.low()));
        forms.add(new Form("imul " + d + ", [m]", encode("imul", d, memory(0))).in(d, l.a()).inMemory(size, l.b())
                .out(d, l.low()));
        forms.add(new Form("imul " + d + ", " + s + ", imm", encode("imul", d, s, imm(l.b() & 0xFFFF_FFFFL)))
                .in(s, l.a()).out(d, l.low()));
        forms.add(new Form("imul " + d + ", [m], imm", encode("imul", d, memory(0), imm(l.b() & 0xFFFF_FFFFL)))
                .inMemory(size, l.a()).out(d, l.low()));
        return forms;
    }

    private static List<Form> wideMultiplyForms(Line l) {
        String m = l.op().equals("mul") ? "mul" : "imul";
        int size = l.size();
        Reg[] choices = MULTIPLIERS[Integer.numberOfTrailingZeros(size)];
        Reg s = choices[l.number() % choices.length];
        Reg accumulator = gp(0, size);
        List<Form> forms = new ArrayList<>();
        forms.add(product(l, new Form(m + " " + s, encode(m, s)).in(accumulator, l.a()).in(s, l.b())));
        forms.add(product(l, new Form(m + " [m]", encode(m, memory(size))).in(accumulator, l.a())
                .inMemory(size, l.b())));
        return forms;
    }

    /** Where mul and one-operand imul put the product: ax, dx:ax or edx:eax. */
    private static Form product(Line l, Form form) {
        switch (l.bits()) {
            case 8 -> form.out(AX, (int) l.result());
            case 16 -> form.out(AX, (int) l.result()).out(DX, (int) (l.result() >>> 16));
            default -> form.out(EAX, (int) l.result()).out(EDX, (int) (l.result() >>> 32));
        }
        return form;
    }

    // ---- running and comparing ----

    /** Runs one form of a line, then (if asked) all sixteen jcc; returns what went wrong, or null. */
    private static String run(SingleInstructionMachine machine, Line line, Form form, boolean general,
                              boolean conditions) {
        machine.setRegisters(form.regs);
        machine.write(MEM, 4, (int) form.memory);
        machine.write(MEM + 4, 4, (int) (form.memory >>> 32));
        machine.cpu().setEflags(Flags.IF | line.flagsIn());
        String where = "line " + line.number() + " [" + line.text() + "] as '" + form.text + "' "
                + (general ? "(general executor)" : "(interpreter)") + ": ";
        try {
            if (general) {
                machine.executeGenerally(form.bytes);
            } else {
                machine.execute(form.bytes);
            }
        } catch (AssertionError | RuntimeException e) {
            return where + e;
        }
        List<String> wrong = new ArrayList<>();
        int[] regs = machine.registers();
        for (int n = 0; n < 8; n++) {
            if (regs[n] != form.expectedRegs[n]) {
                wrong.add(String.format("%s %08x, expected %08x", Registers.NAMES32.get(n), regs[n],
                        form.expectedRegs[n]));
            }
        }
        long memory = machine.read(MEM, 4) & 0xFFFF_FFFFL | (long) machine.read(MEM + 4, 4) << 32;
        if (memory != form.expectedMemory) {
            wrong.add(String.format("memory %016x, expected %016x", memory, form.expectedMemory));
        }
        int eflags = machine.cpu().eflags();
        if ((eflags & line.mask()) != line.flags()) {
            wrong.add(String.format("flags %s, expected %s (of %s)", SingleInstructionMachine.describeFlags(eflags & line.mask()),
                    SingleInstructionMachine.describeFlags(line.flags()), SingleInstructionMachine.describeFlags(line.mask())));
        }
        if ((eflags & ~Flags.ARITHMETIC) != (Flags.IF | Flags.RESERVED_ONE)) {
            wrong.add(String.format("non-arithmetic flags %#x", eflags & ~Flags.ARITHMETIC));
        }
        // Every jcc must read the state the instruction left as the flags it shows (lazy flags and
        // the jcc shortcuts included).
        for (int cc = 0; cc < (conditions ? 16 : 0); cc++) {
            boolean jumped;
            try {
                jumped = machine.jumps(cc, general);
            } catch (AssertionError | RuntimeException e) {
                return where + e;
            }
            if (jumped != InstructionSemanticsTest.holds(cc, eflags)) {
                wrong.add(String.format("j%s %s with %s", OpcodeTable.CONDITIONS.get(cc),
                        jumped ? "jumped" : "did not jump", SingleInstructionMachine.describeFlags(eflags)));
            }
        }
        return wrong.isEmpty() ? null : where + String.join("; ", wrong);
    }
}
