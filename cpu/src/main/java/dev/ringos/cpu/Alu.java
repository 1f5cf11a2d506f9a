package dev.ringos.cpu;

import static dev.ringos.cpu.Flags.*;

import dev.ringos.cpu.isa.Op;

/**
 * Arithmetic and the status flags. CF is kept up to date in {@link Cpu#carry} by every instruction
 * that sets it (one compare), because inc, dec, adc, sbb and the unsigned jumps all need it. The
 * other five are lazy: an ALU instruction records its kind (add-like, sub-like, logic), operands
 * and result, and a flag is worked out only when something reads it — mostly a jcc, which after a
 * 32-bit cmp compares the operands directly. Definitions are the Intel manual's; where it leaves a
 * flag undefined, ringos picks one value and documents it in docs/isa.md.
 */
final class Alu {
    /** Lazy kinds: how OF and AF follow from operands and result (add, adc, inc: ADD; sub, sbb, cmp, dec, neg: SUB). */
    static final int ADD = 0, SUB = 1, LOGIC = 2, EAGER = 3;

    private Alu() {
    }

    static int mask(int size) {
        return size == 4 ? -1 : size == 2 ? 0xFFFF : 0xFF;
    }

    private static int sign(int mask) {
        return mask ^ (mask >>> 1);
    }

    static boolean cf(Cpu c) {
        return c.carry != 0;
    }

    /** CF of an addition: the masked result is below the first operand (or equal to it, with a carry in). */
    static int addCarry(int a, int result, int mask, int carryIn) {
        int order = Integer.compareUnsigned(result & mask, a & mask);
        return order < 0 || carryIn != 0 && order == 0 ? 1 : 0;
    }

    /** CF of a subtraction (a borrow): the masked a is below b (or equal to it, with a borrow in). */
    static int subCarry(int a, int b, int mask, int carryIn) {
        int order = Integer.compareUnsigned(a & mask, b & mask);
        return order < 0 || carryIn != 0 && order == 0 ? 1 : 0;
    }

    static boolean zf(Cpu c) {
        return c.flagOp == EAGER ? (c.eflags & ZF) != 0 : (c.flagRes & c.flagMask) == 0;
    }

    static boolean sf(Cpu c) {
        return c.flagOp == EAGER ? (c.eflags & SF) != 0 : (c.flagRes & sign(c.flagMask)) != 0;
    }

    static boolean pf(Cpu c) {
        return c.flagOp == EAGER ? (c.eflags & PF) != 0 : parity(c.flagRes);
    }

    static boolean of(Cpu c) {
        int s = sign(c.flagMask);
        int a = c.flagA, b = c.flagB, r = c.flagRes;
        return switch (c.flagOp) {
            case ADD -> ((a ^ r) & (b ^ r) & s) != 0;
            case SUB -> ((a ^ b) & (a ^ r) & s) != 0;
            case LOGIC -> false;
            default -> (c.eflags & OF) != 0;
        };
    }

    static boolean af(Cpu c) {
        return switch (c.flagOp) {
            case LOGIC -> false;
            case EAGER -> (c.eflags & AF) != 0;
            default -> ((c.flagA ^ c.flagB ^ c.flagRes) & 0x10) != 0;
        };
    }

    /** PF: set when the low byte has an even number of ones. */
    static boolean parity(int value) {
        return (Integer.bitCount(value & 0xFF) & 1) == 0;
    }

    /** The arithmetic bits of EFLAGS, worked out from the lazy state. */
    static int arithmetic(Cpu c) {
        if (c.flagOp == EAGER) {
            return (c.eflags & ARITHMETIC & ~CF) | c.carry;
        }
        return c.carry | (pf(c) ? PF : 0) | (af(c) ? AF : 0) | (zf(c) ? ZF : 0) | (sf(c) ? SF : 0)
                | (of(c) ? OF : 0);
    }

    /** Evaluates x86 condition code {@code cc} (0 o, 1 no, 2 b, … 15 g) on the current flags. */
    static boolean condition(Cpu c, int cc) {
        if (c.flagOp == SUB && c.flagMask == -1) {
            int a = c.flagA, b = c.flagB;
            switch (cc) {
                case 12: return a < b;
                case 13: return a >= b;
                case 14: return a <= b;
                case 15: return a > b;
                default: break;
            }
        }
        boolean result = switch (cc >>> 1) {
            case 0 -> of(c);
            case 1 -> cf(c);
            case 2 -> zf(c);
            case 3 -> cf(c) || zf(c);
            case 4 -> sf(c);
            case 5 -> pf(c);
            case 6 -> sf(c) != of(c);
            default -> zf(c) || sf(c) != of(c);
        };
        return result ^ ((cc & 1) != 0);
    }

    /** The result of a two-operand ALU instruction (the 80 /digit group and test). */
    static int compute(Op op, int a, int b, int carry) {
        return switch (op) {
            case ADD -> a + b;
            case OR -> a | b;
            case ADC -> a + b + carry;
            case SBB -> a - b - carry;
            case AND, TEST -> a & b;
            case SUB, CMP -> a - b;
            case XOR -> a ^ b;
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    static int kind(Op op) {
        return switch (op) {
            case ADD, ADC -> ADD;
            case SUB, SBB, CMP -> SUB;
            default -> LOGIC;
        };
    }

    /** CF after a two-operand ALU instruction. */
    static int carryOut(Op op, int a, int b, int result, int carryIn, int mask) {
        return switch (op) {
            case ADD, ADC -> addCarry(a, result, mask, carryIn);
            case SUB, SBB, CMP -> subCarry(a, b, mask, carryIn);
            default -> 0;
        };
    }

    /**
     * Shifts and rotates, per the Intel manual: the count is masked to five bits and a masked count
     * of zero changes nothing; CF is the last bit out (zero once a shift moves every bit out); OF is
     * defined for one-bit counts and ringos computes the same formula for larger ones.
     *
     * @return the result in the low 32 bits and the new EFLAGS arithmetic bits in the high 32
     */
    static long shift(Op op, int value, int count, int size, int flags) {
        int bits = size * 8;
        int m = mask(size);
        int s = sign(m);
        long v = value & (m & 0xFFFF_FFFFL);
        count &= 0x1F;
        if (count == 0) {
            return pack(value, flags);
        }
        int r;
        boolean cf;
        boolean of;
        switch (op) {
            case SHL -> {
                long wide = v << count;
                r = (int) wide;
                cf = count <= bits && ((wide >>> bits) & 1) != 0;
                of = ((r & s) != 0) != cf;
            }
            case SHR -> {
                r = count >= bits ? 0 : (int) (v >>> count);
                cf = count <= bits && ((v >>> (count - 1)) & 1) != 0;
                of = (value & s) != 0;
            }
            case SAR -> {
                long signed = size == 4 ? value : size == 2 ? (short) value : (byte) value;
                int c = Math.min(count, bits);
                r = (int) (signed >> c);
                cf = ((signed >> (c - 1)) & 1) != 0;
                of = false;
            }
            case ROL, ROR -> {
                int c = count % bits;
                r = c == 0 ? value : op == Op.ROL ? (int) ((v << c) | (v >>> (bits - c)))
                        : (int) ((v >>> c) | (v << (bits - c)));
                r &= m;
                if (op == Op.ROL) {
                    cf = (r & 1) != 0;
                    of = ((r & s) != 0) != cf;
                } else {
                    cf = (r & s) != 0;
                    of = ((r & s) != 0) != ((r & (s >>> 1)) != 0);
                }
                int f = (flags & ~(CF | OF)) | (cf ? CF : 0) | (of ? OF : 0);
                return pack(r, f);
            }
            default -> throw new IllegalArgumentException(op.name());
        }
        r &= m;
        int f = (cf ? CF : 0) | (of ? OF : 0) | (r == 0 ? ZF : 0) | ((r & s) != 0 ? SF : 0)
                | (parity(r) ? PF : 0);
        return pack(r, f);
    }

    private static long pack(int result, int flags) {
        return (long) flags << 32 | (result & 0xFFFF_FFFFL);
    }

    /** Sign-extends the low {@code size} bytes. */
    static int signExtend(int value, int size) {
        return size == 4 ? value : size == 2 ? (short) value : (byte) value;
    }

    /** Flags after a multiply: CF = OF = overflow; SF, ZF, PF from the low half (Intel: undefined). */
    static int multiplyFlags(boolean overflow, int low, int size) {
        int m = mask(size);
        int r = low & m;
        return (overflow ? CF | OF : 0) | (r == 0 ? ZF : 0) | ((r & sign(m)) != 0 ? SF : 0)
                | (parity(r) ? PF : 0);
    }
}
