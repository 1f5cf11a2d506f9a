package dev.ringos.cpu;

import static dev.ringos.cpu.Registers.ESP;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts a host gate on the 32 exception vectors of a {@link BareMachine} that records every fault,
 * with the ring and ESP it came from, and stops the CPU. It pops the error code before the iret, as
 * an x86 handler does, so the CPU comes back exactly where the fault left it: at the faulting
 * instruction, in the faulting ring, with the faulting ESP. A test can then check both what the
 * fault reported and that the instruction had no effect.
 */
final class FaultRecorder {

    /**
     * One exception: what the CPU reported (vector, error code, CR2) and the frame it pushed (the
     * faulting EIP and ring, and the ESP at the fault).
     */
    record Fault(int vector, int errorCode, int eip, int cr2, int ring, int esp) {
        @Override
        public String toString() {
            return String.format("%s error %#x at eip %#x ring %d esp %#x cr2 %#x", Vectors.name(vector), errorCode,
                    eip, ring, esp, cr2);
        }
    }

    private final List<Fault> faults = new ArrayList<>();

    private FaultRecorder() {
    }

    static FaultRecorder install(BareMachine machine) {
        FaultRecorder recorder = new FaultRecorder();
        int gate = machine.cpu().registerHostGate(recorder::enter);
        for (int vector = 0; vector < 32; vector++) {
            machine.setGate(vector, gate, 0, Gates.HOST_INTERRUPT_GATE);
        }
        return recorder;
    }

    /** The faults so far, oldest first. */
    List<Fault> faults() {
        return faults;
    }

    /** The only fault; fails when there was none or more than one. */
    Fault single() {
        if (faults.size() != 1) {
            throw new AssertionError("expected exactly one fault, got " + faults);
        }
        return faults.get(0);
    }

    private void enter(Cpu cpu, int vector, int errorCode) {
        int sp = cpu.reg(ESP);
        if (hasErrorCode(vector)) {
            sp += 4;
        }
        int eip = read(cpu, sp);
        int ring = read(cpu, sp + 4) & 3;
        int esp = ring > cpu.cpl() ? read(cpu, sp + 12) : sp + 12;
        faults.add(new Fault(vector, errorCode, eip, cpu.cr2(), ring, esp));
        cpu.setReg(ESP, sp);
        cpu.requestStop();
    }

    private static boolean hasErrorCode(int vector) {
        return vector == Vectors.DOUBLE_FAULT || vector >= 10 && vector <= 14 || vector == 17;
    }

    private static int read(Cpu cpu, int va) {
        long pa = cpu.physicalAddress(va);
        if (pa < 0) {
            throw new AssertionError(String.format("trap frame at %#x is not mapped", va));
        }
        return cpu.memory().read32((int) pa);
    }
}
