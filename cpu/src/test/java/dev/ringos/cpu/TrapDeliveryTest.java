package dev.ringos.cpu;

import static dev.ringos.cpu.RingTestbed.*;
import static dev.ringos.cpu.isa.Operand.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ringos.cpu.RingTestbed.Arrival;
import dev.ringos.cpu.isa.CodeBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * x86 trap delivery: gates, privilege and stack switches, the frame, iret, double and triple
 * faults, syscall/sysret, host gates, and the single-step trap.
 */
class TrapDeliveryTest {
    private static final int ESP0 = BareMachine.KERNEL_STACK_TOP;
    private static final int USER_VECTOR = 0x40;

    private static RingTestbed withUserCode(CodeBuilder code) {
        RingTestbed t = new RingTestbed();
        t.load(code.assemble());
        t.enter(3, 0);
        return t;
    }

    // ---- the frame ----

    @Test
    void deliveryFromRing3SwitchesToTheTssStackAndPushesEspEflagsCsEipAndErrorCode() {
        RingTestbed t = withUserCode(userCode().emit("hlt"));
        t.cpu.setEflags(Flags.IF | Flags.CF);

        t.run();

        Arrival trap = t.firstArrival();
        assertThat(trap.cpl()).isZero();
        assertThat(trap.esp()).as("ESP points at the error code").isEqualTo(ESP0 - 20);
        assertThat(t.read32(ESP0 - 4)).as("old ESP").isEqualTo(USER_ESP);
        assertThat(t.read32(ESP0 - 8)).as("EFLAGS").isEqualTo(Flags.IF | Flags.CF | Flags.RESERVED_ONE);
        assertThat(t.read32(ESP0 - 12)).as("CS").isEqualTo(0x23).isEqualTo(Registers.codeSelector(3));
        assertThat(t.read32(ESP0 - 16)).as("EIP").isEqualTo(CODE);
        assertThat(t.read32(ESP0 - 20)).as("error code").isZero();
    }

    @Test
    void deliveryWithinRing0StaysOnTheSameStackAndPushesNoEsp() {
        RingTestbed t = new RingTestbed();
        t.load(userCode().emit("int", imm(USER_VECTOR)).assemble());
        t.enter(0, 0);

        t.run();

        Arrival trap = t.firstArrival();
        assertThat(trap.esp()).isEqualTo(USER_ESP - 12);
        assertThat(t.read32(USER_ESP - 12)).as("EIP after the int").isEqualTo(CODE + 2);
        assertThat(t.read32(USER_ESP - 8)).as("CS").isEqualTo(Registers.codeSelector(0));
        assertThat(t.read32(USER_ESP - 4)).as("EFLAGS").isEqualTo(Flags.IF | Flags.RESERVED_ONE);
    }

    @ParameterizedTest(name = "gate type {0}: IF {1}")
    @CsvSource({"6, 0", "7, 512"})
    void hostInterruptGatesClearIfAndHostTrapGatesKeepIt(int type, int ifInHandler) {
        RingTestbed t = withUserCode(userCode().emit("int", imm(USER_VECTOR)));
        t.machine.setGate(USER_VECTOR, t.recorder, 3, type);

        t.run();

        Arrival trap = t.firstArrival();
        assertThat(trap.eflags() & Flags.IF).isEqualTo(ifInHandler);
        assertThat(trap.frame().eflags() & Flags.IF).isEqualTo(Flags.IF);
    }

    @ParameterizedTest(name = "gate type {0}: IF {1}")
    @CsvSource({"14, 0", "15, 512"})
    void guestInterruptGatesClearIfAndGuestTrapGatesKeepIt(int type, int ifInHandler) {
        RingTestbed t = withUserCode(userCode().emit("int", imm(USER_VECTOR)));
        t.loadKernel(kernelCode().emit("pushf").emit("pop", EAX).emit("int", imm(0x80)).assemble());
        t.setGuestGate(USER_VECTOR, KERNEL_CODE, 3, type);

        t.run();

        Arrival stop = t.firstArrival();
        assertThat(stop.frame().ring()).as("stopped in the handler").isZero();
        assertThat(stop.reg(EAX) & Flags.IF).isEqualTo(ifInHandler);
    }

    @Test
    void deliveryClearsTfAndTheFrameKeepsIt() {
        RingTestbed t = withUserCode(userCode().emit("int", imm(USER_VECTOR)));
        t.setHostGate(USER_VECTOR, t.recorder, 3);
        t.cpu.setEflags(Flags.IF | Flags.TF);

        t.run();

        Arrival trap = t.firstArrival();
        assertThat(t.arrivals).hasSize(1);
        assertThat(trap.vector()).isEqualTo(USER_VECTOR);
        assertThat(trap.eflags() & Flags.TF).isZero();
        assertThat(trap.frame().eflags() & Flags.TF).isEqualTo(Flags.TF);
    }

    // ---- faults on the way in ----

    @Test
    void intToAGateWhoseDplIsBelowCplIsGeneralProtectionNamingTheGate() {
        RingTestbed t = withUserCode(userCode().emit("int", imm(0x21)));

        t.run();

        assertThat(t.arrivals).hasSize(1);
        Arrival trap = t.firstArrival();
        assertThat(trap.vector()).as("an ordinary #GP, not #DF").isEqualTo(Vectors.GENERAL_PROTECTION);
        assertThat(trap.errorCode()).isEqualTo(0x21 * 8 + 2);
        assertThat(trap.frame().eip()).as("the int instruction").isEqualTo(CODE);
        assertThat(trap.frame().ring()).isEqualTo(3);
    }

    @Test
    void intToANotPresentGateIsSegmentNotPresentNamingTheGate() {
        RingTestbed t = withUserCode(userCode().emit("int", imm(USER_VECTOR)));
        t.setHostGate(USER_VECTOR, t.recorder, 3);
        t.markNotPresent(USER_VECTOR);

        t.run();

        Arrival trap = t.firstArrival();
        assertThat(trap.vector()).isEqualTo(Vectors.SEGMENT_NOT_PRESENT);
        assertThat(trap.errorCode()).isEqualTo(USER_VECTOR * 8 + 2);
        assertThat(trap.frame().eip()).isEqualTo(CODE);
    }

    @Test
    void anExternalInterruptToANotPresentGateIsSegmentNotPresentWithTheExternalBit() {
        RingTestbed t = withUserCode(userCode().emit("nop"));
        t.markNotPresent(Vectors.TIMER);
        t.cpu.raiseInterrupt(Vectors.TIMER);

        t.run();

        assertThat(t.arrivals).hasSize(1);
        Arrival trap = t.firstArrival();
        assertThat(trap.vector()).as("benign then contributory: serial, not #DF")
                .isEqualTo(Vectors.SEGMENT_NOT_PRESENT);
        assertThat(trap.errorCode()).isEqualTo(Vectors.TIMER * 8 + 2 + 1);
        assertThat(trap.frame().eip()).isEqualTo(CODE);
    }

    @Test
    void aVectorBeyondTheIdtLimitIsGeneralProtectionNamingTheGate() {
        RingTestbed t = withUserCode(userCode().emit("int", imm(0x80)));
        t.cpu.setIdt(BareMachine.IDT, 0x80 * 8 - 1);

        t.run();

        Arrival trap = t.firstArrival();
        assertThat(trap.vector()).isEqualTo(Vectors.GENERAL_PROTECTION);
        assertThat(trap.errorCode()).isEqualTo(0x80 * 8 + 2);
        assertThat(trap.frame().eip()).isEqualTo(CODE);
    }

    // ---- iret ----

    @Test
    void iretCannotReturnToAMorePrivilegedRing() {
        CodeBuilder b = userCode();
        b.emit("push", imm(Flags.IF));
        b.emit("push", imm(Registers.codeSelector(0)));
        b.emit("push", imm(CODE + 0x100));
        b.label("iret");
        b.emit("iret");
        RingTestbed t = new RingTestbed();
        t.load(b.assemble());
        t.enter(1, 0);

        t.run();

        Arrival trap = t.firstArrival();
        assertThat(trap.vector()).isEqualTo(Vectors.GENERAL_PROTECTION);
        assertThat(trap.errorCode()).as("the selector, RPL cleared").isEqualTo(Registers.codeSelector(0) & ~3);
        assertThat(trap.frame().eip()).isEqualTo(b.address("iret"));
        assertThat(trap.frame().ring()).isEqualTo(1);
        assertThat(trap.frame().oldEsp()).as("the frame is still on the stack").isEqualTo(USER_ESP - 12);
    }

    @Test
    void iretFromRing0ToRing3PopsEspToo() {
        CodeBuilder b = userCode();
        b.emit("push", imm(USER_ESP - 0x40));
        b.emit("push", imm(Flags.IF | Flags.CF));
        b.emit("push", imm(Registers.codeSelector(3)));
        b.emit("push", label("user"));
        b.emit("iret");
        b.emit("ud2");
        b.label("user");
        b.emit("mov", EAX, CS);
        b.emit("int", imm(0x80));
        RingTestbed t = new RingTestbed();
        t.load(b.assemble());
        t.enter(0, 0);

        t.run();

        Arrival stop = t.firstArrival();
        assertThat(stop.vector()).isEqualTo(Vectors.SYSCALL);
        assertThat(stop.frame().ring()).isEqualTo(3);
        assertThat(stop.reg(EAX)).isEqualTo(Registers.codeSelector(3));
        assertThat(stop.frame().oldEsp()).isEqualTo(USER_ESP - 0x40);
        assertThat(stop.frame().eflags()).isEqualTo(Flags.IF | Flags.CF | Flags.RESERVED_ONE);
    }

    // ---- guest handlers ----

    @Test
    void aRing0GuestHandlerCountsSoftwareInterruptsAndIretResumesTheUserProgram() {
        CodeBuilder user = userCode();
        user.emit("int", imm(USER_VECTOR));
        user.emit("int", imm(USER_VECTOR));
        user.emit("int", imm(USER_VECTOR));
        user.emit("mov", EAX, imm(7));
        user.emit("int", imm(0x80));
        RingTestbed t = withUserCode(user);
        t.loadKernel(kernelCode().emit("inc", dwordAt(abs(KERNEL_DATA))).emit("iret").assemble());
        t.setGuestGate(USER_VECTOR, KERNEL_CODE, 3, Gates.INTERRUPT_GATE);

        t.run();

        Arrival stop = t.firstArrival();
        assertThat(t.memory.read32(KERNEL_DATA)).isEqualTo(3);
        assertThat(stop.vector()).isEqualTo(Vectors.SYSCALL);
        assertThat(stop.frame().ring()).isEqualTo(3);
        assertThat(stop.reg(EAX)).isEqualTo(7);
        assertThat(stop.frame().oldEsp()).isEqualTo(USER_ESP);
    }

    @Test
    void aRing0GuestFaultHandlerPopsTheErrorCodeAndSkipsTheFaultingInstruction() {
        CodeBuilder user = userCode();
        user.emit("hlt");
        user.emit("hlt");
        user.emit("mov", EAX, imm(5));
        user.emit("int", imm(0x80));
        RingTestbed t = withUserCode(user);
        CodeBuilder handler = kernelCode();
        handler.emit("inc", dwordAt(abs(KERNEL_DATA)));
        handler.emit("add", ESP, imm(4));
        handler.emit("add", dwordAt(mem(ESP)), imm(1));
        handler.emit("iret");
        t.loadKernel(handler.assemble());
        t.setGuestGate(Vectors.GENERAL_PROTECTION, KERNEL_CODE, 0, Gates.INTERRUPT_GATE);

        t.run();

        assertThat(t.memory.read32(KERNEL_DATA)).isEqualTo(2);
        Arrival stop = t.firstArrival();
        assertThat(stop.vector()).isEqualTo(Vectors.SYSCALL);
        assertThat(stop.reg(EAX)).isEqualTo(5);
        assertThat(stop.frame().oldEsp()).isEqualTo(USER_ESP);
    }

    // ---- double and triple faults ----

    @Test
    void aGeneralProtectionFaultWhoseGateIsBeyondTheIdtLimitBecomesADoubleFault() {
        RingTestbed t = withUserCode(userCode().emit("hlt"));
        t.cpu.setIdt(BareMachine.IDT, Vectors.GENERAL_PROTECTION * 8 - 1);

        t.run();

        assertThat(t.arrivals).hasSize(1);
        Arrival trap = t.firstArrival();
        assertThat(trap.vector()).isEqualTo(Vectors.DOUBLE_FAULT);
        assertThat(trap.errorCode()).isZero();
        assertThat(trap.frame().eip()).isEqualTo(CODE);
        assertThat(trap.frame().ring()).isEqualTo(3);
    }

    @Test
    void aGeneralProtectionFaultWhoseGateIsNotPresentBecomesADoubleFault() {
        RingTestbed t = withUserCode(userCode().emit("hlt"));
        t.markNotPresent(Vectors.GENERAL_PROTECTION);

        t.run();

        Arrival trap = t.firstArrival();
        assertThat(trap.vector()).isEqualTo(Vectors.DOUBLE_FAULT);
        assertThat(trap.errorCode()).isZero();
    }

    @Test
    void aPageFaultWhoseGateIsNotPresentBecomesADoubleFault() {
        RingTestbed t = withUserCode(userCode().emit("mov", EAX, mem(EBX)));
        t.setReg(EBX, UNMAPPED);
        t.markNotPresent(Vectors.PAGE_FAULT);

        t.run();

        Arrival trap = t.firstArrival();
        assertThat(trap.vector()).isEqualTo(Vectors.DOUBLE_FAULT);
        assertThat(trap.errorCode()).isZero();
        assertThat(t.cpu.cr2()).isEqualTo(UNMAPPED);
    }

    /**
     * Moves the IDT so that it straddles a mapped supervisor page and an unmapped one: the gates
     * below {@code firstUnmapped} are copies of the testbed's, the rest cannot be read.
     */
    private static int straddleIdt(RingTestbed t, int firstUnmapped, boolean mappedPageBelow) {
        int mapped = 0x00C0_0000;
        int base = mappedPageBelow ? mapped + PhysicalMemory.PAGE_SIZE - firstUnmapped * 8
                : mapped - firstUnmapped * 8;
        t.machine.map(mapped, t.machine.allocateFrame(), PageTables.RW);
        for (int vector = 0; vector < 256; vector++) {
            int va = base + vector * 8;
            if (va >= mapped && va < mapped + PhysicalMemory.PAGE_SIZE) {
                t.write(va, t.memory.copy(BareMachine.IDT + vector * 8, 8));
            }
        }
        t.cpu.setIdt(base, 256 * 8 - 1);
        return base;
    }

    @Test
    void aPageFaultWhileReadingTheGateOfAGeneralProtectionFaultIsDeliveredOnItsOwn() {
        RingTestbed t = withUserCode(userCode().emit("hlt"));
        int base = straddleIdt(t, Vectors.PAGE_FAULT, false);

        t.run();

        assertThat(t.arrivals).hasSize(1);
        Arrival trap = t.firstArrival();
        assertThat(trap.vector()).as("contributory then page fault: serial").isEqualTo(Vectors.PAGE_FAULT);
        assertThat(trap.errorCode()).as("not present, read, supervisor").isZero();
        assertThat(t.cpu.cr2()).isEqualTo(base + Vectors.GENERAL_PROTECTION * 8);
        assertThat(trap.frame().eip()).isEqualTo(CODE);
    }

    @Test
    void aPageFaultWhileDeliveringAPageFaultBecomesADoubleFaultWhenItsGateCanBeRead() {
        RingTestbed t = withUserCode(userCode().emit("mov", EAX, mem(EBX)));
        t.setReg(EBX, UNMAPPED);
        int base = straddleIdt(t, Vectors.PAGE_FAULT, true);

        t.run();

        assertThat(t.arrivals).hasSize(1);
        Arrival trap = t.firstArrival();
        assertThat(trap.vector()).isEqualTo(Vectors.DOUBLE_FAULT);
        assertThat(trap.errorCode()).isZero();
        assertThat(t.cpu.cr2()).as("the second fault's address").isEqualTo(base + Vectors.PAGE_FAULT * 8);
        assertThat(trap.frame().eip()).isEqualTo(CODE);
    }

    @Test
    void aPageFaultDeliveredOntoAnUnmappedRing0StackShutsTheMachineDownWithATripleFault() {
        RingTestbed t = withUserCode(userCode().emit("mov", EAX, mem(EBX)));
        t.setReg(EBX, UNMAPPED);
        t.memory.write32(BareMachine.TSS + Gates.TSS_ESP0, UNMAPPED + 0x1000);

        Exit first = t.run();
        Exit again = t.run();

        assertThat(first).isEqualTo(Exit.TRIPLE_FAULT);
        assertThat(again).isEqualTo(Exit.TRIPLE_FAULT);
        assertThat(t.cpu.shutdownReason()).contains("triple fault");
        assertThat(t.cpu.shutdownCause()).as("a guest event, not a defect").isNull();
        assertThat(t.arrivals).isEmpty();
    }

    @Test
    void aTripleFaultRaisesNothingInTheHost() {
        RingTestbed t = withUserCode(userCode().emit("hlt"));
        t.cpu.setIdt(BareMachine.IDT, 0);

        assertThatCode(() -> {
            assertThat(t.run()).isEqualTo(Exit.TRIPLE_FAULT);
            assertThat(t.run()).isEqualTo(Exit.TRIPLE_FAULT);
        }).doesNotThrowAnyException();
        assertThat(t.cpu.shutdownReason()).contains("triple fault");
    }

    // ---- syscall and sysret ----

    @Test
    void syscallWithEferSceClearIsInvalidOpcode() {
        RingTestbed t = withUserCode(userCode().emit("syscall"));
        t.cpu.setMsr(Msr.EFER, 0);

        t.run();

        Arrival trap = t.firstArrival();
        assertThat(trap.vector()).isEqualTo(Vectors.INVALID_OPCODE);
        assertThat(trap.frame().eip()).isEqualTo(CODE);
        assertThat(trap.frame().ring()).isEqualTo(3);
    }

    @Test
    void syscallFromRing0IsInvalidOpcode() {
        RingTestbed t = new RingTestbed();
        t.load(userCode().emit("syscall").assemble());
        t.enter(0, 0);

        t.run();

        Arrival trap = t.firstArrival();
        assertThat(trap.vector()).isEqualTo(Vectors.INVALID_OPCODE);
        assertThat(trap.frame().eip()).isEqualTo(CODE);
    }

    @Test
    void sysretInRing3IsGeneralProtection() {
        RingTestbed t = withUserCode(userCode().emit("sysret"));

        t.run();

        Arrival trap = t.firstArrival();
        assertThat(trap.vector()).isEqualTo(Vectors.GENERAL_PROTECTION);
        assertThat(trap.errorCode()).isZero();
        assertThat(trap.frame().eip()).isEqualTo(CODE);
    }

    @Test
    void syscallToAGuestHandlerKeepsTheCallersStateInMsrsMasksFmaskAndSysretRestoresIt() {
        int syscallEsp = 0xF000;
        CodeBuilder user = userCode();
        user.emit("stc");
        user.label("syscall");
        user.emit("syscall");
        user.label("after");
        user.emit("int", imm(0x80));
        RingTestbed t = withUserCode(user);
        CodeBuilder handler = kernelCode();
        handler.emit("mov", abs(KERNEL_DATA), ESP);
        handler.emit("pushf");
        handler.emit("pop", EAX);
        handler.emit("mov", abs(KERNEL_DATA + 4), EAX);
        handler.emit("mov", EAX, CS);
        handler.emit("mov", abs(KERNEL_DATA + 8), EAX);
        int offset = 12;
        for (int msr : new int[] {Msr.SYSRET_EIP, Msr.SYSRET_EFLAGS, Msr.SYSRET_ESP}) {
            handler.emit("mov", ECX, imm(msr));
            handler.emit("rdmsr");
            handler.emit("mov", abs(KERNEL_DATA + offset), EAX);
            offset += 4;
        }
        handler.emit("mov", EAX, imm(42));
        handler.emit("sysret");
        t.loadKernel(handler.assemble());
        t.cpu.setMsr(Msr.SYSCALL_HOST_GATE, 0);
        t.cpu.setMsr(Msr.LSTAR, KERNEL_CODE);
        t.cpu.setMsr(Msr.SYSCALL_ESP, syscallEsp);
        t.cpu.setMsr(Msr.FMASK, Flags.IF | Flags.CF);

        t.run();

        int userFlags = Flags.IF | Flags.CF | Flags.RESERVED_ONE;
        assertThat(t.memory.read32(KERNEL_DATA)).as("ESP in the handler").isEqualTo(syscallEsp);
        assertThat(t.memory.read32(KERNEL_DATA + 4)).as("EFLAGS in the handler").isEqualTo(Flags.RESERVED_ONE);
        assertThat(t.memory.read32(KERNEL_DATA + 8)).as("CS in the handler").isEqualTo(Registers.codeSelector(0));
        assertThat(t.memory.read32(KERNEL_DATA + 12)).as("SYSRET_EIP").isEqualTo(user.address("after"));
        assertThat(t.memory.read32(KERNEL_DATA + 16)).as("SYSRET_EFLAGS").isEqualTo(userFlags);
        assertThat(t.memory.read32(KERNEL_DATA + 20)).as("SYSRET_ESP").isEqualTo(USER_ESP);
        Arrival stop = t.firstArrival();
        assertThat(stop.vector()).isEqualTo(Vectors.SYSCALL);
        assertThat(stop.frame().ring()).isEqualTo(3);
        assertThat(stop.frame().eip()).isEqualTo(user.address("after") + 2);
        assertThat(stop.frame().eflags()).isEqualTo(userFlags);
        assertThat(stop.frame().oldEsp()).isEqualTo(USER_ESP);
        assertThat(stop.reg(EAX)).isEqualTo(42);
    }

    // ---- host gates ----

    @Test
    void aHostSyscallGateRunsInRing0OnTheSyscallStackAndItsResultReachesTheGuestThroughSysret() {
        CodeBuilder user = userCode();
        user.emit("mov", EAX, imm(21));
        user.emit("syscall");
        user.emit("int", imm(0x80));
        RingTestbed t = withUserCode(user);
        List<Arrival> seen = new ArrayList<>();
        int gate = t.cpu.registerHostGate((c, vector, error) -> {
            seen.add(t.arrival(c, vector, error));
            c.setReg(Registers.EAX, c.reg(Registers.EAX) * 2);
        });
        t.cpu.setMsr(Msr.SYSCALL_HOST_GATE, gate);

        t.run();

        assertThat(seen).hasSize(1);
        Arrival inGate = seen.get(0);
        assertThat(inGate.vector()).isEqualTo(-1);
        assertThat(inGate.cpl()).isZero();
        assertThat(inGate.esp()).isEqualTo((int) t.cpu.msr(Msr.SYSCALL_ESP));
        assertThat(inGate.eflags() & Flags.IF).as("masked by FMASK").isZero();
        Arrival stop = t.firstArrival();
        assertThat(stop.frame().ring()).isEqualTo(3);
        assertThat(stop.reg(EAX)).isEqualTo(42);
        assertThat(stop.frame().oldEsp()).isEqualTo(USER_ESP);
        assertThat(stop.frame().eflags() & Flags.IF).isEqualTo(Flags.IF);
    }

    @Test
    void anIdtHostGateRunsInRing0AndTheGuestResumesWhereTheFrameSaysWithTheRegistersTheGateLeft() {
        CodeBuilder user = userCode();
        user.emit("int", imm(USER_VECTOR));
        user.emit("ud2");
        user.label("resume");
        user.emit("mov", EBX, EAX);
        user.emit("int", imm(0x80));
        RingTestbed t = withUserCode(user);
        List<Arrival> seen = new ArrayList<>();
        int gate = t.cpu.registerHostGate((c, vector, error) -> {
            seen.add(t.arrival(c, vector, error));
            c.setReg(Registers.EAX, 99);
            int frameEip = c.reg(Registers.ESP);
            t.write32(frameEip, t.read32(frameEip) + 2);
        });
        t.setHostGate(USER_VECTOR, gate, 3);

        t.run();

        Arrival inGate = seen.get(0);
        assertThat(inGate.cpl()).isZero();
        assertThat(inGate.frame().ring()).isEqualTo(3);
        Arrival stop = t.firstArrival();
        assertThat(stop.vector()).isEqualTo(Vectors.SYSCALL);
        assertThat(stop.frame().eip()).isEqualTo(user.address("resume") + 4);
        assertThat(stop.reg(EBX)).isEqualTo(99);
        assertThat(stop.frame().ring()).isEqualTo(3);
    }

    @Test
    void aHostPageFaultHandlerThatMapsTheMissingPageAndPopsTheErrorCodeLetsTheFaultingInstructionRunAgain() {
        int page = 0x0070_0000;
        CodeBuilder user = userCode();
        user.emit("mov", EAX, abs(page + 8));
        user.emit("int", imm(0x80));
        RingTestbed t = withUserCode(user);
        List<Arrival> seen = new ArrayList<>();
        int gate = t.cpu.registerHostGate((c, vector, error) -> {
            seen.add(t.arrival(c, vector, error));
            int frame = t.machine.allocateFrame();
            t.memory.write32(frame + 8, 0x5EED);
            t.machine.map(c.cr2() & PageTables.FRAME, frame, PageTables.US | PageTables.RW);
            popErrorCode(c, vector);
        });
        t.setHostGate(Vectors.PAGE_FAULT, gate, 0);

        t.run();

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).errorCode()).as("not present, read, user").isEqualTo(PageTables.ERR_USER);
        assertThat(seen.get(0).frame().eip()).isEqualTo(CODE);
        Arrival stop = t.firstArrival();
        assertThat(stop.vector()).isEqualTo(Vectors.SYSCALL);
        assertThat(stop.reg(EAX)).isEqualTo(0x5EED);
        assertThat(stop.frame().ring()).isEqualTo(3);
        assertThat(stop.frame().oldEsp()).isEqualTo(USER_ESP);
    }

    // ---- single step ----

    @Test
    void tfSetByPopfRaisesDebugAfterTheFollowingInstructionWithEipAtTheNextOne() {
        CodeBuilder user = userCode();
        user.emit("pushf");
        user.emit("or", dwordAt(mem(ESP)), imm(Flags.TF));
        user.emit("popf");
        user.emit("inc", EBX);
        user.label("next");
        user.emit("inc", EBX);
        user.emit("inc", EBX);
        RingTestbed t = withUserCode(user);

        t.run();

        assertThat(t.arrivals).hasSize(1);
        Arrival trap = t.firstArrival();
        assertThat(trap.vector()).isEqualTo(Vectors.DEBUG);
        assertThat(trap.frame().eip()).isEqualTo(user.address("next"));
        assertThat(trap.reg(EBX)).as("one instruction ran after popf").isEqualTo(1);
        assertThat(trap.frame().eflags() & Flags.TF).isEqualTo(Flags.TF);
        assertThat(trap.eflags() & Flags.TF).isZero();
    }
}
