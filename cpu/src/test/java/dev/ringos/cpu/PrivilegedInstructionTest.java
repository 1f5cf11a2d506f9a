package dev.ringos.cpu;

import static dev.ringos.cpu.RingTestbed.*;
import static dev.ringos.cpu.isa.Operand.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.cpu.RingTestbed.Arrival;
import dev.ringos.cpu.RingTestbed.State;
import dev.ringos.cpu.isa.CodeBuilder;
import dev.ringos.cpu.isa.InstructionForm;
import dev.ringos.cpu.isa.OpcodeTable;
import dev.ringos.cpu.isa.PrivilegeClass;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Privileged instructions trap with #GP(0) outside ring 0, whatever the IOPL, before doing anything,
 * and do their job in ring 0; in, out, cli and sti follow x86's IOPL rule instead.
 */
class PrivilegedInstructionTest {

    static Stream<InstructionForm> rows(PrivilegeClass privilege) {
        return OpcodeTable.FORMS.stream().filter(f -> f.privilege() == privilege);
    }

    static Stream<Arguments> privilegedRowsInOuterRings() {
        return rows(PrivilegeClass.PRIVILEGED).flatMap(form -> IntStream.rangeClosed(1, 3).boxed()
                .flatMap(ring -> Stream.of(0, 3).map(iopl -> Arguments.of(form, ring, iopl))));
    }

    @ParameterizedTest(name = "{0} in ring {1}, IOPL {2}")
    @MethodSource("privilegedRowsInOuterRings")
    void privilegedInstructionRaisesGeneralProtectionAtItsOwnAddressOutsideRing0AndChangesNothing(
            InstructionForm form, int ring, int iopl) {
        RingTestbed t = new RingTestbed();
        t.load(sample(form));
        t.prepareSample(ring, iopl);
        State before = t.snapshot();

        Exit exit = t.step();

        assertThat(exit).isEqualTo(Exit.STOPPED);
        Arrival trap = t.firstArrival();
        assertThat(trap.vector()).isEqualTo(Vectors.GENERAL_PROTECTION);
        assertThat(trap.errorCode()).isZero();
        assertThat(trap.frame().eip()).isEqualTo(CODE);
        assertThat(trap.frame().ring()).isEqualTo(ring);
        assertThat(t.snapshot()).as("state after the gate returned to the faulting instruction").isEqualTo(before);
    }

    static Stream<InstructionForm> privilegedRows() {
        return rows(PrivilegeClass.PRIVILEGED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("privilegedRows")
    void everyPrivilegedRowRunsInRing0WithoutATrap(InstructionForm form) {
        RingTestbed t = new RingTestbed();
        t.load(sample(form));
        t.prepareSample(0, 0);

        Exit exit = t.step();

        assertThat(t.arrivals).isEmpty();
        assertThat(exit).isIn(Exit.BUDGET, Exit.HALTED);
    }

    @Test
    void hltInRing0WithInterruptsOffHaltsTheMachineForGood() {
        RingTestbed t = new RingTestbed();
        t.load(userCode().emit("hlt").assemble());
        t.enter(0, 0);
        t.cpu.setEflags(0);

        Exit first = t.run();
        long instructions = t.cpu.instructions();
        Exit again = t.run();

        assertThat(first).isEqualTo(Exit.HALTED);
        assertThat(again).isEqualTo(Exit.HALTED);
        assertThat(t.cpu.isHalted()).isTrue();
        assertThat(t.cpu.eip()).isEqualTo(CODE + 1);
        assertThat(t.cpu.eflags() & Flags.IF).isZero();
        assertThat(t.cpu.instructions()).isEqualTo(instructions);
    }

    @Test
    void lidtInRing0LoadsTheIdtRegisterFromMemory() {
        RingTestbed t = new RingTestbed();
        t.load(userCode().emit("lidt", mem(EBX)).assemble());
        t.enter(0, 0);
        t.setReg(EBX, KERNEL_DATA);
        t.memory.write16(KERNEL_DATA, 0x1FF);
        t.memory.write32(KERNEL_DATA + 2, 0x7000);

        t.step();

        assertThat(t.arrivals).isEmpty();
        assertThat(t.cpu.idtLimit()).isEqualTo(0x1FF);
        assertThat(t.cpu.idtBase()).isEqualTo(0x7000);
    }

    @Test
    void ltrInRing0LoadsTheTaskRegister() {
        RingTestbed t = new RingTestbed();
        t.load(userCode().emit("ltr", EAX).assemble());
        t.enter(0, 0);
        t.setReg(EAX, 0x7800);

        t.step();

        assertThat(t.arrivals).isEmpty();
        assertThat(t.cpu.taskRegister()).isEqualTo(0x7800);
    }

    @Test
    void movToControlRegistersInRing0ChangesCr0Cr2Cr3AndCr4AndMovFromReadsThemBack() {
        RingTestbed t = new RingTestbed();
        int copy = t.machine.allocateFrame();
        t.memory.load(copy, t.memory.copy(BareMachine.PAGE_DIRECTORY, PhysicalMemory.PAGE_SIZE));
        CodeBuilder b = userCode();
        b.emit("mov", EAX, cr(0));
        b.emit("and", EAX, imm(~ControlRegisters.CR0_WP));
        b.emit("mov", cr(0), EAX);
        b.emit("mov", EAX, imm(0x1234_5678));
        b.emit("mov", cr(2), EAX);
        b.emit("mov", EAX, imm(copy));
        b.emit("mov", cr(3), EAX);
        b.emit("mov", EAX, imm(ControlRegisters.CR4_TSD));
        b.emit("mov", cr(4), EAX);
        b.emit("mov", EBX, cr(0));
        b.emit("mov", ECX, cr(2));
        b.emit("mov", EDX, cr(3));
        b.emit("mov", ESI, cr(4));
        b.emit("int", imm(0x80));
        t.load(b.assemble());
        t.enter(0, 0);

        t.run();

        Arrival stop = t.firstArrival();
        assertThat(stop.vector()).isEqualTo(Vectors.SYSCALL);
        int cr0 = ControlRegisters.CR0_PE | ControlRegisters.CR0_PG;
        assertThat(t.cpu.cr0()).isEqualTo(cr0);
        assertThat(t.cpu.cr2()).isEqualTo(0x1234_5678);
        assertThat(t.cpu.cr3()).isEqualTo(copy);
        assertThat(t.cpu.cr4()).isEqualTo(ControlRegisters.CR4_TSD);
        assertThat(stop.reg(EBX)).isEqualTo(cr0);
        assertThat(stop.reg(ECX)).isEqualTo(0x1234_5678);
        assertThat(stop.reg(EDX)).isEqualTo(copy);
        assertThat(stop.reg(ESI)).isEqualTo(ControlRegisters.CR4_TSD);
    }

    @Test
    void movToControlRegisterWithABitRingosLacksIsGeneralProtectionEvenInRing0() {
        RingTestbed t = new RingTestbed();
        t.load(userCode().emit("mov", cr(4), EAX).assemble());
        t.enter(0, 0);
        t.setReg(EAX, 1);

        t.step();

        Arrival trap = t.firstArrival();
        assertThat(trap.vector()).isEqualTo(Vectors.GENERAL_PROTECTION);
        assertThat(trap.errorCode()).isZero();
        assertThat(trap.frame().eip()).isEqualTo(CODE);
        assertThat(t.cpu.cr4()).isZero();
    }

    @Test
    void invlpgInRing0DropsAStaleTranslation() {
        RingTestbed t = new RingTestbed();
        int page = 0x0070_0000;
        int oldFrame = t.machine.allocateFrame();
        int newFrame = t.machine.allocateFrame();
        t.memory.write32(oldFrame, 111);
        t.memory.write32(newFrame, 222);
        t.machine.map(page, oldFrame, PageTables.RW);
        CodeBuilder b = userCode();
        b.emit("mov", EAX, mem(EDI));
        b.emit("mov", EBX, mem(EDI));
        b.emit("invlpg", mem(EDI));
        b.emit("mov", ECX, mem(EDI));
        b.emit("int", imm(0x80));
        t.load(b.assemble());
        t.enter(0, 0);
        t.setReg(EDI, page);

        t.step();
        t.machine.map(page, newFrame, PageTables.RW);
        t.run();

        Arrival stop = t.firstArrival();
        assertThat(stop.reg(EAX)).isEqualTo(111);
        assertThat(stop.reg(EBX)).as("the TLB still holds the old translation").isEqualTo(111);
        assertThat(stop.reg(ECX)).isEqualTo(222);
    }

    @Test
    void wrmsrAndRdmsrInRing0WriteAndReadModelSpecificRegisters() {
        RingTestbed t = new RingTestbed();
        CodeBuilder b = userCode();
        b.emit("mov", ECX, imm(Msr.LSTAR));
        b.emit("mov", EAX, imm(0x4321));
        b.emit("xor", EDX, EDX);
        b.emit("wrmsr");
        b.emit("mov", ECX, imm(Msr.EFER));
        b.emit("rdmsr");
        b.emit("int", imm(0x80));
        t.load(b.assemble());
        t.enter(0, 0);

        t.run();

        Arrival stop = t.firstArrival();
        assertThat(stop.vector()).isEqualTo(Vectors.SYSCALL);
        assertThat(t.cpu.msr(Msr.LSTAR)).isEqualTo(0x4321);
        assertThat(stop.reg(EAX)).isEqualTo(Msr.EFER_SCE);
        assertThat(stop.reg(EDX)).isZero();
    }

    @Test
    void rdmsrOfAnMsrThatDoesNotExistIsGeneralProtectionInRing0() {
        RingTestbed t = new RingTestbed();
        t.load(userCode().emit("rdmsr").assemble());
        t.enter(0, 0);
        t.setReg(ECX, 0x1234);
        t.setReg(EAX, 7);

        t.step();

        Arrival trap = t.firstArrival();
        assertThat(trap.vector()).isEqualTo(Vectors.GENERAL_PROTECTION);
        assertThat(trap.errorCode()).isZero();
        assertThat(trap.frame().eip()).isEqualTo(CODE);
        assertThat(trap.reg(EAX)).isEqualTo(7);
    }

    @Test
    void sysretInRing0ReturnsToRing3WithTheSavedEipEflagsAndEsp() {
        RingTestbed t = new RingTestbed();
        t.load(userCode().emit("sysret").assemble());
        t.enter(0, 0);
        t.cpu.setMsr(Msr.SYSRET_EIP, CODE + 0x40);
        t.cpu.setMsr(Msr.SYSRET_ESP, USER_ESP - 0x10);
        t.cpu.setMsr(Msr.SYSRET_EFLAGS, Flags.IF | Flags.CF | Flags.RESERVED_ONE);

        t.step();

        assertThat(t.arrivals).isEmpty();
        assertThat(t.cpu.cpl()).isEqualTo(3);
        assertThat(t.cpu.eip()).isEqualTo(CODE + 0x40);
        assertThat(t.reg(ESP)).isEqualTo(USER_ESP - 0x10);
        assertThat(t.cpu.eflags()).isEqualTo(Flags.IF | Flags.CF | Flags.RESERVED_ONE);
    }

    static Stream<Arguments> ioplSensitiveRowsByRingAndIopl() {
        return rows(PrivilegeClass.IOPL_SENSITIVE).flatMap(form -> IntStream.rangeClosed(0, 3).boxed()
                .flatMap(ring -> IntStream.rangeClosed(0, 3).mapToObj(iopl -> Arguments.of(form, ring, iopl))));
    }

    @ParameterizedTest(name = "{0} in ring {1}, IOPL {2}")
    @MethodSource("ioplSensitiveRowsByRingAndIopl")
    void inOutCliAndStiRunWhenCplIsAtMostIoplAndRaiseGeneralProtectionOtherwise(InstructionForm form, int ring,
                                                                                int iopl) {
        RingTestbed t = new RingTestbed();
        byte[] code = sample(form);
        t.load(code);
        t.prepareSample(ring, iopl);
        State before = t.snapshot();

        Exit exit = t.step();

        if (ring <= iopl) {
            assertThat(t.arrivals).isEmpty();
            assertThat(exit).isEqualTo(Exit.BUDGET);
            assertThat(t.cpu.eip()).isEqualTo(CODE + code.length);
        } else {
            Arrival trap = t.firstArrival();
            assertThat(trap.vector()).isEqualTo(Vectors.GENERAL_PROTECTION);
            assertThat(trap.errorCode()).isZero();
            assertThat(trap.frame().eip()).isEqualTo(CODE);
            assertThat(t.snapshot()).isEqualTo(before);
        }
    }
}
