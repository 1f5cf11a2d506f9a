package dev.ringos.cpu.isa;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * An encoding in the Intel manual's notation: optional prefixes {@code 66} (16-bit operands) and
 * {@code F3} (rep), an opcode byte (after {@code 0F} for the two-byte map), then {@code /r} (ModRM
 * with a register operand), {@code /0}–{@code /7} (ModRM whose reg field extends the opcode),
 * {@code +rb/+rw/+rd} (register number in the opcode's low three bits), and the immediate:
 * {@code ib iw id} or the branch displacement {@code cb cd}.
 *
 * @param digit the ModRM reg field this encoding requires, {@link #MODRM_REG} for /r, or
 *              {@link #NO_MODRM}
 */
public record Encoding(String text, boolean operandSize16, boolean rep, boolean twoByte, int opcode,
                       int digit, boolean registerInOpcode, int immediateBytes) {

    public static final int MODRM_REG = -1;
    public static final int NO_MODRM = -2;

    public boolean hasModRm() {
        return digit != NO_MODRM;
    }

    /** Writes the prefixes and opcode bytes; {@code register} (0–7) goes into the opcode of a +r encoding. */
    public void writeOpcode(ByteArrayOutputStream out, int register) {
        if (operandSize16) {
            out.write(0x66);
        }
        if (rep) {
            out.write(0xF3);
        }
        if (twoByte) {
            out.write(0x0F);
        }
        out.write(registerInOpcode ? opcode + (register & 7) : opcode);
    }

    public static Encoding parse(String text) {
        boolean op16 = false, rep = false, twoByte = false, plusReg = false;
        int opcode = -1, digit = NO_MODRM, imm = 0;
        for (String token : text.trim().split("\\s+")) {
            String t = token.toUpperCase(Locale.ROOT);
            if (opcode < 0 && t.equals("66") && !twoByte) {
                op16 = true;
            } else if (opcode < 0 && t.equals("F3") && !twoByte) {
                rep = true;
            } else if (opcode < 0 && t.equals("0F")) {
                twoByte = true;
            } else if (opcode < 0 && t.matches("[0-9A-F]{2}(\\+R[BWD])?")) {
                opcode = Integer.parseInt(t.substring(0, 2), 16);
                plusReg = t.length() > 2;
            } else if (t.equals("/R")) {
                digit = MODRM_REG;
            } else if (t.matches("/[0-7]")) {
                digit = t.charAt(1) - '0';
            } else if (t.equals("IB") || t.equals("CB")) {
                imm += 1;
            } else if (t.equals("IW")) {
                imm += 2;
            } else if (t.equals("ID") || t.equals("CD")) {
                imm += 4;
            } else {
                throw new IllegalArgumentException("bad encoding token '" + token + "' in '" + text + "'");
            }
        }
        if (opcode < 0) {
            throw new IllegalArgumentException("no opcode byte in '" + text + "'");
        }
        return new Encoding(text, op16, rep, twoByte, opcode, digit, plusReg, imm);
    }

    @Override
    public String toString() {
        return text;
    }
}
