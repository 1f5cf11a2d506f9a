package dev.ringos.cpu;

import static dev.ringos.cpu.Flags.IF;
import static dev.ringos.cpu.Insn.IMM;
import static dev.ringos.cpu.Insn.MEM;
import static dev.ringos.cpu.Insn.REG;
import static dev.ringos.cpu.Registers.*;

import dev.ringos.cpu.isa.PrivilegeClass;

/** The privileged and sensitive instructions, their privilege checks, control registers and MSRs. */
final class SystemInstructions {
    private SystemInstructions() {
    }

    /**
     * The check an opcode-table class demands, before the instruction does anything: privileged
     * instructions need ring 0, IOPL-sensitive ones CPL ≤ IOPL, and with CR4.SVE every sensitive
     * instruction needs ring 0 as well.
     */
    static void checkPrivilege(Cpu c, PrivilegeClass privilege) {
        if (c.cpl == 0 || privilege == PrivilegeClass.INNOCUOUS) {
            return;
        }
        boolean allowed = switch (privilege) {
            case INNOCUOUS -> true;
            case PRIVILEGED -> false;
            case IOPL_SENSITIVE -> !c.strict() && c.cpl <= Flags.iopl(c.eflags);
            case CONTROL_SENSITIVE, BEHAVIOUR_SENSITIVE -> !c.strict();
        };
        if (!allowed) {
            throw c.gp(0);
        }
    }

    static int execute(Cpu c, Traps traps, Insn in, int next) {
        int[] r = c.regs;
        Mmu mmu = c.mmu;
        switch (in.op) {
            case HLT -> c.events.halt();
            case CLI -> {
                c.eflags &= ~IF;
                c.events.poke();
            }
            case STI -> {
                if ((c.eflags & IF) == 0) {
                    c.eflags |= IF;
                    c.events.inhibitInterruptsForOneInstruction();
                }
            }
            case IN -> {
                int port = in.srcKind == IMM ? in.imm & 0xFF : r[EDX] & 0xFFFF;
                c.putReg(EAX, in.size, c.io.in(port, in.size));
            }
            case OUT -> {
                int port = in.dstKind == IMM ? in.imm & 0xFF : r[EDX] & 0xFFFF;
                c.io.out(port, in.size, c.getReg(EAX, in.size));
            }
            case PUSHF -> c.push32(c.eflags());
            case POPF -> {
                int value = mmu.read32(r[ESP]);
                r[ESP] += 4;
                traps.loadFlags(value);
            }
            case IRET -> {
                traps.iret();
                return c.eip;
            }
            case SYSRET -> {
                traps.sysret();
                return c.eip;
            }
            case LIDT -> {
                int va = c.ea(in);
                int limit = mmu.read16(va);
                c.idtBase = mmu.read32(va + 2);
                c.idtLimit = limit;
            }
            case SIDT -> {
                int va = c.ea(in);
                mmu.write16(va, c.idtLimit);
                mmu.write32(va + 2, c.idtBase);
            }
            case LTR -> c.tr = in.dstKind == REG ? r[in.dst] : mmu.read32(c.ea(in));
            case STR -> store(c, in, c.tr, 4);
            case SMSW -> store(c, in, c.cr0 & 0xFFFF, 2);
            case MOV_FROM_CS -> store(c, in, c.cs(), 2);
            case MOV_FROM_CR -> r[in.dst] = readControlRegister(c, in.src);
            case MOV_TO_CR -> {
                if (!writeControlRegister(c, in.dst, r[in.src])) {
                    throw c.gp(0);
                }
            }
            case INVLPG -> {
                mmu.invalidatePage(c.ea(in));
                c.interpreter.forgetFetchPage();
            }
            case RDMSR -> {
                long value = readMsr(c, r[ECX]);
                if (value < 0) {
                    throw c.gp(0);
                }
                r[EAX] = (int) value;
                r[EDX] = (int) (value >>> 32);
            }
            case WRMSR -> {
                long value = (long) r[EDX] << 32 | (r[EAX] & 0xFFFF_FFFFL);
                if (!writeMsr(c, r[ECX], value)) {
                    throw c.gp(0);
                }
            }
            case RDTSC -> {
                if (c.cpl > 0 && (c.cr4 & ControlRegisters.CR4_TSD) != 0) {
                    throw c.gp(0);
                }
                r[EAX] = (int) c.cycles;
                r[EDX] = (int) (c.cycles >>> 32);
            }
            default -> throw new IllegalStateException("no handler for " + in.form);
        }
        return next;
    }

    /** Stores a register-revealing value: all 32 bits to a register, {@code memSize} bytes to memory. */
    private static void store(Cpu c, Insn in, int value, int memSize) {
        if (in.dstKind == MEM) {
            c.writeMem(c.ea(in), memSize, value);
        } else {
            c.regs[in.dst] = memSize == 2 ? value & 0xFFFF : value;
        }
    }

    static int readControlRegister(Cpu c, int n) {
        return switch (n) {
            case 0 -> c.cr0;
            case 2 -> c.cr2;
            case 3 -> c.cr3;
            default -> c.cr4;
        };
    }

    /** Loads CRn; false when the value sets bits ringos does not have (the caller raises #GP). */
    static boolean writeControlRegister(Cpu c, int n, int value) {
        switch (n) {
            case 0 -> {
                if ((value & ~ControlRegisters.CR0_VALID) != 0) {
                    return false;
                }
                c.cr0 = value | ControlRegisters.CR0_PE;
                c.mmu.flushAll();
                c.interpreter.forgetFetchPage();
            }
            case 2 -> c.cr2 = value;
            case 3 -> {
                c.cr3 = value;
                if ((c.cr4 & ControlRegisters.CR4_PCIDE) != 0) {
                    c.mmu.switchContext(value & 0xFFF);
                } else {
                    c.mmu.flush();
                }
                c.interpreter.forgetFetchPage();
            }
            case 4 -> {
                if ((value & ~ControlRegisters.CR4_VALID) != 0) {
                    return false;
                }
                int toggled = (c.cr4 ^ value) & ControlRegisters.CR4_PCIDE;
                if (toggled != 0 && (value & ControlRegisters.CR4_PCIDE) != 0 && (c.cr3 & 0xFFF) != 0) {
                    return false; // as x86: PCIDE goes on only with PCID 0 loaded
                }
                c.cr4 = value;
                if (toggled != 0) {
                    c.mmu.flushAll();
                    c.mmu.switchContext((value & ControlRegisters.CR4_PCIDE) != 0 ? c.cr3 & 0xFFF : 0);
                    c.interpreter.forgetFetchPage();
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The MSR's value, or -1 if there is no such MSR. */
    static long readMsr(Cpu c, int number) {
        return switch (number) {
            case Msr.TSC -> c.cycles;
            case Msr.EFER -> c.efer;
            case Msr.LSTAR -> c.lstar & 0xFFFF_FFFFL;
            case Msr.FMASK -> c.fmask & 0xFFFF_FFFFL;
            case Msr.SYSCALL_ESP -> c.syscallEsp & 0xFFFF_FFFFL;
            case Msr.SYSRET_EIP -> c.sysretEip & 0xFFFF_FFFFL;
            case Msr.SYSRET_EFLAGS -> c.sysretEflags & 0xFFFF_FFFFL;
            case Msr.SYSRET_ESP -> c.sysretEsp & 0xFFFF_FFFFL;
            case Msr.SYSCALL_HOST_GATE -> c.syscallHostGate;
            default -> -1;
        };
    }

    /** Writes an MSR; false if there is none, it is read-only (TSC: virtual time only goes forward) or the value is bad. */
    static boolean writeMsr(Cpu c, int number, long value) {
        int v = (int) value;
        if (value >>> 32 != 0 && number != Msr.TSC) {
            return false;
        }
        switch (number) {
            case Msr.EFER -> {
                if ((v & ~Msr.EFER_SCE) != 0) {
                    return false;
                }
                c.efer = v;
            }
            case Msr.LSTAR -> c.lstar = v;
            case Msr.FMASK -> c.fmask = v;
            case Msr.SYSCALL_ESP -> c.syscallEsp = v;
            case Msr.SYSRET_EIP -> c.sysretEip = v;
            case Msr.SYSRET_EFLAGS -> c.sysretEflags = v;
            case Msr.SYSRET_ESP -> c.sysretEsp = v;
            case Msr.SYSCALL_HOST_GATE -> {
                if (v < 0 || v > c.hostGates.size()) {
                    return false;
                }
                c.syscallHostGate = v;
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
