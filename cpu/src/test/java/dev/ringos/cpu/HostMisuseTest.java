package dev.ringos.cpu;

import static dev.ringos.cpu.isa.Operand.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.ringos.cpu.isa.CodeBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The host's own mistakes — a bad memory size, a register, ring or vector that does not exist, a
 * value a register cannot hold — fail at once, at the call, with an IllegalArgumentException whose
 * message names the bad value, and leave the guest exactly as it was.
 */
class HostMisuseTest {
    private final BareMachine machine = new BareMachine(2 << 20);
    private final Cpu cpu = machine.cpu();

    // ---- memory ----

    @ParameterizedTest
    @ValueSource(longs = {4097, 100, 4095, 0, -4096, -1, (1L << 30) + 4096, 2L << 30, Long.MAX_VALUE})
    void memoryOfABadSizeIsRefusedAtConstruction(long size) {
        assertThatIllegalArgumentException().isThrownBy(() -> new PhysicalMemory(size))
                .withMessageContaining(Long.toString(size));
    }

    @Test
    void memoryOfExactlyOneGibibyteOrOnePageIsFine() {
        assertThat(new PhysicalMemory(4096).size()).isEqualTo(4096);
        assertThat(new PhysicalMemory(1L << 30).frames()).isEqualTo(1 << 18);
    }

    @Test
    void aBareMachineTooSmallForItsOwnTablesIsRefusedNamingTheSize() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BareMachine(1 << 20))
                .withMessageContaining(Integer.toString(1 << 20));
    }

    @Test
    void loadingPastTheEndOfMemoryIsRefusedAndCopiesNothing() {
        PhysicalMemory memory = new PhysicalMemory(8192);
        assertThatIllegalArgumentException().isThrownBy(() -> memory.load(8190, new byte[] {1, 2, 3, 4}))
                .withMessageContaining("0x1ffe");
        assertThat(memory.copy(8188, 4)).containsOnly(0);
    }

    @Test
    void loadingAtANegativeAddressIsRefused() {
        PhysicalMemory memory = new PhysicalMemory(8192);
        assertThatIllegalArgumentException().isThrownBy(() -> memory.load(-4096, new byte[] {1}))
                .withMessageContaining("0xfffff000");
    }

    @Test
    void loadingNothingAtTheVeryEndOfMemoryIsANoOp() {
        PhysicalMemory memory = new PhysicalMemory(8192);
        memory.load(8192, new byte[0]);
        assertThat(memory.copy(0, 8192)).containsOnly(0);
    }

    @Test
    void copyingANegativeLengthIsRefusedNamingIt() {
        PhysicalMemory memory = new PhysicalMemory(8192);
        assertThatIllegalArgumentException().isThrownBy(() -> memory.copy(0, -5)).withMessageContaining("-5");
    }

    // ---- registers and state ----

    private int[] registers() {
        int[] regs = new int[8];
        for (int r = 0; r < 8; r++) {
            regs[r] = cpu.reg(r);
        }
        return regs;
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 9, -1, Integer.MIN_VALUE})
    void aRegisterNumberOutsideEaxToEdiIsRefused(int r) {
        for (int i = 0; i < 8; i++) {
            cpu.setReg(i, 0x100 + i);
        }
        int[] before = registers();
        assertThatIllegalArgumentException().isThrownBy(() -> cpu.setReg(r, 42))
                .withMessageContaining(Integer.toString(r));
        assertThatIllegalArgumentException().isThrownBy(() -> cpu.reg(r)).withMessageContaining(Integer.toString(r));
        assertThat(registers()).containsExactly(before);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, -1})
    void aRingOutsideZeroToThreeIsRefused(int ring) {
        cpu.setCpl(3);
        assertThatIllegalArgumentException().isThrownBy(() -> cpu.setCpl(ring))
                .withMessageContaining(Integer.toString(ring));
        assertThat(cpu.cpl()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 0, 14, 31, 96, 255, 256, -1})
    void raisingAnInterruptOutsideTheExternalVectorsIsRefusedAndDeliversNothing(int vector) {
        byte[] code = new CodeBuilder(GuestPrograms.CODE).emit("nop").emit("nop").emit("hlt").assemble();
        machine.load(GuestPrograms.CODE, code, code.length, 0);
        machine.enter(0, GuestPrograms.CODE, BareMachine.KERNEL_STACK_TOP);
        assertThatIllegalArgumentException().isThrownBy(() -> cpu.raiseInterrupt(vector))
                .withMessageContaining(Integer.toString(vector));
        assertThat(machine.run(1000)).isEqualTo(Exit.HALTED);
        assertThat(machine.trap()).isNull();
        for (int v = 0; v < 256; v++) {
            assertThat(cpu.trapCount(v)).as("deliveries of vector %d", v).isZero();
        }
    }

    @Test
    void aNegativeCycleBudgetIsRefusedAndRunsNothing() {
        machine.loadUser(GuestPrograms.CODE, GuestPrograms.aluLoop(10), 100, 0);
        machine.enterUser(GuestPrograms.CODE, GuestPrograms.STACK_TOP);
        assertThatIllegalArgumentException().isThrownBy(() -> cpu.run(-1)).withMessageContaining("-1");
        assertThat(cpu.cycles()).isZero();
        assertThat(cpu.instructions()).isZero();
        assertThat(cpu.eip()).isEqualTo(GuestPrograms.CODE);
    }

    @Test
    void aControlRegisterValueWithReservedBitsIsRefusedAndNothingChanges() {
        int cr0 = cpu.cr0();
        int cr4 = cpu.cr4();
        assertThatIllegalArgumentException().isThrownBy(() -> cpu.setControlRegister(0, cr0 | 1 << 3))
                .withMessageContaining(Integer.toHexString(cr0 | 1 << 3));
        assertThatIllegalArgumentException().isThrownBy(() -> cpu.setControlRegister(4, 1 << 20))
                .withMessageContaining("0x100000");
        assertThat(cpu.cr0()).isEqualTo(cr0);
        assertThat(cpu.cr4()).isEqualTo(cr4);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 8, -1})
    void aControlRegisterThatDoesNotExistIsRefused(int n) {
        assertThatIllegalArgumentException().isThrownBy(() -> cpu.setControlRegister(n, 0))
                .withMessageContaining("cr" + n);
    }

    @Test
    void anUnknownMsrIsRefusedForWritingAndReading() {
        long efer = cpu.msr(Msr.EFER);
        assertThatIllegalArgumentException().isThrownBy(() -> cpu.setMsr(0x1234, 5)).withMessageContaining("0x1234");
        assertThatIllegalArgumentException().isThrownBy(() -> cpu.msr(0x1234)).withMessageContaining("0x1234");
        assertThat(cpu.msr(Msr.EFER)).isEqualTo(efer);
    }

    @Test
    void anMsrValueTheMsrCannotHoldIsRefused() {
        long gate = cpu.msr(Msr.SYSCALL_HOST_GATE);
        assertThatIllegalArgumentException().isThrownBy(() -> cpu.setMsr(Msr.SYSCALL_HOST_GATE, 99))
                .withMessageContaining("0x63");
        assertThatIllegalArgumentException().isThrownBy(() -> cpu.setMsr(Msr.EFER, 1L << 40))
                .withMessageContaining("0x10000000000");
        assertThat(cpu.msr(Msr.SYSCALL_HOST_GATE)).isEqualTo(gate);
    }

    @Test
    void anIdtLimitBeyondSixtyFourKibibytesIsRefused() {
        int base = cpu.idtBase();
        int limit = cpu.idtLimit();
        assertThatIllegalArgumentException().isThrownBy(() -> cpu.setIdt(0x5000, 0x10000))
                .withMessageContaining("0x10000");
        assertThat(cpu.idtBase()).isEqualTo(base);
        assertThat(cpu.idtLimit()).isEqualTo(limit);
    }

    @Test
    void aNullHostGateIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> cpu.registerHostGate(null))
                .withMessageContaining("null");
    }

    // ---- host code behind a gate that throws ----

    @Test
    void aHostGateThatThrowsOnAnExceptionStopsTheMachineInsteadOfTheHost() {
        RuntimeException defect = new IllegalStateException("bug in the hosted kernel");
        int gate = cpu.registerHostGate((c, vector, errorCode) -> {
            throw defect;
        });
        machine.setGate(Vectors.INVALID_OPCODE, gate, 0, Gates.HOST_INTERRUPT_GATE);
        byte[] code = new CodeBuilder(GuestPrograms.CODE).emit("ud2").assemble();
        machine.loadUser(GuestPrograms.CODE, code, code.length, 0);
        machine.enterUser(GuestPrograms.CODE, GuestPrograms.STACK_TOP);
        assertThat(machine.run(1000)).isEqualTo(Exit.TRIPLE_FAULT);
        assertThat(cpu.shutdownCause()).isSameAs(defect);
        assertThat(cpu.shutdownReason()).contains("bug in the hosted kernel");
    }

    @Test
    void aHostGateThatThrowsOnATimerInterruptStopsTheMachineInsteadOfTheHost() {
        RuntimeException defect = new IllegalStateException("bug in the timer handler");
        int gate = cpu.registerHostGate((c, vector, errorCode) -> {
            throw defect;
        });
        machine.setGate(Vectors.TIMER, gate, 0, Gates.HOST_INTERRUPT_GATE);
        byte[] code = new CodeBuilder(GuestPrograms.CODE)
                .emit("mov", EAX, imm(100))
                .emit("out", imm(IntervalTimer.PORT), EAX)
                .label("spin")
                .emit("jmp", label("spin"))
                .assemble();
        machine.load(GuestPrograms.CODE, code, code.length, 0);
        machine.enter(0, GuestPrograms.CODE, BareMachine.KERNEL_STACK_TOP);
        assertThat(machine.run(10_000)).isEqualTo(Exit.TRIPLE_FAULT);
        assertThat(cpu.shutdownCause()).isSameAs(defect);
    }
}
