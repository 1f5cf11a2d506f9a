package dev.ringos.cpu;

import dev.ringos.cpu.isa.Encoding;
import dev.ringos.cpu.isa.InstructionForm;
import dev.ringos.cpu.isa.Op;
import dev.ringos.cpu.isa.OpcodeTable;
import dev.ringos.cpu.isa.OperandType;
import java.util.List;

/**
 * Decodes IA-32 encoded bytes into {@link Insn}s, using lookup tables built from the opcode table.
 * Bytes the table does not define decode to an undefined instruction (#UD when executed); the
 * decoder itself never fails, except by the fault its byte source raises.
 */
public final class Decoder {

    /** Where the decoder's bytes come from; index 0 is the instruction's first byte. */
    @FunctionalInterface
    public interface ByteSource {
        int byteAt(int index);
    }

    private static final int PREFIX_66 = 1, PREFIX_F3 = 2, MAP_0F = 4;
    /** Per (prefixes, map, opcode byte): the forms by ModRM reg field (all eight alike without /digit). */
    private static final InstructionForm[][] SLOTS = new InstructionForm[8 * 256][];

    static {
        for (InstructionForm form : OpcodeTable.FORMS) {
            Encoding e = form.encoding();
            int key = key(e.operandSize16(), e.rep(), e.twoByte(), e.opcode());
            for (int r = 0; r < (e.registerInOpcode() ? 8 : 1); r++) {
                InstructionForm[] slot = SLOTS[key + r];
                if (slot == null) {
                    slot = new InstructionForm[8];
                    SLOTS[key + r] = slot;
                }
                for (int digit = 0; digit < 8; digit++) {
                    boolean matches = e.digit() < 0 || e.digit() == digit;
                    // An exact opcode (90 nop) wins over a +r row that covers it (90+rd xchg).
                    if (matches && (slot[digit] == null || !e.registerInOpcode())) {
                        slot[digit] = form;
                    }
                }
            }
        }
    }

    private Decoder() {
    }

    private static int key(boolean op16, boolean rep, boolean twoByte, int opcode) {
        return ((op16 ? PREFIX_66 : 0) | (rep ? PREFIX_F3 : 0) | (twoByte ? MAP_0F : 0)) << 8 | opcode;
    }

    /** Decodes one instruction from {@code bytes} into {@code in}. */
    public static void decode(ByteSource bytes, Insn in) {
        in.clear();
        int pos = 0;
        boolean op16 = false, rep = false;
        int b = bytes.byteAt(pos++);
        while (b == 0x66 || b == 0xF3) {
            if ((b == 0x66 && op16) || (b == 0xF3 && rep)) {
                in.length = pos;
                return;  // a repeated prefix is undefined on ringos
            }
            op16 |= b == 0x66;
            rep |= b == 0xF3;
            b = bytes.byteAt(pos++);
        }
        boolean twoByte = b == 0x0F;
        if (twoByte) {
            b = bytes.byteAt(pos++);
        }
        InstructionForm[] slot = SLOTS[key(op16, rep, twoByte, b)];
        if (slot == null) {
            in.length = pos;
            return;
        }
        int opcode = b;
        int modrm = -1;
        InstructionForm form;
        if (slot[0] != null && slot[0].encoding().hasModRm() || slot[0] == null) {
            modrm = bytes.byteAt(pos++);
            form = slot[(modrm >> 3) & 7];
        } else {
            form = slot[0];
        }
        if (form == null) {
            in.length = pos;
            return;
        }
        int mod = modrm >>> 6;
        if (modrm >= 0 && mod != 3) {
            pos = decodeAddress(bytes, pos, modrm, in);
        }
        List<OperandType> operands = form.operands();
        for (int i = 0; i < operands.size(); i++) {
            OperandType t = operands.get(i);
            int kind;
            int reg = 0;
            switch (t) {
                case RM8, RM16, RM32, M -> {
                    // An m operand needs a memory ModRM, mov to or from CRn a register one.
                    if (mod == 3) {
                        kind = t == OperandType.M ? UNDEFINED : Insn.REG;
                        reg = modrm & 7;
                    } else {
                        kind = form.op() == Op.MOV_TO_CR || form.op() == Op.MOV_FROM_CR ? UNDEFINED : Insn.MEM;
                    }
                }
                case R8, R16, R32 -> {
                    kind = Insn.REG;
                    reg = form.encoding().registerInOpcode() ? opcode & 7 : (modrm >> 3) & 7;
                }
                case CR -> {
                    reg = (modrm >> 3) & 7;
                    kind = reg == 0 || reg == 2 || reg == 3 || reg == 4 ? Insn.REG : UNDEFINED;
                }
                case AL, AX, EAX -> kind = Insn.REG;
                case CL -> {
                    kind = Insn.REG;
                    reg = 1;
                }
                case DX -> {
                    kind = Insn.REG;
                    reg = 2;
                }
                case CS -> kind = Insn.NONE;
                case ONE -> {
                    kind = Insn.IMM;
                    in.imm = 1;
                }
                case IMM8, REL8 -> {
                    kind = Insn.IMM;
                    in.imm = bytes.byteAt(pos++);
                    if (t == OperandType.REL8) {
                        in.imm = (byte) in.imm;
                    }
                }
                case SIMM8 -> {
                    kind = Insn.IMM;
                    in.imm = (byte) bytes.byteAt(pos++);
                }
                case IMM16 -> {
                    kind = Insn.IMM;
                    in.imm = bytes.byteAt(pos) | bytes.byteAt(pos + 1) << 8;
                    pos += 2;
                }
                case IMM32, REL32 -> {
                    kind = Insn.IMM;
                    in.imm = read32(bytes, pos);
                    pos += 4;
                }
                case MOFFS8, MOFFS16, MOFFS32 -> {
                    kind = Insn.MEM;
                    in.disp = read32(bytes, pos);
                    pos += 4;
                }
                default -> throw new AssertionError(t);
            }
            if (kind == UNDEFINED) {
                in.clear();
                in.length = pos;
                return;
            }
            if (i == 0) {
                in.dstKind = kind;
                in.dst = reg;
            } else if (i == 1) {
                in.srcKind = kind;
                in.src = reg;
            }
        }
        in.form = form;
        in.op = form.op();
        in.length = pos;
        in.cycles = form.cycles();
        in.size = form.operandSize();
        in.srcSize = operands.size() > 1 && operands.get(1).size() > 0 ? operands.get(1).size() : in.size;
        in.condition = form.condition();
    }

    private static final int UNDEFINED = -1;

    /** ModRM memory forms with SIB and displacement, 32-bit addressing. Returns the new position. */
    private static int decodeAddress(ByteSource bytes, int pos, int modrm, Insn in) {
        int mod = modrm >>> 6;
        int rm = modrm & 7;
        if (rm == 4) {
            int sib = bytes.byteAt(pos++);
            int index = (sib >> 3) & 7;
            int base = sib & 7;
            in.scale = sib >>> 6;
            in.index = index == 4 ? Insn.NO_REG : index;
            if (base == 5 && mod == 0) {
                in.base = Insn.NO_REG;
                in.disp = read32(bytes, pos);
                return pos + 4;
            }
            in.base = base;
        } else if (rm == 5 && mod == 0) {
            in.base = Insn.NO_REG;
            in.disp = read32(bytes, pos);
            return pos + 4;
        } else {
            in.base = rm;
        }
        if (mod == 1) {
            in.disp = (byte) bytes.byteAt(pos++);
        } else if (mod == 2) {
            in.disp = read32(bytes, pos);
            pos += 4;
        }
        return pos;
    }

    private static int read32(ByteSource bytes, int pos) {
        return bytes.byteAt(pos) | bytes.byteAt(pos + 1) << 8 | bytes.byteAt(pos + 2) << 16
                | bytes.byteAt(pos + 3) << 24;
    }
}
