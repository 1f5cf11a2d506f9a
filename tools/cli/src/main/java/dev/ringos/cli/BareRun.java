package dev.ringos.cli;

import dev.ringos.asm.elf.Executable;
import dev.ringos.cpu.Cpu;
import dev.ringos.cpu.Exit;
import dev.ringos.cpu.Gates;
import dev.ringos.cpu.PhysicalMemory;
import dev.ringos.cpu.Registers;
import dev.ringos.cpu.Vectors;
import java.util.function.IntConsumer;

/**
 * The machine of {@code ringos run --bare}: no kernel at all. Ring 0, paging off, interrupts off;
 * the program's segments at their addresses in physical memory, the stack just below the last page
 * (which holds an IDT of host gates), the console on COM1's ports. It runs until {@code hlt}, and
 * its exit status is AL at that moment. A trap stops it with a one-line report.
 */
final class BareRun {
    /** Exit status when the cycle budget runs out, as timeout(1) uses it. */
    static final int OUT_OF_CYCLES = 124;
    /** Exit status when the program traps or the machine triple-faults. */
    static final int TRAPPED = 125;

    private final Cpu cpu;
    private String trap;

    /** How a run ended: the exit status and, unless the program halted normally, a one-line reason. */
    record Outcome(int status, String problem) {
    }

    /**
     * @throws IllegalArgumentException when a segment does not fit in memory (a message for the user)
     */
    BareRun(Executable program, long memoryBytes, IntConsumer console) {
        PhysicalMemory memory = new PhysicalMemory(memoryBytes);
        int idt = memory.size() - PhysicalMemory.PAGE_SIZE;
        for (Executable.Segment s : program.segments()) {
            long end = Integer.toUnsignedLong(s.address()) + s.memorySize();
            if (end > idt) {
                throw new IllegalArgumentException(String.format(
                        "segment %s (%#x–%#x) does not fit below %#x in %d MiB of memory; use --mem",
                        s.name(), s.address(), end, idt, memoryBytes >> 20));
            }
            memory.load(s.address(), s.data());
        }
        cpu = new Cpu(memory);
        int gate = cpu.registerHostGate(this::trapped);
        for (int vector = 0; vector < 256; vector++) {
            Gates.write(memory, idt, vector, gate, 0, 3, Gates.HOST_INTERRUPT_GATE);
        }
        cpu.setIdt(idt, 256 * 8 - 1);
        cpu.console().setSink(console);
        cpu.setEip(program.entry());
        cpu.setReg(Registers.ESP, idt);
    }

    Cpu cpu() {
        return cpu;
    }

    /** Told about every instruction when tracing: where it was, and the registers before it ran. */
    interface Tracer {
        void executed(int eip, int[] registersBefore, int eflagsBefore, Cpu after);
    }

    /** Runs for at most {@code maxCycles} cycles, one instruction at a time when tracing. */
    Outcome run(long maxCycles, Tracer tracer) {
        Exit exit;
        if (tracer == null) {
            exit = cpu.run(maxCycles);
        } else {
            exit = Exit.BUDGET;
            long end = cpu.cycles() + maxCycles;
            int[] before = new int[8];
            while (exit == Exit.BUDGET && cpu.cycles() < end) {
                int eip = cpu.eip();
                for (int r = 0; r < 8; r++) {
                    before[r] = cpu.reg(r);
                }
                int eflags = cpu.eflags();
                exit = cpu.run(1);
                tracer.executed(eip, before, eflags, cpu);
            }
        }
        return switch (exit) {
            case HALTED -> new Outcome(cpu.reg(Registers.EAX) & 0xFF, null);
            case BUDGET -> new Outcome(OUT_OF_CYCLES, String.format(
                    "still running after %d cycles at eip %#x (raise --max-cycles, or end the program with hlt)",
                    maxCycles, cpu.eip()));
            case STOPPED -> new Outcome(TRAPPED, trap);
            case TRIPLE_FAULT -> new Outcome(TRAPPED, cpu.shutdownReason());
        };
    }

    private void trapped(Cpu c, int vector, int errorCode) {
        boolean hasErrorCode = Vectors.hasErrorCode(vector);
        int frame = c.reg(Registers.ESP);
        long eipAddress = c.physicalAddress(frame + (hasErrorCode ? 4 : 0));
        int eip = eipAddress < 0 ? 0 : c.memory().read32((int) eipAddress);
        trap = String.format("%s%s at eip %#x%s", Vectors.name(vector),
                hasErrorCode ? String.format("(%#x)", errorCode) : "", eip,
                vector == Vectors.PAGE_FAULT ? String.format(", cr2 %#x", c.cr2()) : "");
        if (hasErrorCode) {
            c.setReg(Registers.ESP, frame + 4);
        }
        c.requestStop();
    }
}
