package dev.ringos.cpu;

import static dev.ringos.cpu.PageTables.*;
import static dev.ringos.cpu.isa.Operand.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.cpu.FaultRecorder.Fault;
import dev.ringos.cpu.isa.CodeBuilder;
import dev.ringos.cpu.isa.Encoder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Page faults as x86 reports them: vector 14, CR2 the linear address that faulted, the error code
 * (P protection / not present, W write, U user, I fetch), EIP of the faulting instruction — and
 * the instruction leaves no trace. Also the accessed and dirty bits a successful walk sets.
 */
class PageFaultTest {
    private static final int CODE = 0x0804_8000;
    /** Same page table as CODE. */
    private static final int DATA = 0x0810_0000;
    private static final int OTHER_CODE = 0x0820_0000;
    /** A 4 MiB region without a page table: its page directory entry is not present. */
    private static final int NO_TABLE = 0x4000_0000;
    private static final int STACK_TOP = 0xBFFF_F000;
    private static final int STACK_BYTES = 0x2000;
    /** What eax holds when the code starts; a faulting load must leave it there. */
    private static final int MARK = 0x5A5A_5A5A;

    private BareMachine machine;
    private Cpu cpu;
    private FaultRecorder recorder;
    private int ring;

    private void boot(int ring) {
        this.ring = ring;
        machine = new BareMachine(4 << 20);
        cpu = machine.cpu();
        recorder = FaultRecorder.install(machine);
        machine.load(STACK_TOP - STACK_BYTES, new byte[0], STACK_BYTES, RW | NX | userBit());
    }

    private int userBit() {
        return ring == 3 ? US : 0;
    }

    /** Loads {@code code} at CODE (read-only, executable, user in ring 3) and runs it with eax = MARK. */
    private Exit run(CodeBuilder code, int esp) {
        byte[] bytes = code.assemble();
        machine.load(CODE, bytes, bytes.length, userBit());
        return start(CODE, esp);
    }

    private Exit run(CodeBuilder code) {
        return run(code, STACK_TOP);
    }

    private Exit start(int eip, int esp) {
        machine.enter(ring, eip, esp);
        cpu.setReg(Registers.EAX, MARK);
        return machine.run(1_000_000);
    }

    private static CodeBuilder code() {
        return new CodeBuilder(CODE);
    }

    /** exit(0) in ring 3, hlt in ring 0: either way the run ends without a fault. */
    private CodeBuilder end(CodeBuilder b) {
        if (ring == 0) {
            return b.emit("hlt");
        }
        return b.emit("mov", EAX, imm(BareMachine.SYS_EXIT)).emit("int", imm(0x80));
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private int physical(int va) {
        long pa = cpu.physicalAddress(va);
        assertThat(pa).as("%#x is mapped", va).isNotNegative();
        return (int) pa;
    }

    private int pteAddress(int va) {
        int pde = cpu.memory().read32(BareMachine.PAGE_DIRECTORY + (va >>> 22) * 4);
        return (pde & FRAME) + ((va >>> 12) & 0x3FF) * 4;
    }

    private int pde(int va) {
        return cpu.memory().read32(BareMachine.PAGE_DIRECTORY + (va >>> 22) * 4);
    }

    private int pte(int va) {
        return cpu.memory().read32(pteAddress(va));
    }

    /** The fault the run stopped at, checked field by field, and the CPU back at the faulting instruction. */
    private void assertPageFault(Exit exit, int cr2, int errorCode, int eip, int esp) {
        assertThat(exit).isEqualTo(Exit.STOPPED);
        Fault fault = recorder.single();
        assertThat(fault.vector()).as("vector of %s", fault).isEqualTo(Vectors.PAGE_FAULT);
        assertThat(fault.cr2()).as("cr2 of %s", fault).isEqualTo(cr2);
        assertThat(fault.errorCode()).as("error code of %s", fault).isEqualTo(errorCode);
        assertThat(fault.eip()).as("eip of %s", fault).isEqualTo(eip);
        assertThat(fault.ring()).as("ring of %s", fault).isEqualTo(ring);
        assertThat(fault.esp()).as("esp of %s", fault).isEqualTo(esp);
        assertThat(cpu.cr2()).isEqualTo(cr2);
        assertThat(cpu.eip()).isEqualTo(eip);
        assertThat(cpu.cpl()).isEqualTo(ring);
        assertThat(cpu.reg(Registers.ESP)).isEqualTo(esp);
        assertThat(cpu.reg(Registers.EAX)).as("eax").isEqualTo(MARK);
    }

    private void assertPageFault(Exit exit, int cr2, int errorCode, int eip) {
        assertPageFault(exit, cr2, errorCode, eip, STACK_TOP);
    }

    // ---- not present ----

    @Test
    void aLoadThroughANotPresentPageDirectoryEntryFaultsAsNotPresent() {
        boot(3);
        CodeBuilder b = code().label("load").emit("mov", EAX, abs(NO_TABLE + 0x123));
        Exit exit = run(end(b));
        assertPageFault(exit, NO_TABLE + 0x123, ERR_USER, b.address("load"));
    }

    @Test
    void aLoadThroughANotPresentPageTableEntryFaultsAsNotPresent() {
        boot(3);
        CodeBuilder b = code().label("load").emit("mov", EAX, abs(DATA + 0x10_0010));
        Exit exit = run(end(b));
        assertPageFault(exit, DATA + 0x10_0010, ERR_USER, b.address("load"));
    }

    @Test
    void aStoreToANotPresentPageFaultsWithTheWriteBit() {
        boot(3);
        CodeBuilder b = code().label("store").emit("mov", dwordAt(abs(DATA + 8)), imm(7));
        Exit exit = run(end(b));
        assertPageFault(exit, DATA + 8, ERR_USER | ERR_WRITE, b.address("store"));
    }

    @Test
    void aSupervisorLoadFromANotPresentPageHasNeitherUserNorPresentBit() {
        boot(0);
        CodeBuilder b = code().label("load").emit("mov", EAX, abs(NO_TABLE));
        Exit exit = run(end(b));
        assertPageFault(exit, NO_TABLE, 0, b.address("load"));
    }

    // ---- protection ----

    @Test
    void aUserStoreToAReadOnlyPageFaultsAndLeavesTheMemoryAlone() {
        boot(3);
        machine.loadUser(DATA, filled(16, 0x11), 0x1000, NX);
        CodeBuilder b = code().label("store").emit("mov", dwordAt(abs(DATA + 4)), imm(0x2222_2222));
        Exit exit = run(end(b));
        assertPageFault(exit, DATA + 4, ERR_PRESENT | ERR_WRITE | ERR_USER, b.address("store"));
        assertThat(cpu.memory().read32(physical(DATA + 4))).isEqualTo(0x1111_1111);
    }

    @Test
    void aSupervisorStoreToAReadOnlyPageFaultsWhenWriteProtectIsOn() {
        boot(0);
        machine.load(DATA, filled(16, 0x11), 0x1000, NX);
        CodeBuilder b = code().label("store").emit("mov", dwordAt(abs(DATA)), imm(0x2222_2222));
        Exit exit = run(end(b));
        assertPageFault(exit, DATA, ERR_PRESENT | ERR_WRITE, b.address("store"));
        assertThat(cpu.memory().read32(physical(DATA))).isEqualTo(0x1111_1111);
    }

    @Test
    void aSupervisorStoreToAReadOnlyPageSucceedsWhenWriteProtectIsOff() {
        boot(0);
        machine.load(DATA, filled(16, 0x11), 0x1000, NX | US);
        cpu.setControlRegister(0, ControlRegisters.CR0_PE | ControlRegisters.CR0_PG);
        CodeBuilder b = code().emit("mov", dwordAt(abs(DATA)), imm(0x2222_2222));
        Exit exit = run(end(b));
        assertThat(exit).isEqualTo(Exit.HALTED);
        assertThat(recorder.faults()).isEmpty();
        assertThat(cpu.memory().read32(physical(DATA))).isEqualTo(0x2222_2222);
        assertThat(pte(DATA) & D).as("dirty").isNotZero();
    }

    @Test
    void aUserLoadFromASupervisorPageFaultsAsAProtectionViolation() {
        boot(3);
        machine.load(DATA, filled(16, 0x11), 0x1000, RW | NX);
        CodeBuilder b = code().label("load").emit("mov", EAX, abs(DATA));
        Exit exit = run(end(b));
        assertPageFault(exit, DATA, ERR_PRESENT | ERR_USER, b.address("load"));
    }

    @Test
    void aUserJumpIntoASupervisorPageFaultsOnTheFetchAtTheTarget() {
        boot(3);
        machine.load(OTHER_CODE, filled(16, 0x90), 0x1000, 0);
        Exit exit = run(end(code().emit("jmp", imm(OTHER_CODE + 2))));
        assertPageFault(exit, OTHER_CODE + 2, ERR_PRESENT | ERR_USER | ERR_FETCH, OTHER_CODE + 2);
    }

    @Test
    void ring3CannotGoOnExecutingTheSupervisorPageItsIretCameFrom() {
        boot(0);
        CodeBuilder b = code()
                .emit("push", imm(STACK_TOP))
                .emit("push", imm(Flags.IF))
                .emit("push", imm(Registers.codeSelector(3)))
                .emit("push", label("user"))
                .emit("iret")
                .label("user")
                .emit("mov", EAX, imm(1))
                .emit("hlt");
        Exit exit = run(b);
        ring = 3;
        assertPageFault(exit, b.address("user"), ERR_PRESENT | ERR_USER | ERR_FETCH, b.address("user"));
    }

    @Test
    void aUserJumpIntoANoExecutePageFaultsOnTheFetch() {
        boot(3);
        machine.loadUser(DATA, filled(16, 0x90), 0x1000, RW | NX);
        Exit exit = run(end(code().emit("jmp", imm(DATA))));
        assertPageFault(exit, DATA, ERR_PRESENT | ERR_USER | ERR_FETCH, DATA);
    }

    @Test
    void aSupervisorJumpIntoANoExecutePageFaultsOnTheFetch() {
        boot(0);
        machine.load(DATA, filled(16, 0x90), 0x1000, RW | NX);
        Exit exit = run(end(code().emit("jmp", imm(DATA + 0x10))));
        assertPageFault(exit, DATA + 0x10, ERR_PRESENT | ERR_FETCH, DATA + 0x10);
    }

    // ---- accesses that cross a page boundary ----

    @Test
    void aStoreStraddlingIntoAReadOnlyPageFaultsOnTheSecondPageAndWritesNeither() {
        boot(3);
        machine.loadUser(DATA, filled(0x1000, 0xAA), 0x1000, RW | NX);
        machine.loadUser(DATA + 0x1000, filled(0x1000, 0xBB), 0x1000, NX);
        CodeBuilder b = code().label("store").emit("mov", dwordAt(abs(DATA + 0xFFE)), imm(0x1122_3344));
        Exit exit = run(end(b));
        assertPageFault(exit, DATA + 0x1000, ERR_PRESENT | ERR_WRITE | ERR_USER, b.address("store"));
        assertThat(cpu.memory().copy(physical(DATA + 0xFFE), 2)).containsExactly(0xAA, 0xAA);
        assertThat(cpu.memory().copy(physical(DATA + 0x1000), 2)).containsExactly(0xBB, 0xBB);
    }

    @Test
    void aLoadStraddlingIntoANotPresentPageFaultsOnTheFirstByteOfThatPage() {
        boot(3);
        machine.loadUser(DATA, filled(0x1000, 0xAA), 0x1000, RW | NX);
        CodeBuilder b = code().label("load").emit("mov", EAX, abs(DATA + 0xFFD));
        Exit exit = run(end(b));
        assertPageFault(exit, DATA + 0x1000, ERR_USER, b.address("load"));
    }

    @Test
    void anInstructionRunningIntoANotPresentPageFaultsOnTheFetchOfItsFirstByteThere() {
        boot(3);
        int edge = CODE + 0xFFD;
        byte[] page = new byte[0x1000];
        byte[] jump = Encoder.encode("jmp", CODE, imm(edge));
        System.arraycopy(jump, 0, page, 0, jump.length);
        byte[] mov = Encoder.encode("mov", edge, EAX, imm(0x1234_5678));
        System.arraycopy(mov, 0, page, 0xFFD, 3);
        machine.loadUser(CODE, page, page.length, 0);
        Exit exit = start(CODE, STACK_TOP);
        assertPageFault(exit, CODE + 0x1000, ERR_USER | ERR_FETCH, edge);
    }

    @Test
    void anInstructionRunningIntoANoExecutePageFaultsOnTheFetchOfItsFirstByteThere() {
        boot(3);
        int edge = CODE + 0xFFE;
        byte[] page = new byte[0x1000];
        byte[] jump = Encoder.encode("jmp", CODE, imm(edge));
        System.arraycopy(jump, 0, page, 0, jump.length);
        byte[] mov = Encoder.encode("mov", edge, EAX, imm(0x1234_5678));
        System.arraycopy(mov, 0, page, 0xFFE, 2);
        machine.loadUser(CODE, page, page.length, 0);
        machine.loadUser(CODE + 0x1000, Arrays.copyOfRange(mov, 2, mov.length), 0x1000, RW | NX);
        Exit exit = start(CODE, STACK_TOP);
        assertPageFault(exit, CODE + 0x1000, ERR_PRESENT | ERR_USER | ERR_FETCH, edge);
    }

    // ---- the stack ----

    @Test
    void aPushOntoAnUnmappedStackPageFaultsAndLeavesEspAlone() {
        boot(3);
        int bottom = STACK_TOP - STACK_BYTES;
        CodeBuilder b = code().label("push").emit("push", EAX);
        Exit exit = run(end(b), bottom);
        assertPageFault(exit, bottom - 4, ERR_WRITE | ERR_USER, b.address("push"), bottom);
    }

    @Test
    void aCallWithAnUnmappedStackFaultsBeforeItJumps() {
        boot(3);
        int bottom = STACK_TOP - STACK_BYTES;
        CodeBuilder b = code().label("call").emit("call", label("target")).label("target");
        Exit exit = run(end(b), bottom + 2);
        assertPageFault(exit, bottom - 2, ERR_WRITE | ERR_USER, b.address("call"), bottom + 2);
    }

    // ---- accessed and dirty ----

    @Test
    void aLoadSetsAccessedInBothLevelsAndAStoreThenSetsDirty() {
        boot(3);
        machine.loadUser(NO_TABLE, filled(16, 0x11), 0x1000, RW | NX);
        CodeBuilder b = code().emit("mov", EBX, abs(NO_TABLE));
        end(b).emit("mov", abs(NO_TABLE + 4), EBX);
        end(b);
        assertThat(pde(NO_TABLE) & A).as("directory entry accessed before").isZero();
        assertThat(pte(NO_TABLE) & (A | D)).as("table entry accessed or dirty before").isZero();

        assertThat(run(b)).isEqualTo(Exit.STOPPED);
        assertThat(pde(NO_TABLE) & A).as("directory entry accessed").isNotZero();
        assertThat(pte(NO_TABLE) & A).as("table entry accessed").isNotZero();
        assertThat(pte(NO_TABLE) & D).as("table entry dirty after a load").isZero();
        assertThat(pte(CODE) & A).as("code page accessed by the fetch").isNotZero();
        assertThat(pte(CODE) & D).as("code page dirty after a fetch").isZero();

        assertThat(machine.run(1_000_000)).isEqualTo(Exit.STOPPED);
        assertThat(recorder.faults()).isEmpty();
        assertThat(pte(NO_TABLE) & D).as("table entry dirty after a store").isNotZero();
        assertThat(cpu.memory().read32(physical(NO_TABLE + 4))).isEqualTo(0x1111_1111);
    }
}
