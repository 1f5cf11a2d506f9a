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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sensitive but unprivileged instructions behave as on x86 — they run outside ring 0 and
 * silently do less, or reveal what a deprivileged kernel should not see — until CR4.SVE makes each
 * of them trap with #GP(0) outside ring 0.
 */
class SensitiveInstructionTest {
    private static final int ARITHMETIC_BITS = Flags.CF | Flags.ZF | Flags.SF | Flags.OF;

    /** Runs {@code code} from CODE in {@code ring} with the given EFLAGS until its int 0x80. */
    private static Arrival runUntilInt80(RingTestbed t, CodeBuilder code, int ring, int eflags) {
        code.emit("int", imm(0x80));
        t.load(code.assemble());
        t.enter(ring, 0);
        t.cpu.setEflags(eflags);
        t.run();
        Arrival stop = t.firstArrival();
        assertThat(stop.vector()).as("stopped by int 0x80, not %s", stop).isEqualTo(Vectors.SYSCALL);
        return stop;
    }

    @Test
    void popfInRing3SilentlyKeepsIfAndIoplButChangesTheArithmeticFlags() {
        RingTestbed t = new RingTestbed();
        CodeBuilder b = userCode();
        b.emit("push", imm(Flags.IOPL | ARITHMETIC_BITS));
        b.emit("popf");

        Arrival stop = runUntilInt80(t, b, 3, Flags.IF);

        int flags = stop.frame().eflags();
        assertThat(flags & Flags.IF).as("IF").isEqualTo(Flags.IF);
        assertThat(Flags.iopl(flags)).as("IOPL").isZero();
        assertThat(flags & ARITHMETIC_BITS).isEqualTo(ARITHMETIC_BITS);
    }

    @Test
    void popfInRing3CannotSetIfEither() {
        RingTestbed t = new RingTestbed();
        CodeBuilder b = userCode();
        b.emit("push", imm(Flags.IF));
        b.emit("popf");
        b.emit("pushf");
        b.emit("pop", EAX);

        Arrival stop = runUntilInt80(t, b, 3, 0);

        assertThat(stop.reg(EAX) & Flags.IF).isZero();
    }

    @Test
    void popfInRing1WithIopl1MayChangeIfButNotIopl() {
        RingTestbed t = new RingTestbed();
        CodeBuilder b = userCode();
        b.emit("push", imm(Flags.CF));
        b.emit("popf");
        b.emit("pushf");
        b.emit("pop", EAX);

        Arrival stop = runUntilInt80(t, b, 1, Flags.IF | 1 << Flags.IOPL_SHIFT);

        assertThat(stop.reg(EAX) & Flags.IF).as("IF").isZero();
        assertThat(Flags.iopl(stop.reg(EAX))).as("IOPL").isEqualTo(1);
        assertThat(stop.reg(EAX) & Flags.CF).isEqualTo(Flags.CF);
    }

    @Test
    void popfInRing1WithIopl0KeepsIf() {
        RingTestbed t = new RingTestbed();
        CodeBuilder b = userCode();
        b.emit("push", imm(0));
        b.emit("popf");
        b.emit("pushf");
        b.emit("pop", EAX);

        Arrival stop = runUntilInt80(t, b, 1, Flags.IF);

        assertThat(stop.reg(EAX) & Flags.IF).isEqualTo(Flags.IF);
    }

    @Test
    void popfInRing0ChangesIfAndIopl() {
        RingTestbed t = new RingTestbed();
        CodeBuilder b = userCode();
        b.emit("push", imm(2 << Flags.IOPL_SHIFT));
        b.emit("popf");
        b.emit("pushf");
        b.emit("pop", EAX);

        Arrival stop = runUntilInt80(t, b, 0, Flags.IF);

        assertThat(stop.reg(EAX) & Flags.IF).isZero();
        assertThat(Flags.iopl(stop.reg(EAX))).isEqualTo(2);
    }

    @ParameterizedTest(name = "IOPL {0}")
    @ValueSource(ints = {0, 3})
    void pushfInRing3RevealsTheRealIfAndIopl(int iopl) {
        RingTestbed t = new RingTestbed();
        CodeBuilder b = userCode();
        b.emit("pushf");
        b.emit("pop", EAX);

        Arrival stop = runUntilInt80(t, b, 3, Flags.IF | iopl << Flags.IOPL_SHIFT);

        assertThat(stop.reg(EAX) & Flags.IF).isEqualTo(Flags.IF);
        assertThat(Flags.iopl(stop.reg(EAX))).isEqualTo(iopl);
    }

    @Test
    void smswInRing3RevealsTheLow16BitsOfCr0() {
        RingTestbed t = new RingTestbed();
        CodeBuilder b = userCode();
        b.emit("mov", EAX, imm(-1));
        b.emit("smsw", EAX);
        b.emit("mov", EBX, imm(DATA));
        b.emit("mov", dwordAt(mem(EBX)), imm(-1));
        b.emit("smsw", mem(EBX));

        Arrival stop = runUntilInt80(t, b, 3, Flags.IF);

        int msw = t.cpu.cr0() & 0xFFFF;
        assertThat(msw & ControlRegisters.CR0_PE).as("PE").isEqualTo(ControlRegisters.CR0_PE);
        assertThat(stop.reg(EAX)).as("register: CR0[15:0], zero-extended").isEqualTo(msw);
        assertThat(t.read32(DATA)).as("memory: 16 bits only").isEqualTo(0xFFFF_0000 | msw);
    }

    @Test
    void sidtInRing3RevealsTheRealIdtRegister() {
        RingTestbed t = new RingTestbed();
        int movedIdt = 0x7000;
        t.memory.load(movedIdt, t.memory.copy(BareMachine.IDT, 256 * 8));
        t.cpu.setIdt(movedIdt, 256 * 8 - 1);
        CodeBuilder b = userCode();
        b.emit("mov", EBX, imm(DATA));
        b.emit("sidt", mem(EBX));

        runUntilInt80(t, b, 3, Flags.IF);

        assertThat(t.read16(DATA)).isEqualTo(256 * 8 - 1);
        assertThat(t.read32(DATA + 2)).isEqualTo(movedIdt);
    }

    @Test
    void strInRing3RevealsTheTssAddress() {
        RingTestbed t = new RingTestbed();
        CodeBuilder b = userCode();
        b.emit("str", EAX);

        Arrival stop = runUntilInt80(t, b, 3, Flags.IF);

        assertThat(stop.reg(EAX)).isEqualTo(BareMachine.TSS).isEqualTo(t.cpu.taskRegister());
    }

    @ParameterizedTest(name = "ring {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void movFromCsRevealsTheCurrentPrivilegeLevelInItsLowTwoBits(int ring) {
        RingTestbed t = new RingTestbed();
        CodeBuilder b = userCode();
        b.emit("mov", EAX, imm(-1));
        b.emit("mov", EAX, CS);

        Arrival stop = runUntilInt80(t, b, ring, Flags.IF);

        assertThat(stop.reg(EAX)).isEqualTo(8 * (ring + 1) + ring);
        assertThat(stop.reg(EAX) & 3).isEqualTo(ring);
    }

    @Test
    void rdtscInRing3ReadsTheCycleCounter() {
        RingTestbed t = new RingTestbed();
        CodeBuilder b = userCode();
        b.emit("nop");
        b.emit("rdtsc");
        t.load(b.assemble());
        t.enter(3, 0);
        long start = t.cpu.cycles();

        t.step();
        t.step();

        assertThat(t.arrivals).isEmpty();
        assertThat(t.reg(EAX)).isEqualTo((int) (start + 1));
        assertThat(t.reg(EDX)).isZero();
    }

    @ParameterizedTest(name = "ring {0}")
    @ValueSource(ints = {1, 2, 3})
    void rdtscOutsideRing0IsGeneralProtectionWhenCr4TsdIsSet(int ring) {
        RingTestbed t = new RingTestbed();
        t.load(userCode().emit("rdtsc").assemble());
        t.enter(ring, 3);
        t.cpu.setControlRegister(4, ControlRegisters.CR4_TSD);

        t.step();

        Arrival trap = t.firstArrival();
        assertThat(trap.vector()).isEqualTo(Vectors.GENERAL_PROTECTION);
        assertThat(trap.errorCode()).isZero();
        assertThat(trap.frame().eip()).isEqualTo(CODE);
    }

    @Test
    void rdtscInRing0WorksWhenCr4TsdIsSet() {
        RingTestbed t = new RingTestbed();
        t.load(userCode().emit("rdtsc").assemble());
        t.enter(0, 0);
        t.cpu.setControlRegister(4, ControlRegisters.CR4_TSD);

        t.step();

        assertThat(t.arrivals).isEmpty();
        assertThat(t.cpu.eip()).isEqualTo(CODE + 2);
    }

    @Test
    void iretInRing3CannotSetIfOrIopl() {
        RingTestbed t = new RingTestbed();
        CodeBuilder b = userCode();
        b.emit("push", imm(Flags.IF | Flags.IOPL | Flags.CF));
        b.emit("push", imm(Registers.codeSelector(3)));
        b.emit("push", label("back"));
        b.emit("iret");
        b.emit("ud2");
        b.label("back");
        b.emit("pushf");
        b.emit("pop", EAX);

        Arrival stop = runUntilInt80(t, b, 3, 0);

        assertThat(stop.reg(EAX) & Flags.IF).as("IF").isZero();
        assertThat(Flags.iopl(stop.reg(EAX))).as("IOPL").isZero();
        assertThat(stop.reg(EAX) & Flags.CF).isEqualTo(Flags.CF);
        assertThat(stop.frame().oldEsp()).as("ESP, not popped by a same-ring iret").isEqualTo(USER_ESP);
    }

    static Stream<InstructionForm> sensitiveUnprivilegedRows() {
        return OpcodeTable.FORMS.stream().filter(f -> f.privilege() == PrivilegeClass.CONTROL_SENSITIVE
                || f.privilege() == PrivilegeClass.BEHAVIOUR_SENSITIVE);
    }

    static Stream<Arguments> sensitiveRowsInOuterRings() {
        return OpcodeTable.FORMS.stream().filter(f -> f.privilege().isSensitive()
                        && f.privilege() != PrivilegeClass.PRIVILEGED)
                .flatMap(form -> IntStream.rangeClosed(1, 3).mapToObj(ring -> Arguments.of(form, ring)));
    }

    @ParameterizedTest(name = "{0} in ring {1}")
    @MethodSource("sensitiveRowsInOuterRings")
    void strictVirtualizationMakesEverySensitiveInstructionRaiseGeneralProtectionOutsideRing0EvenAtIopl3(
            InstructionForm form, int ring) {
        RingTestbed t = new RingTestbed();
        t.load(sample(form));
        t.prepareSample(ring, 3);
        t.cpu.setControlRegister(4, ControlRegisters.CR4_SVE);
        State before = t.snapshot();

        t.step();

        Arrival trap = t.firstArrival();
        assertThat(trap).as("a trap").isNotNull();
        assertThat(trap.vector()).isEqualTo(Vectors.GENERAL_PROTECTION);
        assertThat(trap.errorCode()).isZero();
        assertThat(trap.frame().eip()).isEqualTo(CODE);
        assertThat(t.snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sensitiveUnprivilegedRows")
    void withoutStrictVirtualizationEverySensitiveUnprivilegedInstructionRunsInRing3(InstructionForm form) {
        RingTestbed t = new RingTestbed();
        byte[] code = sample(form);
        t.load(code);
        t.prepareSample(3, 0);

        t.step();

        assertThat(t.arrivals).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sensitiveUnprivilegedRows")
    void strictVirtualizationLeavesEverySensitiveInstructionWorkingInRing0(InstructionForm form) {
        RingTestbed t = new RingTestbed();
        t.load(sample(form));
        t.prepareSample(0, 0);
        t.cpu.setControlRegister(4, ControlRegisters.CR4_SVE);

        t.step();

        assertThat(t.arrivals).isEmpty();
    }

    @Test
    void withStrictVirtualizationPopfInRing0StillChangesIfAndIopl() {
        RingTestbed t = new RingTestbed();
        t.cpu.setControlRegister(4, ControlRegisters.CR4_SVE);
        CodeBuilder b = userCode();
        b.emit("push", imm(3 << Flags.IOPL_SHIFT));
        b.emit("popf");
        b.emit("pushf");
        b.emit("pop", EAX);

        Arrival stop = runUntilInt80(t, b, 0, Flags.IF);

        assertThat(stop.reg(EAX) & Flags.IF).isZero();
        assertThat(Flags.iopl(stop.reg(EAX))).isEqualTo(3);
    }
}
