package dev.ringos.cpu;

import static dev.ringos.cpu.PageTables.*;
import static dev.ringos.cpu.isa.Operand.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringos.cpu.FaultRecorder.Fault;
import dev.ringos.cpu.isa.CodeBuilder;
import org.junit.jupiter.api.Test;

/**
 * The software TLB behaves like x86's: not coherent with the page tables (a changed entry takes
 * effect at invlpg or a CR3 load, not before), flushed by CR3 loads, kept apart for user and
 * supervisor accesses, and counted.
 */
class TlbTest {
    private static final int CODE = 0x0804_8000;
    /** The page whose mapping the tests change; alone in its page table. */
    private static final int PAGE = 0x4000_0000;
    /** Where ring-0 code sees PAGE's page table, to edit it. */
    private static final int TABLE_WINDOW = 0x0030_0000;
    private static final int USER_CODE = 0x0805_0000;
    private static final int STACK_TOP = 0xBFFF_F000;
    private static final int OLD = 0x0111_1111;
    private static final int NEW = 0x0222_2222;

    private final BareMachine machine = new BareMachine(4 << 20);
    private final Cpu cpu = machine.cpu();
    private final PhysicalMemory memory = cpu.memory();
    private final FaultRecorder recorder = FaultRecorder.install(machine);
    private final int oldFrame;
    private final int newFrame;

    TlbTest() {
        machine.load(STACK_TOP - 0x2000, new byte[0], 0x2000, RW | NX | US);
        oldFrame = machine.allocateFrame();
        newFrame = machine.allocateFrame();
        memory.write32(oldFrame, OLD);
        memory.write32(newFrame, NEW);
        machine.map(PAGE, oldFrame, RW | US | NX);
        machine.map(TABLE_WINDOW, pde(PAGE) & FRAME, RW | NX);
    }

    private int pde(int va) {
        return memory.read32(BareMachine.PAGE_DIRECTORY + (va >>> 22) * 4);
    }

    private int pteAddress(int va) {
        return (pde(va) & FRAME) + ((va >>> 12) & 0x3FF) * 4;
    }

    /** The page-table entry of PAGE as ring-0 code sees it through the window. */
    private static int pageEntryInWindow() {
        return TABLE_WINDOW + ((PAGE >>> 12) & 0x3FF) * 4;
    }

    private Exit runRing0(CodeBuilder code) {
        loadRing0(code);
        return startRing0();
    }

    private void loadRing0(CodeBuilder code) {
        byte[] bytes = code.assemble();
        machine.load(CODE, bytes, bytes.length, 0);
    }

    private Exit startRing0() {
        machine.enter(0, CODE, STACK_TOP);
        return machine.run(1_000_000);
    }

    private int reg(int r) {
        return cpu.reg(r);
    }

    // ---- coherence ----

    @Test
    void aChangedPageTableEntryIsIgnoredUntilInvlpg() {
        CodeBuilder b = new CodeBuilder(CODE)
                .emit("mov", EAX, abs(PAGE))
                .emit("mov", dwordAt(abs(pageEntryInWindow())), imm(newFrame | P | RW | US))
                .emit("mov", EBX, abs(PAGE))
                .emit("invlpg", abs(PAGE))
                .emit("mov", ECX, abs(PAGE))
                .emit("hlt");
        assertThat(runRing0(b)).isEqualTo(Exit.HALTED);
        assertThat(reg(Registers.EAX)).as("before the change").isEqualTo(OLD);
        assertThat(reg(Registers.EBX)).as("after the change, before invlpg").isEqualTo(OLD);
        assertThat(reg(Registers.ECX)).as("after invlpg").isEqualTo(NEW);
    }

    @Test
    void aChangedPageTableEntryIsIgnoredUntilCr3IsLoaded() {
        CodeBuilder b = new CodeBuilder(CODE)
                .emit("mov", EAX, abs(PAGE))
                .emit("mov", dwordAt(abs(pageEntryInWindow())), imm(newFrame | P | RW | US))
                .emit("mov", EBX, abs(PAGE))
                .emit("mov", EDX, cr(3))
                .emit("mov", cr(3), EDX)
                .emit("mov", ECX, abs(PAGE))
                .emit("hlt");
        assertThat(runRing0(b)).isEqualTo(Exit.HALTED);
        assertThat(reg(Registers.EAX)).isEqualTo(OLD);
        assertThat(reg(Registers.EBX)).isEqualTo(OLD);
        assertThat(reg(Registers.ECX)).isEqualTo(NEW);
    }

    @Test
    void invlpgOfAnotherPageLeavesAStaleEntryInPlace() {
        CodeBuilder b = new CodeBuilder(CODE)
                .emit("mov", EAX, abs(PAGE))
                .emit("mov", dwordAt(abs(pageEntryInWindow())), imm(newFrame | P | RW | US))
                .emit("invlpg", abs(PAGE + 0x1000))
                .emit("mov", EBX, abs(PAGE))
                .emit("hlt");
        assertThat(runRing0(b)).isEqualTo(Exit.HALTED);
        assertThat(reg(Registers.EBX)).isEqualTo(OLD);
    }

    @Test
    void aStaleWriteEntryKeepsWritingTheOldFrameUntilInvlpg() {
        CodeBuilder b = new CodeBuilder(CODE)
                .emit("mov", dwordAt(abs(PAGE)), imm(0x33))
                .emit("mov", dwordAt(abs(pageEntryInWindow())), imm(newFrame | P | RW | US))
                .emit("mov", dwordAt(abs(PAGE + 4)), imm(0x44))
                .emit("invlpg", abs(PAGE))
                .emit("mov", dwordAt(abs(PAGE + 8)), imm(0x55))
                .emit("hlt");
        assertThat(runRing0(b)).isEqualTo(Exit.HALTED);
        assertThat(memory.read32(oldFrame)).isEqualTo(0x33);
        assertThat(memory.read32(oldFrame + 4)).isEqualTo(0x44);
        assertThat(memory.read32(oldFrame + 8)).isZero();
        assertThat(memory.read32(newFrame + 8)).isEqualTo(0x55);
    }

    @Test
    void loadingCr3WithAnotherPageDirectorySwitchesTheMappingAndBack() {
        int directory = machine.allocateFrame();
        loadRing0(new CodeBuilder(CODE)
                .emit("mov", EAX, abs(PAGE))
                .emit("mov", EDX, imm(directory))
                .emit("mov", cr(3), EDX)
                .emit("mov", EBX, abs(PAGE))
                .emit("mov", EDX, imm(BareMachine.PAGE_DIRECTORY))
                .emit("mov", cr(3), EDX)
                .emit("mov", ECX, abs(PAGE))
                .emit("hlt"));
        copyDirectoryWithPageOnNewFrame(directory);
        assertThat(startRing0()).isEqualTo(Exit.HALTED);
        assertThat(reg(Registers.EAX)).isEqualTo(OLD);
        assertThat(reg(Registers.EBX)).isEqualTo(NEW);
        assertThat(reg(Registers.ECX)).isEqualTo(OLD);
    }

    @Test
    void aHostEditOfThePageTablesTakesEffectAtTheNextCr3LoadEvenAfterTheEpochCounterWrapsAround() {
        CodeBuilder b = new CodeBuilder(USER_CODE)
                .emit("mov", EBX, abs(PAGE))
                .emit("mov", EAX, imm(BareMachine.SYS_EXIT))
                .emit("int", imm(0x80));
        byte[] code = b.assemble();
        machine.loadUser(USER_CODE, code, code.length, 0);
        machine.enterUser(USER_CODE, STACK_TOP);
        machine.run(1_000_000);
        assertThat(machine.exitStatus()).isEqualTo(OLD & 0xFF);

        memory.write32(pteAddress(PAGE), newFrame | P | RW | US);
        cpu.setEip(USER_CODE);
        machine.run(1_000_000);
        assertThat(cpu.reg(Registers.EBX)).as("stale until a flush").isEqualTo(OLD);

        for (int i = 0; i < 10_000; i++) {
            cpu.setControlRegister(3, cpu.cr3());
        }
        cpu.setEip(USER_CODE);
        machine.run(1_000_000);
        assertThat(cpu.reg(Registers.EBX)).isEqualTo(NEW);
        assertThat(recorder.faults()).isEmpty();
    }

    // ---- process-context identifiers (CR4.PCIDE) ----

    /** Makes {@code directory} map everything the first does, except PAGE, which it maps to the new frame. */
    private void copyDirectoryWithPageOnNewFrame(int directory) {
        for (int i = 0; i < 1024; i++) {
            memory.write32(directory + 4 * i, memory.read32(BareMachine.PAGE_DIRECTORY + 4 * i));
        }
        int table = machine.allocateFrame();
        memory.write32(directory + (PAGE >>> 22) * 4, table | P | RW | US);
        memory.write32(table + ((PAGE >>> 12) & 0x3FF) * 4, newFrame | P | RW | US);
    }

    @Test
    void withPcidsACr3LoadKeepsEachAddressSpacesTranslations() {
        int second = machine.allocateFrame();
        loadRing0(new CodeBuilder(CODE)
                .emit("mov", EDX, cr(4))
                .emit("or", EDX, imm(ControlRegisters.CR4_PCIDE))
                .emit("mov", cr(4), EDX)
                .emit("mov", EDX, imm(BareMachine.PAGE_DIRECTORY | 1))
                .emit("mov", cr(3), EDX)                       // PCID 1: the first directory
                .emit("mov", EAX, abs(PAGE))                   // cached under PCID 1
                .emit("mov", dwordAt(abs(pageEntryInWindow())), imm(0))   // unmap PAGE, no invlpg
                .emit("mov", EDX, imm(second | 2))
                .emit("mov", cr(3), EDX)                       // PCID 2
                .emit("mov", EBX, abs(PAGE))
                .emit("mov", EDX, imm(BareMachine.PAGE_DIRECTORY | 1))
                .emit("mov", cr(3), EDX)                       // back to PCID 1: nothing flushed
                .emit("mov", ECX, abs(PAGE))
                .emit("hlt"));
        copyDirectoryWithPageOnNewFrame(second);
        assertThat(startRing0()).isEqualTo(Exit.HALTED);
        assertThat(reg(Registers.EAX)).isEqualTo(OLD);
        assertThat(reg(Registers.EBX)).as("the other PCID's mapping").isEqualTo(NEW);
        assertThat(reg(Registers.ECX)).as("PCID 1's translation survived two CR3 loads").isEqualTo(OLD);
        assertThat(recorder.faults()).isEmpty();
    }

    @Test
    void aPcidsChangedTablesTakeEffectWhenTheHostInvalidatesItNotAtACr3Load() {
        CodeBuilder b = new CodeBuilder(USER_CODE)
                .emit("mov", EBX, abs(PAGE))
                .emit("mov", EAX, imm(BareMachine.SYS_EXIT))
                .emit("int", imm(0x80));
        byte[] code = b.assemble();
        machine.loadUser(USER_CODE, code, code.length, 0);
        cpu.setControlRegister(4, ControlRegisters.CR4_PCIDE);
        cpu.setControlRegister(3, BareMachine.PAGE_DIRECTORY | 1);
        machine.enterUser(USER_CODE, STACK_TOP);
        machine.run(1_000_000);
        assertThat(cpu.reg(Registers.EBX)).isEqualTo(OLD);

        memory.write32(pteAddress(PAGE), newFrame | P | RW | US);
        cpu.setControlRegister(3, BareMachine.PAGE_DIRECTORY | 1);
        machine.enterUser(USER_CODE, STACK_TOP);
        machine.run(1_000_000);
        assertThat(cpu.reg(Registers.EBX)).as("a CR3 load keeps the PCID's translations").isEqualTo(OLD);

        cpu.invalidateAddressSpace(1);
        machine.enterUser(USER_CODE, STACK_TOP);
        machine.run(1_000_000);
        assertThat(cpu.reg(Registers.EBX)).isEqualTo(NEW);
        assertThat(recorder.faults()).isEmpty();
    }

    @Test
    void pcideGoesOnOnlyWithPcidZeroLoaded() {
        cpu.setControlRegister(3, BareMachine.PAGE_DIRECTORY | 5);
        assertThatThrownBy(
                () -> cpu.setControlRegister(4, ControlRegisters.CR4_PCIDE)).isInstanceOf(IllegalArgumentException.class);
        cpu.setControlRegister(3, BareMachine.PAGE_DIRECTORY);
        cpu.setControlRegister(4, ControlRegisters.CR4_PCIDE);
        assertThat(cpu.cr4()).isEqualTo(ControlRegisters.CR4_PCIDE);
    }

    // ---- user and supervisor entries are separate ----

    /** Ring-0 code that runs {@code access} in ring 0, then irets to USER_CODE in ring 3. */
    private CodeBuilder thenRing3(CodeBuilder b) {
        return b.emit("push", imm(STACK_TOP))
                .emit("push", imm(Flags.IF))
                .emit("push", imm(Registers.codeSelector(3)))
                .emit("push", imm(USER_CODE))
                .emit("iret");
    }

    private void loadUserCode(CodeBuilder b) {
        byte[] code = b.assemble();
        machine.loadUser(USER_CODE, code, code.length, 0);
    }

    @Test
    void aSupervisorLoadDoesNotLetRing3LoadTheSamePage() {
        machine.map(PAGE, oldFrame, RW | NX);
        loadUserCode(new CodeBuilder(USER_CODE).label("load").emit("mov", EBX, abs(PAGE)).emit("hlt"));
        Exit exit = runRing0(thenRing3(new CodeBuilder(CODE).emit("mov", EAX, abs(PAGE))));
        assertThat(exit).isEqualTo(Exit.STOPPED);
        assertThat(reg(Registers.EAX)).isEqualTo(OLD);
        Fault fault = recorder.single();
        assertThat(fault.vector()).isEqualTo(Vectors.PAGE_FAULT);
        assertThat(fault.errorCode()).isEqualTo(ERR_PRESENT | ERR_USER);
        assertThat(fault.eip()).isEqualTo(USER_CODE);
        assertThat(fault.cr2()).isEqualTo(PAGE);
    }

    @Test
    void aSupervisorStoreToAReadOnlyUserPageWithWriteProtectOffDoesNotLetRing3Store() {
        machine.map(PAGE, oldFrame, US | NX);
        cpu.setControlRegister(0, ControlRegisters.CR0_PE | ControlRegisters.CR0_PG);
        loadUserCode(new CodeBuilder(USER_CODE).emit("mov", dwordAt(abs(PAGE)), imm(0x77)).emit("hlt"));
        Exit exit = runRing0(thenRing3(new CodeBuilder(CODE).emit("mov", dwordAt(abs(PAGE)), imm(0x66))));
        assertThat(exit).isEqualTo(Exit.STOPPED);
        assertThat(memory.read32(oldFrame)).isEqualTo(0x66);
        Fault fault = recorder.single();
        assertThat(fault.vector()).isEqualTo(Vectors.PAGE_FAULT);
        assertThat(fault.errorCode()).isEqualTo(ERR_PRESENT | ERR_WRITE | ERR_USER);
        assertThat(fault.eip()).isEqualTo(USER_CODE);
    }

    // ---- counters ----

    @Test
    void aLoopOverOnePageMissesOnceForTheCodeAndOnceForTheDataThenOnlyHits() {
        CodeBuilder b = new CodeBuilder(CODE)
                .emit("mov", ECX, imm(100))
                .label("loop")
                .emit("mov", EAX, abs(PAGE))
                .emit("dec", ECX)
                .emit("jnz", label("loop"))
                .emit("hlt");
        assertThat(runRing0(b)).isEqualTo(Exit.HALTED);
        assertThat(cpu.tlbMisses()).isEqualTo(2);
        assertThat(cpu.tlbHits()).isEqualTo(99);
    }

    @Test
    void afterInvlpgTheNextAccessToThatPageMissesAgain() {
        CodeBuilder b = new CodeBuilder(CODE)
                .emit("mov", EAX, abs(PAGE))
                .emit("mov", EAX, abs(PAGE))
                .emit("invlpg", abs(PAGE))
                .emit("mov", EAX, abs(PAGE))
                .emit("hlt");
        assertThat(runRing0(b)).isEqualTo(Exit.HALTED);
        // code, PAGE, PAGE again after invlpg; the second load hits, and so does the code fetch after invlpg.
        assertThat(cpu.tlbMisses()).isEqualTo(3);
        assertThat(cpu.tlbHits()).isEqualTo(2);
    }

    @Test
    void afterACr3LoadEveryPageMissesAgain() {
        CodeBuilder b = new CodeBuilder(CODE)
                .emit("mov", EAX, abs(PAGE))
                .emit("mov", EAX, abs(PAGE))
                .emit("mov", EDX, cr(3))
                .emit("mov", cr(3), EDX)
                .emit("mov", EAX, abs(PAGE))
                .emit("hlt");
        assertThat(runRing0(b)).isEqualTo(Exit.HALTED);
        assertThat(cpu.tlbMisses()).isEqualTo(4);
        assertThat(cpu.tlbHits()).isEqualTo(1);
    }
}
