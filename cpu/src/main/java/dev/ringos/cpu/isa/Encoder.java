package dev.ringos.cpu.isa;

import dev.ringos.cpu.isa.Operand.Imm;
import dev.ringos.cpu.isa.Operand.Mem;
import dev.ringos.cpu.isa.Operand.Reg;
import dev.ringos.cpu.isa.Operand.RegisterKind;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Encodes one instruction from the opcode table: every form whose operand types accept the given
 * operands is a candidate, and the shortest encoding wins (as NASM picks {@code 83 /0 ib} for a
 * small immediate and a short jump when the target is near).
 */
public final class Encoder {
    private Encoder() {
    }

    /** Thrown for operands no form of the mnemonic accepts; the message says why, for a person. */
    public static final class EncodingException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public EncodingException(String message) {
            super(message);
        }
    }

    /**
     * @param address where the instruction will be, for relative branches (whose operand is the
     *                absolute target, an {@link Imm})
     */
    public static byte[] encode(String mnemonic, int address, Operand... operands) {
        String lower = mnemonic.toLowerCase(Locale.ROOT);
        String m = OpcodeTable.ALIASES.getOrDefault(lower, lower);
        List<InstructionForm> named = OpcodeTable.FORMS.stream().filter(f -> f.mnemonic().equals(m)).toList();
        if (named.isEmpty()) {
            throw new EncodingException("unknown instruction '" + mnemonic + "'");
        }
        byte[] best = null;
        InstructionForm bestForm = null;
        List<InstructionForm> matching = new ArrayList<>();
        for (InstructionForm form : named) {
            if (!accepts(form, operands)) {
                continue;
            }
            matching.add(form);
            byte[] bytes = encode(form, address, operands);
            if (bytes != null && (best == null || bytes.length < best.length)) {
                best = bytes;
                bestForm = form;
            }
        }
        if (best == null) {
            throw new EncodingException(matching.isEmpty()
                    ? "invalid combination of operands for '" + m + "'" + describe(operands)
                    : "operand out of range for '" + m + "'" + describe(operands));
        }
        for (InstructionForm other : matching) {
            if (other.operandSize() != bestForm.operandSize() && sizeUnspecified(operands)) {
                throw new EncodingException("operation size not specified for '" + m + "'" + describe(operands));
            }
        }
        return best;
    }

    private static boolean sizeUnspecified(Operand[] operands) {
        for (Operand o : operands) {
            if (o instanceof Reg reg && reg.kind() == RegisterKind.GENERAL || o instanceof Mem mem && mem.size() != 0) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Operand[] operands) {
        if (operands.length == 0) {
            return " with no operands";
        }
        List<String> kinds = new ArrayList<>();
        for (Operand o : operands) {
            if (o instanceof Mem mem) {
                kinds.add(mem.size() == 0 ? "m" : "m" + mem.size() * 8);
            } else if (o instanceof Imm) {
                kinds.add("imm");
            } else if (o instanceof Operand.Label l) {
                kinds.add(l.name());
            } else {
                kinds.add(o.toString());
            }
        }
        return " (" + String.join(", ", kinds) + ")";
    }

    /** Whether each operand is of a kind the form's operand type takes (ranges are checked when encoding). */
    static boolean accepts(InstructionForm form, Operand[] operands) {
        List<OperandType> types = form.operands();
        if (types.size() != operands.length) {
            return false;
        }
        for (int i = 0; i < operands.length; i++) {
            if (!accepts(types.get(i), operands[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean accepts(OperandType t, Operand o) {
        return switch (t) {
            case R8, R16, R32 -> o instanceof Reg r && r.kind() == RegisterKind.GENERAL && r.size() == t.size();
            case RM8, RM16, RM32 -> o instanceof Reg r && r.kind() == RegisterKind.GENERAL && r.size() == t.size()
                    || o instanceof Mem m && (m.size() == 0 || m.size() == t.size());
            case M -> o instanceof Mem;
            case IMM8, IMM16, IMM32, SIMM8, REL8, REL32, ONE -> o instanceof Imm;
            case MOFFS8, MOFFS16, MOFFS32 -> o instanceof Mem m && m.base() < 0 && m.index() < 0
                    && (m.size() == 0 || m.size() == t.size());
            case AL, AX, EAX -> o instanceof Reg r && r.kind() == RegisterKind.GENERAL && r.number() == 0
                    && r.size() == t.size();
            case CL -> o instanceof Reg r && r.kind() == RegisterKind.GENERAL && r.number() == 1 && r.size() == 1;
            case DX -> o instanceof Reg r && r.kind() == RegisterKind.GENERAL && r.number() == 2 && r.size() == 2;
            case CR -> o instanceof Reg r && r.kind() == RegisterKind.CONTROL;
            case CS -> o instanceof Reg r && r.kind() == RegisterKind.SEGMENT;
        };
    }

    /** The bytes of {@code form} with these operands at {@code address}, or null if a value does not fit. */
    static byte[] encode(InstructionForm form, int address, Operand[] operands) {
        Encoding e = form.encoding();
        List<OperandType> types = form.operands();
        int opcodeRegister = 0;
        int regField = e.digit() >= 0 ? e.digit() : 0;
        Operand rm = null;
        for (int i = 0; i < types.size(); i++) {
            OperandType t = types.get(i);
            Operand o = operands[i];
            if (t.isRegisterOrMemory()) {
                if (form.op() == Op.MOV_FROM_CR || form.op() == Op.MOV_TO_CR) {
                    if (!(o instanceof Reg)) {
                        return null;
                    }
                }
                rm = o;
            } else if (t == OperandType.R8 || t == OperandType.R16 || t == OperandType.R32) {
                int n = ((Reg) o).number();
                if (e.registerInOpcode()) {
                    opcodeRegister = n;
                } else {
                    regField = n;
                }
            } else if (t == OperandType.CR) {
                int n = ((Reg) o).number();
                if (n != 0 && n != 2 && n != 3 && n != 4) {
                    return null;
                }
                regField = n;
            } else if (t == OperandType.ONE && ((Imm) o).value() != 1) {
                return null;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        e.writeOpcode(out, opcodeRegister);
        if (e.hasModRm()) {
            if (rm instanceof Reg reg) {
                out.write(0xC0 | regField << 3 | reg.number());
            } else {
                writeAddress(out, regField, (Mem) rm);
            }
        }
        int start = address;
        List<long[]> pending = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            OperandType t = types.get(i);
            Operand o = operands[i];
            if (t.isMoffs()) {
                writeLe(out, ((Mem) o).disp(), 4);
            } else if (t.isImmediate()) {
                long v = ((Imm) o).value();
                if (!fits(t, v, form.operandSize())) {
                    return null;
                }
                writeLe(out, (int) v, t == OperandType.SIMM8 ? 1 : t.size());
            } else if (t.isRelative()) {
                pending.add(new long[] {((Imm) o).value(), t.size()});
                for (int k = 0; k < t.size(); k++) {
                    out.write(0);
                }
            }
        }
        byte[] bytes = out.toByteArray();
        for (long[] rel : pending) {
            int size = (int) rel[1];
            long displacement = (int) rel[0] - (start + bytes.length);
            if (size == 1 && (displacement < -128 || displacement > 127)) {
                return null;
            }
            for (int k = 0; k < size; k++) {
                bytes[bytes.length - size + k] = (byte) (displacement >> (8 * k));
            }
        }
        return bytes;
    }

    private static boolean fits(OperandType t, long v, int operandSize) {
        return switch (t) {
            case IMM8 -> v >= -128 && v <= 255;
            case IMM16 -> v >= -32768 && v <= 65535;
            case IMM32 -> v >= Integer.MIN_VALUE && v <= 0xFFFF_FFFFL;
            case SIMM8 -> {
                // The byte is sign-extended to the operand size: 0xFFFFFFFF is -1 in a 32-bit operation.
                long asSigned = operandSize == 4 ? (int) v : operandSize == 2 ? (short) v : (byte) v;
                boolean inRange = operandSize == 4 ? v >= Integer.MIN_VALUE && v <= 0xFFFF_FFFFL
                        : v >= -32768 && v <= 65535;
                yield inRange && asSigned >= -128 && asSigned <= 127;
            }
            default -> true;
        };
    }

    /** ModRM, SIB and displacement for a memory operand, 32-bit addressing. */
    private static void writeAddress(ByteArrayOutputStream out, int regField, Mem m) {
        int base = m.base(), index = m.index(), disp = m.disp();
        int scaleBits = Integer.numberOfTrailingZeros(m.scale());
        if (base < 0 && index < 0) {
            out.write(regField << 3 | 5);
            writeLe(out, disp, 4);
            return;
        }
        int mod;
        if (base < 0) {
            mod = 0;
        } else if (disp == 0 && base != 5) {
            mod = 0;
        } else if (disp >= -128 && disp <= 127) {
            mod = 1;
        } else {
            mod = 2;
        }
        if (index < 0 && base != 4) {
            out.write(mod << 6 | regField << 3 | base);
        } else {
            out.write(mod << 6 | regField << 3 | 4);
            out.write(scaleBits << 6 | (index < 0 ? 4 : index) << 3 | (base < 0 ? 5 : base));
        }
        if (base < 0) {
            writeLe(out, disp, 4);
        } else if (mod == 1) {
            out.write(disp);
        } else if (mod == 2) {
            writeLe(out, disp, 4);
        }
    }

    private static void writeLe(ByteArrayOutputStream out, int value, int size) {
        for (int k = 0; k < size; k++) {
            out.write(value >>> (8 * k));
        }
    }
}
