package dev.ringos.cpu;

import static dev.ringos.cpu.Flags.*;
import static dev.ringos.cpu.Registers.ESP;

/**
 * Trap and interrupt delivery, x86's way, and the ways back (iret, sysret).
 *
 * <p>Delivery reads the gate from the IDT, checks it, switches to the handler's ring — and, when
 * that is more privileged, to its stack from the TSS — and pushes [old ESP,] EFLAGS, CS, EIP
 * [, error code]. Nothing is committed until every access has succeeded. A fault during delivery
 * is combined with the first event as x86 does: two contributory faults, or a page fault followed
 * by a page or contributory fault, make a double fault; a fault while delivering the double fault
 * shuts the machine down (triple fault).
 */
final class Traps {
    private final Cpu c;
    private final int[] r;
    private final Mmu mmu;

    Traps(Cpu cpu) {
        this.c = cpu;
        this.r = cpu.regs;
        this.mmu = cpu.mmu;
    }

    /** A fault or trap the CPU raised while executing the instruction at EIP. */
    void deliverException(int vector, int errorCode, boolean hasErrorCode) {
        deliver(vector, errorCode, hasErrorCode, false);
    }

    /**
     * int n / int3: the gate's DPL is checked, and EIP pushed is the next instruction's. A fault on
     * the way (#GP for DPL, #NP, #PF on the stack) is raised as the int instruction's own fault.
     */
    void deliverSoftware(int vector, int returnEip) {
        HostGate gate = deliverOnce(vector, 0, false, returnEip, true);
        enterHostGate(gate, vector, 0, false);
    }

    /** Delivers an exception, trap or external interrupt, handling faults on the way. */
    void deliver(int vector, int errorCode, boolean hasErrorCode, boolean software) {
        while (true) {
            HostGate gate;
            try {
                gate = deliverOnce(vector, errorCode, hasErrorCode, c.eip, software);
            } catch (CpuFault second) {
                if (vector == Vectors.DOUBLE_FAULT) {
                    c.events.shutdown("triple fault: " + Vectors.name(second.vector) + " while delivering #DF at eip "
                            + Integer.toHexString(c.eip));
                    return;
                }
                boolean pageClass = vector == Vectors.PAGE_FAULT;
                boolean doubleFault = Vectors.isContributory(second.vector)
                        && (Vectors.isContributory(vector) || pageClass)
                        || pageClass && second.vector == Vectors.PAGE_FAULT;
                if (doubleFault) {
                    vector = Vectors.DOUBLE_FAULT;
                    errorCode = 0;
                    hasErrorCode = true;
                } else {
                    vector = second.vector;
                    errorCode = second.errorCode;
                    hasErrorCode = second.hasErrorCode;
                }
                continue;
            }
            enterHostGate(gate, vector, errorCode, true);
            return;
        }
    }

    private HostGate deliverOnce(int vector, int errorCode, boolean hasErrorCode, int returnEip, boolean software) {
        int idtError = vector * 8 + 2 + (software ? 0 : 1);
        if (vector * 8 + 7 > c.idtLimit) {
            throw c.gp(idtError);
        }
        int low = supervisorRead32(c.idtBase + vector * 8);
        int high = supervisorRead32(c.idtBase + vector * 8 + 4);
        int type = (high >>> 8) & 0x1F;
        int dpl = (high >>> 13) & 3;
        boolean present = (high & 0x8000) != 0;
        boolean host = Gates.isHost(type);
        if (!Gates.isValid(type)) {
            throw c.gp(idtError);
        }
        if (software && c.cpl > dpl) {
            throw c.gp(idtError);
        }
        if (!present) {
            throw c.fault.set(Vectors.SEGMENT_NOT_PRESENT, idtError, true);
        }
        int selector = low >>> 16;
        int ring = selector & 3;
        int offset = (high & 0xFFFF_0000) | (low & 0xFFFF);
        HostGate gate = null;
        if (host) {
            if (offset < 1 || offset > c.hostGates.size()) {
                throw c.gp(idtError);
            }
            gate = c.hostGates.get(offset - 1);
        }
        if (ring > c.cpl) {
            throw c.gp(selector & 0xFFFC);
        }
        int flags = c.eflags();
        int oldEsp = r[ESP];
        int oldCpl = c.cpl;
        int sp = ring < oldCpl ? supervisorRead32(c.tr + Gates.TSS_ESP0 + 8 * ring) : oldEsp;
        mmu.setUser(ring == 3);
        try {
            if (ring < oldCpl) {
                sp -= 4;
                mmu.write32(sp, oldEsp);
            }
            sp -= 4;
            mmu.write32(sp, flags);
            sp -= 4;
            mmu.write32(sp, Registers.codeSelector(oldCpl));
            sp -= 4;
            mmu.write32(sp, returnEip);
            if (hasErrorCode) {
                sp -= 4;
                mmu.write32(sp, errorCode);
            }
        } finally {
            mmu.setUser(c.cpl == 3);
        }
        r[ESP] = sp;
        c.setCpl(ring);
        c.eflags &= ~(TF | (Gates.clearsIf(type) ? IF : 0));
        c.events.cancelSingleStep();
        c.events.poke();
        c.eip = offset;
        c.trapCounts[vector]++;
        c.cycles += Cpu.DELIVERY_CYCLES;
        return gate;
    }

    private int supervisorRead32(int va) {
        mmu.setUser(false);
        try {
            return mmu.read32(va);
        } finally {
            mmu.setUser(c.cpl == 3);
        }
    }

    /** Runs host code behind a gate, then leaves it the only way there is: iret. */
    private void enterHostGate(HostGate gate, int vector, int errorCode, boolean fromDelivery) {
        if (gate == null) {
            return;
        }
        gate.enter(c, vector, errorCode);
        try {
            iret();
        } catch (CpuFault f) {
            c.events.shutdown("host gate for vector " + vector + " returned through a bad frame: "
                    + Vectors.name(f.vector));
        }
    }

    /** iret: pop EIP, CS, EFLAGS, and ESP when returning outward. It can never raise the privilege. */
    void iret() {
        int sp = r[ESP];
        int eip = mmu.read32(sp);
        int cs = mmu.read32(sp + 4);
        int flags = mmu.read32(sp + 8);
        int ring = cs & 3;
        if (ring < c.cpl) {
            throw c.gp(cs & 0xFFFC);
        }
        int esp = ring > c.cpl ? mmu.read32(sp + 12) : sp + 12;
        loadFlags(flags);
        r[ESP] = esp;
        c.eip = eip;
        c.setCpl(ring);
    }

    /**
     * popf and iret write EFLAGS with the rights of the current CPL: IOPL only in ring 0, IF only
     * when CPL ≤ IOPL. Anything else is silently kept, which is what makes popf sensitive.
     */
    void loadFlags(int value) {
        int writable = ARITHMETIC | TF | DF;
        if (c.cpl == 0) {
            writable |= IF | IOPL;
        } else if (c.cpl <= iopl(c.eflags)) {
            writable |= IF;
        }
        c.setEflags((c.eflags() & ~writable) | (value & writable));
    }

    /**
     * syscall: keeps the caller's EIP, EFLAGS and ESP in the SYSRET_* MSRs (readable only in ring 0),
     * clears the FMASK bits, switches to ring 0 and the SYSCALL_ESP stack, and jumps to LSTAR — or
     * enters the host gate named by SYSCALL_HOST_GATE, which returns by sysret.
     */
    void syscall(int next) {
        if ((c.efer & Msr.EFER_SCE) == 0 || c.cpl == 0) {
            throw c.ud();
        }
        int flags = c.eflags();
        c.sysretEip = next;
        c.sysretEflags = flags;
        c.sysretEsp = r[ESP];
        c.setEflags(flags & ~c.fmask);
        c.events.cancelSingleStep();
        r[ESP] = c.syscallEsp;
        c.setCpl(0);
        if (c.syscallHostGate == 0) {
            c.eip = c.lstar;
            return;
        }
        c.eip = next;
        c.leaveByIret = false;
        c.hostGates.get(c.syscallHostGate - 1).enter(c, -1, 0);
        if (c.leaveByIret) {
            c.leaveByIret = false;
            try {
                iret();
            } catch (CpuFault f) {
                c.events.shutdown("the syscall host gate returned through a bad frame: " + Vectors.name(f.vector));
            }
            return;
        }
        sysret();
    }

    /** sysret: back to ring 3 with the EIP, EFLAGS and ESP kept by syscall. */
    void sysret() {
        c.setEflags(c.sysretEflags);
        r[ESP] = c.sysretEsp;
        c.eip = c.sysretEip;
        c.setCpl(3);
    }
}
