package dev.ringos.cpu.isa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.cpu.Decoder;
import dev.ringos.cpu.Insn;
import dev.ringos.cpu.isa.Operand.Imm;
import dev.ringos.cpu.isa.Operand.Mem;
import dev.ringos.cpu.isa.Operand.Reg;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The encoder and the decoder agree on every row of the opcode table: what the encoder makes of an
 * instruction, the decoder reads back as the same instruction with the same operands, in exactly
 * the bytes produced. And the decoder survives anything: it never throws, and it reports bytes the
 * table lacks as undefined.
 */
class EncoderRoundTripProperties {
    /** Insn's register number for an absent base or index. */
    private static final int NO_REG = 8;
    private static final Set<Integer> CONTROL_REGISTERS = Set.of(0, 2, 3, 4);

    /** One instruction to encode: a row, operands its types accept, and where it goes. */
    record Case(InstructionForm form, int address, List<Operand> operands) {
        Operand[] array() {
            return operands.toArray(Operand[]::new);
        }

        @Override
        public String toString() {
            return form.syntax() + " " + operands + " at 0x" + Integer.toHexString(address);
        }
    }

    /*
     * 6000 tries give each of the ~330 rows about 18, and leave a row untried with odds below 1e-5.
     * jqwik's own edge cases (of a flatMap over every row) would double the run time; the generators
     * below mix in the boundaries that matter for encoding instead.
     */
    @Property(tries = 6000, edgeCases = EdgeCasesMode.NONE)
    void whatTheEncoderWritesTheDecoderReadsBackAsTheSameInstruction(@ForAll("instructions") Case c) {
        byte[] bytes = Encoder.encode(c.form().mnemonic(), c.address(), c.array());
        Insn in = decode(bytes);

        assertThat(in.isDefined()).as("%s encoded as %s", c, hex(bytes)).isTrue();
        assertThat(in.length).as("length of %s", hex(bytes)).isEqualTo(bytes.length);
        if (isXchgEaxEax(c)) {
            // 90 is both xchg eax, eax and nop on x86; the table gives it to nop.
            assertThat(in.op).isEqualTo(Op.NOP);
            return;
        }
        boolean sameRow = in.form == c.form();
        if (!sameRow) {
            // The encoder may pick a shorter row (83 for 81, 40+r for FF /0, EB for E9, A1 for 8B, …):
            // it must do the same thing to the same operands.
            assertThat(in.op).as("%s encoded by the row %s", c, in.form).isEqualTo(c.form().op());
            assertThat(in.size).isEqualTo(c.form().operandSize());
            assertThat(bytes.length).isLessThanOrEqualTo(Encoder.encode(c.form(), c.address(), c.array()).length);
        }
        assertThat(in.condition).isEqualTo(c.form().condition());
        assertSameOperands(c, in, bytes, sameRow);
    }

    @Property(tries = 3000)
    void theDecoderNeverThrowsAndReportsBytesOutsideTheTableAsUndefined(@ForAll("byteSequences") byte[] bytes) {
        Insn in = decode(bytes);
        InstructionForm expected = ReferenceMatcher.match(bytes);

        assertThat(in.length).as("length of %s", hex(bytes)).isBetween(1, 15);
        assertThat(in.isDefined()).as("%s is %s", hex(bytes), expected == null ? "undefined" : expected)
                .isEqualTo(expected != null);
        if (expected != null) {
            assertThat(in.form).as(hex(bytes)).isEqualTo(expected);
        } else {
            assertThat(in.op).isNull();
        }
    }

    @Example
    void noTwoRowsShareTheirPrefixesOpcodeAndModRmDigit() {
        Map<String, List<InstructionForm>> byKey = new HashMap<>();
        for (InstructionForm f : OpcodeTable.FORMS) {
            Encoding e = f.encoding();
            int registers = e.registerInOpcode() ? 8 : 1;
            for (int r = 0; r < registers; r++) {
                for (int digit = 0; digit < 8; digit++) {
                    if (e.digit() >= 0 && e.digit() != digit) {
                        continue;
                    }
                    String key = (e.operandSize16() ? "66 " : "") + (e.rep() ? "F3 " : "")
                            + (e.twoByte() ? "0F " : "") + String.format("%02X", e.opcode() + r) + " /" + digit;
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
                }
            }
        }
        List<String> clashes = new ArrayList<>();
        byKey.forEach((key, forms) -> {
            // 90 is nop and xchg eax, eax on x86 alike; the decoder gives it to nop.
            Set<Op> ops = forms.stream().map(InstructionForm::op).collect(Collectors.toSet());
            boolean allowed = key.startsWith("90 /") && ops.equals(Set.of(Op.NOP, Op.XCHG));
            if (forms.size() > 1 && !allowed) {
                clashes.add(key + ": " + forms);
            }
        });
        assertThat(clashes).as("rows the decoder could not tell apart").isEmpty();
    }

    // ---- operands ----

    private static boolean isXchgEaxEax(Case c) {
        return c.form().op() == Op.XCHG && c.form().operandSize() == 4
                && c.operands().stream().allMatch(o -> o instanceof Reg r && r.number() == 0);
    }

    private static void assertSameOperands(Case c, Insn in, byte[] bytes, boolean sameRow) {
        List<OperandType> types = c.form().operands();
        for (int i = 0; i < types.size(); i++) {
            OperandType t = types.get(i);
            Operand o = c.operands().get(i);
            String what = "operand " + i + " (" + t + ") of " + c + " in " + hex(bytes);
            if (i < 2) {
                int kind = i == 0 ? in.dstKind : in.srcKind;
                int reg = i == 0 ? in.dst : in.src;
                assertThat(kind).as(what + ": kind").isEqualTo(expectedKind(t, o));
                if (o instanceof Reg r && t != OperandType.CS) {
                    assertThat(reg).as(what + ": register").isEqualTo(r.number());
                }
            }
            if (o instanceof Mem m) {
                assertThat(in.base).as(what + ": base").isEqualTo(m.base() < 0 ? NO_REG : m.base());
                assertThat(in.index).as(what + ": index").isEqualTo(m.index() < 0 ? NO_REG : m.index());
                assertThat(in.scale).as(what + ": scale")
                        .isEqualTo(m.index() < 0 ? 0 : Integer.numberOfTrailingZeros(m.scale()));
                assertThat(in.disp).as(what + ": displacement").isEqualTo(m.disp());
            } else if (o instanceof Imm imm && t.isRelative()) {
                int target = c.address() + in.length + in.imm;
                assertThat(target).as(what + ": branch target").isEqualTo((int) imm.value());
            } else if (o instanceof Imm imm) {
                int expected = documentedImmediate(t, imm.value());
                if (sameRow) {
                    assertThat(in.imm).as(what + ": immediate").isEqualTo(expected);
                } else {
                    int mask = mask(c.form().operandSize());
                    assertThat(in.imm & mask).as(what + ": immediate").isEqualTo(expected & mask);
                }
            }
        }
    }

    private static int expectedKind(OperandType t, Operand o) {
        if (t == OperandType.CS) {
            return Insn.NONE;
        }
        return o instanceof Reg ? Insn.REG : o instanceof Mem ? Insn.MEM : Insn.IMM;
    }

    /** As the decoder documents it: imm8/imm16 zero-extended, the sign-extending imm8 sign-extended. */
    private static int documentedImmediate(OperandType t, long value) {
        return switch (t) {
            case IMM8 -> (int) value & 0xFF;
            case IMM16 -> (int) value & 0xFFFF;
            case SIMM8 -> (byte) value;
            case ONE -> 1;
            default -> (int) value;
        };
    }

    private static int mask(int size) {
        return size == 4 ? -1 : size == 2 ? 0xFFFF : 0xFF;
    }

    @Provide
    Arbitrary<Case> instructions() {
        return Arbitraries.of(OpcodeTable.FORMS).flatMap(form -> {
            List<Arbitrary<Operand>> operands = new ArrayList<>();
            Arbitrary<Integer> address = withEdges(Arbitraries.integers(), 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE);
            if (form.operands().size() == 1 && form.operands().get(0).isRelative()) {
                return branch(form);
            }
            for (OperandType t : form.operands()) {
                operands.add(operand(form, t));
            }
            Arbitrary<List<Operand>> all = operands.isEmpty() ? Arbitraries.just(List.of())
                    : Combinators.combine(operands).as(list -> list);
            return Combinators.combine(address, all).as((a, list) -> new Case(form, a, List.copyOf(list)));
        });
    }

    /** A jump or call from anywhere to anywhere its displacement reaches. */
    private static Arbitrary<Case> branch(InstructionForm form) {
        OperandType t = form.operands().get(0);
        int length = Encoder.encode(form, 0, new Operand[] {Operand.imm(0)}).length;
        Arbitrary<Integer> displacement = t == OperandType.REL8
                ? withEdges(Arbitraries.integers().between(-128, 127), -128, -1, 0, 127)
                : withEdges(Arbitraries.integers(), -129, -128, 127, 128, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return Combinators.combine(withEdges(Arbitraries.integers(), 0, -1), displacement)
                .as((address, d) -> new Case(form, address, List.of(Operand.imm(address + length + d))));
    }

    private static Arbitrary<Operand> operand(InstructionForm form, OperandType t) {
        boolean crMove = form.op() == Op.MOV_TO_CR || form.op() == Op.MOV_FROM_CR;
        return switch (t) {
            case R8, R16, R32 -> register(t.size());
            case RM8, RM16, RM32 -> crMove ? register(4)
                    : Arbitraries.oneOf(register(t.size()), memory(t.size()));
            case M -> memory(0);
            case IMM8 -> withEdges(Arbitraries.longs().between(-128, 255), -128, -1, 0, 1, 127, 128, 255)
                    .map(Operand::imm);
            case IMM16 -> withEdges(Arbitraries.longs().between(-32768, 65535), -32768, -129, -128, -1, 0, 127, 128,
                    32767, 65535).map(Operand::imm);
            case IMM32 -> withEdges(Arbitraries.longs().between(Integer.MIN_VALUE, 0xFFFF_FFFFL), Integer.MIN_VALUE,
                    -129, -128, -1, 0, 127, 128, Integer.MAX_VALUE, 0xFFFF_FF80L, 0xFFFF_FFFFL).map(Operand::imm);
            case SIMM8 -> {
                // -128…127, or the same value as the operand size sees it unsigned (0xFFFFFFFF is -1).
                long mask = form.operandSize() == 4 ? 0xFFFF_FFFFL : 0xFFFFL;
                yield Combinators.combine(withEdges(Arbitraries.longs().between(-128, 127), -128, -1, 0, 127),
                                Arbitraries.of(false, true))
                        .as((v, unsigned) -> Operand.imm(unsigned ? v & mask : v));
            }
            case MOFFS8, MOFFS16, MOFFS32 -> Arbitraries.integers().map(d -> Operand.abs(d).withSize(t.size()));
            case AL -> Arbitraries.just(Operand.AL);
            case AX -> Arbitraries.just(Operand.AX);
            case EAX -> Arbitraries.just(Operand.EAX);
            case CL -> Arbitraries.just(Operand.CL);
            case DX -> Arbitraries.just(Operand.DX);
            case ONE -> Arbitraries.just(Operand.imm(1));
            case CR -> Arbitraries.of(CONTROL_REGISTERS).map(Operand::cr);
            case CS -> Arbitraries.just(Operand.CS);
            case REL8, REL32 -> throw new IllegalArgumentException("branches are made by branch()");
        };
    }

    private static Arbitrary<Operand> register(int size) {
        return Arbitraries.integers().between(0, 7).map(n -> Operand.gp(n, size));
    }

    /** Any base (esp, ebp, none), any index but esp (or none), any scale, a 0, 8- or 32-bit displacement. */
    private static Arbitrary<Operand> memory(int size) {
        Arbitrary<Integer> base = Arbitraries.integers().between(-1, 7);
        Arbitrary<Integer> index = Arbitraries.of(-1, 0, 1, 2, 3, 5, 6, 7);
        Arbitrary<Integer> scale = Arbitraries.of(1, 2, 4, 8);
        Arbitrary<Integer> disp = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(-128, 127),
                Arbitraries.integers(), Arbitraries.of(-129, -128, 127, 128, Integer.MIN_VALUE, Integer.MAX_VALUE));
        return Combinators.combine(base, index, scale, disp)
                .as((b, i, s, d) -> new Mem(b, i, i < 0 ? 1 : s, d, size));
    }

    /** Values from {@code values}, and one time in four one of {@code edges}. */
    private static Arbitrary<Integer> withEdges(Arbitrary<Integer> values, int... edges) {
        return Arbitraries.frequencyOf(Tuple.of(3, values),
                Tuple.of(1, Arbitraries.of(Arrays.stream(edges).boxed().toList())));
    }

    private static Arbitrary<Long> withEdges(Arbitrary<Long> values, long... edges) {
        return Arbitraries.frequencyOf(Tuple.of(3, values),
                Tuple.of(1, Arbitraries.of(Arrays.stream(edges).boxed().toList())));
    }

    @Provide
    Arbitrary<byte[]> byteSequences() {
        // Random bytes, often behind the prefixes and the 0F escape, where most undefined opcodes are,
        // and behind the opcodes whose ModRM decides (0F 00 and 0F 01 by digit, mov to and from CRn).
        Arbitrary<byte[]> lead = Arbitraries.of(new byte[0], new byte[] {0x0F}, new byte[] {0x66},
                new byte[] {(byte) 0xF3}, new byte[] {0x66, 0x0F}, new byte[] {(byte) 0xF3, 0x0F},
                new byte[] {0x66, (byte) 0xF3}, new byte[] {0x66, 0x66}, new byte[] {(byte) 0xF3, (byte) 0xF3},
                new byte[] {0x0F, 0x00}, new byte[] {0x0F, 0x01}, new byte[] {0x0F, 0x20}, new byte[] {0x0F, 0x22});
        Arbitrary<byte[]> rest = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16);
        return Combinators.combine(lead, rest).as((a, b) -> {
            byte[] all = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        });
    }

    /** Decodes from the start of {@code bytes}; past their end the source reads zeros. */
    private static Insn decode(byte[] bytes) {
        Insn in = new Insn();
        Decoder.decode(i -> i < bytes.length ? bytes[i] & 0xFF : 0, in);
        return in;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    /**
     * Which row, if any, the bytes are an instance of, worked out from the table row by row rather
     * than through the decoder's lookup tables: prefixes, map and opcode must match, the ModRM reg
     * field must be the row's digit, an m operand needs a memory ModRM, mov to or from CRn a register
     * one and an implemented CRn. Where an exact opcode and a +r row both match (90), the exact one.
     */
    static final class ReferenceMatcher {
        static InstructionForm match(byte[] bytes) {
            int pos = 0;
            boolean op16 = false, rep = false;
            int b = at(bytes, pos++);
            while (b == 0x66 || b == 0xF3) {
                if (b == 0x66 ? op16 : rep) {
                    return null;
                }
                op16 |= b == 0x66;
                rep |= b == 0xF3;
                b = at(bytes, pos++);
            }
            boolean twoByte = b == 0x0F;
            if (twoByte) {
                b = at(bytes, pos++);
            }
            int opcode = b;
            int modrm = at(bytes, pos);
            InstructionForm found = null;
            for (InstructionForm f : OpcodeTable.FORMS) {
                Encoding e = f.encoding();
                if (e.operandSize16() != op16 || e.rep() != rep || e.twoByte() != twoByte) {
                    continue;
                }
                if (e.registerInOpcode() ? (opcode & ~7) != e.opcode() : opcode != e.opcode()) {
                    continue;
                }
                if (e.hasModRm() && !modRmFits(f, modrm)) {
                    continue;
                }
                if (found == null || found.encoding().registerInOpcode() && !e.registerInOpcode()) {
                    found = f;
                }
            }
            return found;
        }

        private static boolean modRmFits(InstructionForm f, int modrm) {
            int mod = modrm >>> 6;
            int reg = (modrm >> 3) & 7;
            if (f.encoding().digit() >= 0 && reg != f.encoding().digit()) {
                return false;
            }
            if (f.operands().contains(OperandType.M) && mod == 3) {
                return false;
            }
            if (f.operands().contains(OperandType.CR)) {
                return mod == 3 && CONTROL_REGISTERS.contains(reg);
            }
            return true;
        }

        private static int at(byte[] bytes, int i) {
            return i < bytes.length ? bytes[i] & 0xFF : 0;
        }
    }
}
