package dev.ringos.cpu;

import static dev.ringos.cpu.Flags.IF;
import static dev.ringos.cpu.Flags.TF;

/**
 * Everything that happens between instructions: external interrupts, the timer, hlt, single-step
 * traps, stop requests and the end of the cycle budget. The interpreter checks one number per
 * instruction ({@link #next}, a cycle count) and calls {@link #service} when it is reached; whatever
 * changes the picture (sti, popf, a device, the host) pokes it to zero.
 */
final class Events {
    static final int FIRST_IRQ = 32;

    private final Cpu cpu;
    /** Bit i: vector 32 + i is pending. */
    private long pending;
    /** Interrupts stay off until this many instructions have retired (the instruction after sti). */
    private long shadowUntil;
    /** Single-step: a #DB is owed once the instruction count passes this (-1 when not armed). */
    private long stepFrom = -1;
    private boolean stopRequested;
    private long budgetEnd;
    boolean halted;
    String shutdownReason;
    long next;

    Events(Cpu cpu) {
        this.cpu = cpu;
    }

    long now() {
        return cpu.cycles;
    }

    void poke() {
        next = 0;
    }

    /**
     * EFLAGS changed: interrupts turned on with one pending, or a single step asked for, make the
     * next instruction boundary an event. Anything else leaves the schedule as it is, so a syscall's
     * return (IF back on) costs no trip through service.
     */
    void flagsChanged(int before, int after) {
        boolean interruptsTurnedOn = (after & IF) != 0 && (before & IF) == 0;
        if ((after & TF) != 0 || interruptsTurnedOn && pending != 0) {
            poke();
        }
    }

    void raise(int vector) {
        pending |= 1L << (vector - FIRST_IRQ);
        poke();
    }

    void requestStop() {
        stopRequested = true;
        poke();
    }

    void startBudget(long budget) {
        long end = cpu.cycles + budget;
        budgetEnd = end < cpu.cycles ? Long.MAX_VALUE : end;
        poke();
    }

    void inhibitInterruptsForOneInstruction() {
        shadowUntil = cpu.instructions + 2;
        poke();
    }

    void halt() {
        halted = true;
        poke();
    }

    void shutdown(String reason) {
        shutdownReason = reason;
        poke();
    }

    /** Deals with everything due; returns why run should return, or null to execute the next instruction. */
    Exit service() {
        boolean delivered = false;
        while (true) {
            if (shutdownReason != null) {
                return Exit.TRIPLE_FAULT;
            }
            if (stopRequested) {
                stopRequested = false;
                return Exit.STOPPED;
            }
            if (delivered && cpu.cycles >= budgetEnd) {
                // Deliveries cost cycles too: interrupts coming faster than they can be delivered must not keep run from returning.
                return Exit.BUDGET;
            }
            if (stepFrom >= 0 && cpu.instructions > stepFrom) {
                stepFrom = -1;
                cpu.interpreter.deliverBetweenInstructions(Vectors.DEBUG);
                delivered = true;
                continue;
            }
            cpu.timer.tick(cpu.cycles);
            boolean interruptsOn = (cpu.eflags & IF) != 0;
            boolean deliverable = pending != 0 && interruptsOn && cpu.instructions >= shadowUntil;
            if (deliverable) {
                int vector = FIRST_IRQ + Long.numberOfTrailingZeros(pending);
                pending &= pending - 1;
                halted = false;
                cpu.interpreter.deliverBetweenInstructions(vector);
                delivered = true;
                continue;
            }
            if (halted) {
                if (!interruptsOn || pending == 0 && !cpu.timer.armed()) {
                    return Exit.HALTED;
                }
                if (pending == 0) {
                    // Nothing to do until the timer fires: let virtual time jump there.
                    long wake = Math.min(cpu.timer.deadline(), budgetEnd);
                    cpu.cycles = Math.max(cpu.cycles, wake);
                    if (cpu.cycles >= budgetEnd) {
                        return Exit.BUDGET;
                    }
                }
                continue;
            }
            if (cpu.cycles >= budgetEnd) {
                return Exit.BUDGET;
            }
            if ((cpu.eflags & TF) != 0 && stepFrom < 0) {
                stepFrom = cpu.instructions;
            }
            boolean checkEveryInstruction = stepFrom >= 0 || pending != 0 && interruptsOn;
            // Every instruction costs at least one cycle, so cycles + 1 means: after the next instruction.
            next = checkEveryInstruction ? cpu.cycles + 1 : Math.min(budgetEnd, cpu.timer.deadline());
            return null;
        }
    }

    /** A fault or interrupt delivery clears TF; a pending single-step trap goes with it. */
    void cancelSingleStep() {
        stepFrom = -1;
    }
}
