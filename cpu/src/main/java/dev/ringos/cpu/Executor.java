package dev.ringos.cpu;

import static dev.ringos.cpu.Flags.DF;
import static dev.ringos.cpu.Insn.IMM;
import static dev.ringos.cpu.Insn.MEM;
import static dev.ringos.cpu.Insn.REG;
import static dev.ringos.cpu.Registers.*;

import dev.ringos.cpu.isa.Op;

/**
 * Every instruction in every operand size, the slower general way: operands are read and written
 * through their kind (register, memory, immediate). Privileged and sensitive instructions pass the
 * check their opcode-table class demands before anything else. Each handler reads what it needs,
 * writes memory, and only then touches registers and flags, so a fault leaves no trace.
 */
final class Executor {
    private final Cpu c;
    private final int[] r;
    private final Mmu mmu;
    private final Traps traps;

    Executor(Cpu cpu, Traps traps) {
        this.c = cpu;
        this.r = cpu.regs;
        this.mmu = cpu.mmu;
        this.traps = traps;
    }

    /** Executes {@code in}; returns the EIP to continue at. */
    int execute(Insn in, int next) {
        if (in.form == null) {
            throw c.ud();
        }
        SystemInstructions.checkPrivilege(c, in.form.privilege());
        int size = in.size;
        switch (in.op) {
            case ADD, OR, ADC, SBB, AND, SUB, XOR, CMP, TEST -> alu(in);
            case NOT -> write(in, in.dstKind, in.dst, size, ~read(in, in.dstKind, in.dst, size));
            case NEG -> {
                int v = read(in, in.dstKind, in.dst, size);
                write(in, in.dstKind, in.dst, size, -v);
                c.setLazy(Alu.SUB, 0, v, -v, Alu.mask(size));
                c.carry = (v & Alu.mask(size)) != 0 ? 1 : 0;
            }
            case MUL, IMUL1 -> multiplyWide(in);
            case IMUL -> multiply(in);
            case DIV, IDIV -> divide(in);
            case INC, DEC -> {
                // CF is left as it was: inc and dec are the one add and sub that keep it.
                int v = read(in, in.dstKind, in.dst, size);
                int result = in.op == Op.INC ? v + 1 : v - 1;
                write(in, in.dstKind, in.dst, size, result);
                c.setLazy(in.op == Op.INC ? Alu.ADD : Alu.SUB, v, 1, result, Alu.mask(size));
            }
            case ROL, ROR, SHL, SHR, SAR -> {
                int count = in.srcKind == IMM ? in.imm : r[ECX];
                int v = read(in, in.dstKind, in.dst, size);
                long packed = Alu.shift(in.op, v, count, size, c.eflags());
                if ((count & 0x1F) != 0) {
                    write(in, in.dstKind, in.dst, size, (int) packed);
                }
                c.setArithmetic((int) (packed >>> 32));
            }
            case MOV -> write(in, in.dstKind, in.dst, size, read(in, in.srcKind, in.src, size));
            case MOVZX -> write(in, in.dstKind, in.dst, size, read(in, in.srcKind, in.src, in.srcSize));
            case MOVSX -> write(in, in.dstKind, in.dst, size,
                    Alu.signExtend(read(in, in.srcKind, in.src, in.srcSize), in.srcSize));
            case LEA -> c.putReg(in.dst, size, c.ea(in));
            case XCHG -> {
                int a = read(in, in.dstKind, in.dst, size);
                int b = read(in, in.srcKind, in.src, size);
                write(in, in.dstKind, in.dst, size, b);
                write(in, in.srcKind, in.src, size, a);
            }
            case CMPXCHG -> compareExchange(in);
            case CDQ -> r[EDX] = r[EAX] >> 31;
            case CWDE -> r[EAX] = (short) r[EAX];
            case PUSH -> c.push32(read(in, in.dstKind, in.dst, 4));
            case POP -> pop(in);
            case LEAVE -> {
                int saved = mmu.read32(r[EBP]);
                r[ESP] = r[EBP] + 4;
                r[EBP] = saved;
            }
            case JMP -> {
                return in.dstKind == IMM ? next + in.imm : read(in, in.dstKind, in.dst, 4);
            }
            case JCC -> {
                return Alu.condition(c, in.condition) ? next + in.imm : next;
            }
            case CALL -> {
                int target = in.dstKind == IMM ? next + in.imm : read(in, in.dstKind, in.dst, 4);
                c.push32(next);
                return target;
            }
            case RET -> {
                int target = mmu.read32(r[ESP]);
                r[ESP] += 4 + (in.dstKind == IMM ? in.imm : 0);
                return target;
            }
            case MOVS, STOS, REP_MOVS, REP_STOS -> {
                return strings(in, next);
            }
            case CLC -> c.carry = 0;
            case STC -> c.carry = 1;
            case CMC -> c.carry ^= 1;
            case CLD -> c.eflags &= ~DF;
            case STD -> c.eflags |= DF;
            case NOP -> { }
            case UD2 -> throw c.ud();
            case CPUID -> cpuid();
            case INT3 -> {
                traps.deliverSoftware(Vectors.BREAKPOINT, next);
                return c.eip;
            }
            case INT -> {
                traps.deliverSoftware(in.imm & 0xFF, next);
                return c.eip;
            }
            case SYSCALL -> {
                traps.syscall(next);
                return c.eip;
            }
            default -> {
                return SystemInstructions.execute(c, traps, in, next);
            }
        }
        return next;
    }

    int read(Insn in, int kind, int reg, int size) {
        return switch (kind) {
            case REG -> c.getReg(reg, size);
            case MEM -> c.readMem(c.ea(in), size);
            case IMM -> in.imm;
            default -> 0;
        };
    }

    void write(Insn in, int kind, int reg, int size, int value) {
        if (kind == REG) {
            c.putReg(reg, size, value);
        } else if (kind == MEM) {
            c.writeMem(c.ea(in), size, value);
        }
    }

    private void alu(Insn in) {
        int size = in.size;
        int a = read(in, in.dstKind, in.dst, size);
        int b = read(in, in.srcKind, in.src, size);
        int carryIn = in.op == Op.ADC || in.op == Op.SBB ? c.carry : 0;
        int result = Alu.compute(in.op, a, b, carryIn);
        if (in.op != Op.CMP && in.op != Op.TEST) {
            write(in, in.dstKind, in.dst, size, result);
        }
        int mask = Alu.mask(size);
        c.setLazy(Alu.kind(in.op), a, b, result, mask);
        c.carry = Alu.carryOut(in.op, a, b, result, carryIn, mask);
        if (in.op == Op.SBB && carryIn != 0) {
            // jl/jge/jle/jg read a 32-bit sub-kind state as cmp a, b (signed a < b, …); sbb with a
            // borrow computed a - b - 1, so its flags are worked out now instead.
            c.setArithmetic(Alu.arithmetic(c));
        }
    }

    /** mul and one-operand imul: edx:eax (dx:ax, ax) = eax (ax, al) × r/m. */
    private void multiplyWide(Insn in) {
        int size = in.size;
        int v = read(in, in.dstKind, in.dst, size);
        boolean signed = in.op == Op.IMUL1;
        int m = Alu.mask(size);
        long a = signed ? Alu.signExtend(r[EAX], size) : r[EAX] & (m & 0xFFFF_FFFFL);
        long b = signed ? Alu.signExtend(v, size) : v & (m & 0xFFFF_FFFFL);
        long product = a * b;
        int bits = size * 8;
        int low = (int) product & m;
        int high = (int) (product >> bits) & m;
        boolean overflow = signed ? product != Alu.signExtend(low, size) : high != 0;
        switch (size) {
            case 1 -> r[EAX] = (r[EAX] & 0xFFFF_0000) | (int) product & 0xFFFF;
            case 2 -> {
                c.putReg(EAX, 2, low);
                c.putReg(EDX, 2, high);
            }
            default -> {
                r[EAX] = low;
                r[EDX] = high;
            }
        }
        c.setArithmetic(Alu.multiplyFlags(overflow, low, size));
    }

    /** Two- and three-operand imul: reg = r/m × (reg or imm), truncated. */
    private void multiply(Insn in) {
        int size = in.size;
        long a = Alu.signExtend(read(in, in.srcKind, in.src, size), size);
        long b = in.form.operands().size() == 3 ? Alu.signExtend(in.imm, size)
                : Alu.signExtend(c.getReg(in.dst, size), size);
        long product = a * b;
        int low = (int) product;
        c.putReg(in.dst, size, low);
        c.setArithmetic(Alu.multiplyFlags(product != Alu.signExtend(low, size), low, size));
    }

    /** div and idiv: #DE on a zero divisor or a quotient that does not fit. Flags are left as they were. */
    private void divide(Insn in) {
        int size = in.size;
        int bits = size * 8;
        int m = Alu.mask(size);
        long divisor = read(in, in.dstKind, in.dst, size);
        long dividend = switch (size) {
            case 1 -> r[EAX] & 0xFFFF;
            case 2 -> (r[EDX] & 0xFFFFL) << 16 | (r[EAX] & 0xFFFFL);
            default -> (long) r[EDX] << 32 | (r[EAX] & 0xFFFF_FFFFL);
        };
        long quotient;
        long remainder;
        if (in.op == Op.DIV) {
            divisor &= m & 0xFFFF_FFFFL;
            if (divisor == 0) {
                throw deError();
            }
            quotient = Long.divideUnsigned(dividend, divisor);
            remainder = Long.remainderUnsigned(dividend, divisor);
            if (Long.compareUnsigned(quotient, m & 0xFFFF_FFFFL) > 0) {
                throw deError();
            }
        } else {
            divisor = Alu.signExtend((int) divisor, size);
            if (divisor == 0) {
                throw deError();
            }
            long signedDividend = size == 4 ? dividend : (dividend << (64 - 2 * bits)) >> (64 - 2 * bits);
            if (size == 4 && signedDividend == Long.MIN_VALUE && divisor == -1) {
                throw deError();
            }
            quotient = signedDividend / divisor;
            remainder = signedDividend % divisor;
            long min = -(1L << (bits - 1));
            long max = (1L << (bits - 1)) - 1;
            if (quotient < min || quotient > max) {
                throw deError();
            }
        }
        switch (size) {
            case 1 -> r[EAX] = (r[EAX] & 0xFFFF_0000) | ((int) remainder & 0xFF) << 8 | ((int) quotient & 0xFF);
            case 2 -> {
                c.putReg(EAX, 2, (int) quotient);
                c.putReg(EDX, 2, (int) remainder);
            }
            default -> {
                r[EAX] = (int) quotient;
                r[EDX] = (int) remainder;
            }
        }
    }

    private CpuFault deError() {
        return c.fault.set(Vectors.DIVIDE_ERROR, 0, false);
    }

    /** cmpxchg: flags as cmp eax, r/m; the destination is written either way, as on x86. */
    private void compareExchange(Insn in) {
        int size = in.size;
        int m = Alu.mask(size);
        int accumulator = c.getReg(EAX, size);
        int current = read(in, in.dstKind, in.dst, size);
        boolean equal = ((accumulator ^ current) & m) == 0;
        write(in, in.dstKind, in.dst, size, equal ? read(in, in.srcKind, in.src, size) : current);
        if (!equal) {
            c.putReg(EAX, size, current);
        }
        c.setLazy(Alu.SUB, accumulator, current, accumulator - current, m);
        c.carry = Alu.subCarry(accumulator, current, m, 0);
    }

    /** pop r/m32: an ESP-based address is computed after ESP moves, as on x86. */
    private void pop(Insn in) {
        int value = mmu.read32(r[ESP]);
        int oldEsp = r[ESP];
        r[ESP] = oldEsp + 4;
        if (in.dstKind == REG) {
            r[in.dst] = value;
            return;
        }
        try {
            mmu.write32(c.ea(in), value);
        } catch (CpuFault f) {
            r[ESP] = oldEsp;
            throw f;
        }
    }

    /**
     * movs and stos, with rep: one element per iteration, ECX counting down, ESI/EDI stepping by DF.
     * A rep instruction stops between iterations when an event is due and resumes where it was.
     */
    private int strings(Insn in, int next) {
        int size = in.size;
        int step = (c.eflags & DF) != 0 ? -size : size;
        boolean rep = in.op == Op.REP_MOVS || in.op == Op.REP_STOS;
        boolean move = in.op == Op.MOVS || in.op == Op.REP_MOVS;
        if (!rep) {
            stringElement(move, size, step);
            return next;
        }
        while (r[ECX] != 0) {
            stringElement(move, size, step);
            r[ECX]--;
            // The interpreter charges the row's cycles once when this returns: that pays for the
            // last iteration, or for the one before a stop, so a stop and resume costs nothing extra.
            if (r[ECX] == 0) {
                return next;
            }
            if (c.cycles + in.cycles >= c.events.next) {
                // Stopped between iterations: the instruction has not retired, so it must not be counted
                // (the interpreter counts one when this returns), or the count would depend on when the host looks.
                c.instructions--;
                return c.eip;
            }
            c.cycles += in.cycles;
        }
        return next;
    }

    private void stringElement(boolean move, int size, int step) {
        int value = move ? c.readMem(r[ESI], size) : c.getReg(EAX, size);
        c.writeMem(r[EDI], size, value);
        if (move) {
            r[ESI] += step;
        }
        r[EDI] += step;
    }

    private void cpuid() {
        switch (r[EAX]) {
            case 0 -> {
                r[EAX] = 1;
                r[EBX] = ascii("Ring");
                r[EDX] = ascii("OSem");
                r[ECX] = ascii("uCPU");
            }
            case 1 -> {
                r[EAX] = 0x0001_0001;   // family 1, model 0, stepping 1
                r[EBX] = 0;
                r[ECX] = 1 << 5;        // strict virtualization (CR4.SVE) available, where x86 says VMX
                r[EDX] = 1 << 4 | 1 << 5; // TSC, MSR
            }
            default -> {
                r[EAX] = 0;
                r[EBX] = 0;
                r[ECX] = 0;
                r[EDX] = 0;
            }
        }
    }

    private static int ascii(String four) {
        return four.charAt(0) | four.charAt(1) << 8 | four.charAt(2) << 16 | four.charAt(3) << 24;
    }
}
