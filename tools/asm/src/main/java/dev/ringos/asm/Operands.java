package dev.ringos.asm;

import dev.ringos.asm.Expression.Value;
import dev.ringos.cpu.isa.Encoder;
import dev.ringos.cpu.isa.Operand;
import dev.ringos.cpu.isa.Operand.Imm;
import dev.ringos.cpu.isa.Operand.Mem;
import dev.ringos.cpu.isa.Operand.Reg;
import dev.ringos.cpu.isa.Operand.RegisterKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * From evaluated operands to the encoder's: memory references from linear values, range checks,
 * and the encoder's complaints turned into messages that point at the operand at fault.
 */
final class Operands {
    private Operands() {
    }

    /** base + index·scale + displacement from a linear value; registers must be 32-bit. */
    static Mem memory(Value v, ParsedOperand.Memory m) {
        Reg base = null, index = null;
        int scale = 1;
        for (Map.Entry<Reg, Long> term : v.registers().entrySet()) {
            Reg r = term.getKey();
            long k = term.getValue();
            if (r.kind() != RegisterKind.GENERAL || r.size() != 4) {
                throw new AsmException(m.column(), "'" + r + "' cannot address memory: addresses use 32-bit "
                        + "registers");
            }
            if (k == 1 && base == null) {
                base = r;
            } else if (index == null && (k == 1 || k == 2 || k == 4 || k == 8)) {
                index = r;
                scale = (int) k;
            } else if (index == null && base == null && (k == 3 || k == 5 || k == 9)) {
                base = r;
                index = r;
                scale = (int) k - 1;
            } else {
                throw new AsmException(m.column(), "invalid address: at most a base register and an index "
                        + "register scaled by 1, 2, 4 or 8");
            }
        }
        if (index != null && index.number() == 4) {
            if (scale == 1 && base != null && base.number() != 4) {
                Reg t = base;
                base = index;
                index = t;
            } else {
                throw new AsmException(m.column(), "esp cannot be an index register");
            }
        }
        long disp = v.constant();
        if (!v.unknown()) {
            requireFits(disp, 4, m.column());
        }
        return new Mem(base == null ? -1 : base.number(), index == null ? -1 : index.number(), scale, (int) disp,
                m.size());
    }

    /** An encoder's complaint, with the column of the operand at fault and a word on why when we can say it. */
    static AsmException explain(Encoder.EncodingException e, Statement.Instruction in, Operand[] operands) {
        String message = e.getMessage();
        List<ParsedOperand> parsed = in.operands();
        int column = parsed.isEmpty() ? in.column() : parsed.get(0).column();
        long memories = Arrays.stream(operands).filter(o -> o instanceof Mem).count();
        if (message.startsWith("invalid combination") && memories >= 2) {
            message += ": memory to memory is not an x86 instruction";
        } else if (message.startsWith("operand out of range")) {
            for (int i = 0; i < operands.length; i++) {
                if (operands[i] instanceof Imm imm) {
                    column = parsed.get(i).column();
                    int size = operandSize(operands);
                    if (size == 0) {
                        size = Mnemonics.widestImmediate(in.mnemonic());
                    }
                    message += ": " + imm.value() + (size > 0 ? " does not fit in " + size * 8 + " bits"
                            : " does not fit");
                    break;
                }
            }
        }
        return new AsmException(column, message);
    }

    private static int operandSize(Operand[] operands) {
        for (Operand o : operands) {
            if (o instanceof Reg r && r.kind() == RegisterKind.GENERAL) {
                return r.size();
            }
            if (o instanceof Mem m && m.size() != 0) {
                return m.size();
            }
        }
        return 0;
    }

    /** Whether {@code value} fits in a field of {@code size} bytes, signed or unsigned. */
    static void requireFits(long value, int size, int column) {
        long min = -(1L << (size * 8 - 1));
        long max = (1L << (size * 8)) - 1;
        if (value < min || value > max) {
            String field = switch (size) {
                case 1 -> "a byte";
                case 2 -> "a word";
                default -> "a dword";
            };
            throw new AsmException(column, "value " + value + " does not fit in " + field + " (" + min + " to "
                    + max + ")");
        }
    }

    /**
     * A size keyword on an immediate ({@code push dword 5}, {@code add eax, byte 1}) is a
     * request the encoder cannot be given, so it is checked here: it may not be wider than the
     * operation, and a 16-bit push does not exist on ringos.
     */
    static void checkImmediateSizes(Statement.Instruction in, Operand[] operands) {
        List<ParsedOperand> parsed = in.operands();
        int size = operandSize(operands);
        for (ParsedOperand p : parsed) {
            if (p instanceof ParsedOperand.Immediate im && im.size() != 0) {
                String keyword = im.size() == 1 ? "byte" : im.size() == 2 ? "word" : "dword";
                if (Mnemonics.canonical(in.mnemonic()).equals("push") && im.size() == 2) {
                    throw new AsmException(im.column(), "'push word' (a 16-bit push) is not part of the ringos ISA");
                }
                if (size != 0 && im.size() > size) {
                    throw new AsmException(im.column(), "a " + keyword + " immediate does not fit "
                            + (size == 1 ? "an 8" : "a " + size * 8) + "-bit operation");
                }
            }
        }
    }
}
