package dev.ringos.cpu;

import static dev.ringos.cpu.PageTables.*;
import static dev.ringos.cpu.isa.Operand.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.cpu.isa.CodeBuilder;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The decoded-instruction cache is invisible: whatever writes the bytes (the guest through any
 * mapping, or the host), wherever the page is mapped, and however an instruction straddles pages,
 * the CPU executes the bytes that are in memory now.
 */
class CodeCacheTest {
    private static final int CODE = 0x0804_8000;
    private static final int ALIAS = 0x0900_0000;
    private static final int DATA = 0x0810_0000;
    private static final int STACK_TOP = 0xBFFF_F000;

    private final BareMachine machine = new BareMachine(4 << 20);
    private final Cpu cpu = machine.cpu();
    private final PhysicalMemory memory = cpu.memory();
    private final FaultRecorder recorder = FaultRecorder.install(machine);

    CodeCacheTest() {
        machine.loadUser(STACK_TOP - 0x2000, new byte[0], 0x2000, RW | NX);
    }

    private static CodeBuilder exit(CodeBuilder b) {
        return b.emit("mov", EAX, imm(BareMachine.SYS_EXIT)).emit("int", imm(0x80));
    }

    private void runFrom(int eip) {
        machine.enterUser(eip, STACK_TOP);
        assertThat(machine.run(1_000_000)).isEqualTo(Exit.STOPPED);
        assertThat(recorder.faults()).isEmpty();
    }

    private int physical(int va) {
        return (int) cpu.physicalAddress(va);
    }

    /** Assembles twice: the first time to learn where the label {@code patched} lands. */
    private static byte[] assembleKnowing(IntFunction<CodeBuilder> program) {
        CodeBuilder probe = program.apply(0);
        probe.assemble();
        int patched = probe.address("patched");
        CodeBuilder real = program.apply(patched);
        byte[] bytes = real.assemble();
        assertThat(real.address("patched")).isEqualTo(patched);
        return bytes;
    }

    // ---- the guest rewrites code it has run ----

    /**
     * Calls a function that returns an immediate, patches the immediate, calls it again: esi ends
     * up with the sum of what the two calls returned.
     */
    private static CodeBuilder patchAndCallAgain(int patched, boolean functionOnNextPage, int writeThrough) {
        CodeBuilder b = new CodeBuilder(CODE)
                .emit("xor", ESI, ESI)
                .emit("mov", EDI, imm(2))
                .label("again")
                .emit("call", label("patched"))
                .emit("add", ESI, EAX)
                .emit("mov", dwordAt(abs(patched - CODE + writeThrough + 1)), imm(0x0200_0000))
                .emit("dec", EDI)
                .emit("jnz", label("again"));
        exit(b);
        if (functionOnNextPage) {
            b.align(0x1000);
        }
        return b.label("patched").emit("mov", EAX, imm(0x0100_0000)).emit("ret");
    }

    @Test
    void aGuestStoreIntoAnInstructionOnItsOwnPageIsSeenTheNextTimeItRuns() {
        byte[] code = assembleKnowing(patched -> patchAndCallAgain(patched, false, CODE));
        machine.loadUser(CODE, code, code.length, RW);
        runFrom(CODE);
        assertThat(cpu.reg(Registers.ESI)).isEqualTo(0x0300_0000);
    }

    @Test
    void aGuestStoreIntoAnInstructionOnAnotherPageIsSeenTheNextTimeItRuns() {
        byte[] code = assembleKnowing(patched -> patchAndCallAgain(patched, true, CODE));
        assertThat(code.length).isGreaterThan(0x1000);
        machine.loadUser(CODE, code, code.length, RW);
        runFrom(CODE);
        assertThat(cpu.reg(Registers.ESI)).isEqualTo(0x0300_0000);
    }

    @Test
    void aGuestStoreThroughAWritableAliasOfAReadOnlyCodePageIsSeen() {
        byte[] code = assembleKnowing(patched -> patchAndCallAgain(patched, false, DATA));
        machine.loadUser(CODE, code, code.length, 0);
        machine.map(DATA, physical(CODE), RW | US | NX);
        runFrom(CODE);
        assertThat(cpu.reg(Registers.ESI)).isEqualTo(0x0300_0000);
    }

    @Test
    void aStoreIntoTheVeryNextInstructionIsSeenByIt() {
        byte[] code = assembleKnowing(patched -> exit(new CodeBuilder(CODE)
                .emit("mov", EAX, imm(0x1111))
                .emit("mov", dwordAt(abs(patched + 1)), imm(0x2222))
                .label("patched")
                .emit("mov", EBX, imm(0x3333))));
        machine.loadUser(CODE, code, code.length, RW);
        runFrom(CODE);
        assertThat(cpu.reg(Registers.EBX)).isEqualTo(0x2222);
    }

    // ---- the host rewrites code the guest has run ----

    enum HostWrite {
        WRITE8, WRITE16, WRITE32, LOAD
    }

    @ParameterizedTest
    @EnumSource(HostWrite.class)
    void aHostWriteIntoCodeTheGuestHasRunIsSeenTheNextTimeItRuns(HostWrite how) {
        CodeBuilder b = exit(new CodeBuilder(CODE).emit("mov", EBX, imm(0x11)));
        byte[] code = b.assemble();
        machine.loadUser(CODE, code, code.length, 0);
        runFrom(CODE);
        assertThat(machine.exitStatus()).isEqualTo(0x11);

        int immediate = physical(CODE + 1);
        switch (how) {
            case WRITE8 -> memory.write8(immediate, 0x22);
            case WRITE16 -> memory.write16(immediate, 0x22);
            case WRITE32 -> memory.write32(immediate, 0x22);
            case LOAD -> memory.load(immediate, new byte[] {0x22});
        }
        runFrom(CODE);
        assertThat(machine.exitStatus()).isEqualTo(0x22);
    }

    // ---- one physical page, two virtual addresses ----

    /**
     * A loop with a backward branch, a forward call and a call/pop that learns its own address:
     * ecx counts 5 iterations into edx, edi gets the address of "here".
     */
    private static CodeBuilder positionIndependent(int origin) {
        CodeBuilder b = new CodeBuilder(origin)
                .emit("xor", EDX, EDX)
                .emit("mov", ECX, imm(5))
                .label("loop")
                .emit("call", label("increment"))
                .emit("dec", ECX)
                .emit("jnz", label("loop"))
                .emit("call", label("here"))
                .label("here")
                .emit("pop", EDI)
                .emit("mov", EBX, EDX);
        exit(b);
        return b.label("increment").emit("inc", EDX).emit("ret");
    }

    @Test
    void onePhysicalCodePageRunsCorrectlyAtEachOfItsVirtualAddresses() {
        CodeBuilder b = positionIndependent(CODE);
        byte[] code = b.assemble();
        int here = b.address("here") - CODE;
        machine.loadUser(CODE, code, code.length, 0);
        machine.map(ALIAS, physical(CODE), US);
        for (int origin : new int[] {CODE, ALIAS, CODE, ALIAS}) {
            runFrom(origin);
            assertThat(machine.exitStatus()).isEqualTo(5);
            assertThat(cpu.reg(Registers.EDI)).as("return address pushed at %#x", origin).isEqualTo(origin + here);
            assertThat(cpu.eip()).as("eip after exit at %#x", origin).isBetween(origin, origin + code.length);
        }
    }

    @Test
    void codeJumpingFromOneMappingOfAPageIntoTheOtherKeepsRunningCorrectly() {
        // At CODE: jump to the alias of CODE + 0x40, where the position-independent part is.
        byte[] prefix = new CodeBuilder(CODE).emit("mov", EAX, imm(ALIAS + 0x40)).emit("jmp", EAX).assemble();
        CodeBuilder rest = positionIndependent(CODE + 0x40);
        byte[] restBytes = rest.assemble();
        byte[] code = new byte[0x40 + restBytes.length];
        System.arraycopy(prefix, 0, code, 0, prefix.length);
        System.arraycopy(restBytes, 0, code, 0x40, restBytes.length);
        machine.loadUser(CODE, code, code.length, 0);
        machine.map(ALIAS, physical(CODE), US);
        runFrom(CODE);
        assertThat(machine.exitStatus()).isEqualTo(5);
        assertThat(cpu.reg(Registers.EDI)).isEqualTo(ALIAS + rest.address("here") - CODE);
    }

    // ---- an instruction across a page boundary ----

    /**
     * {@code add eax, 0x01020304} at CODE + 0xFFE, so its immediate's high three bytes are on the
     * next page; a loop runs it ten times. Execution starts at "start".
     */
    private static CodeBuilder straddlingLoop() {
        CodeBuilder b = new CodeBuilder(CODE)
                .zeros(0xFFE)
                .label("edge")
                .emit("add", EAX, imm(0x0102_0304))
                .emit("dec", ECX)
                .emit("jnz", label("edge"))
                .emit("mov", EBX, EAX)
                .emit("mov", EAX, imm(BareMachine.SYS_EXIT))
                .emit("int", imm(0x80))
                .label("start")
                .emit("mov", ECX, imm(10))
                .emit("xor", EAX, EAX)
                .emit("jmp", label("edge"));
        return b;
    }

    @Test
    void anInstructionAcrossAPageBoundaryRunsCorrectlyEveryTime() {
        CodeBuilder b = straddlingLoop();
        byte[] code = b.assemble();
        assertThat(b.address("edge")).isEqualTo(CODE + 0xFFE);
        machine.loadUser(CODE, code, code.length, 0);
        for (int run = 0; run < 3; run++) {
            runFrom(b.address("start"));
            assertThat(cpu.reg(Registers.EBX)).isEqualTo(10 * 0x0102_0304);
        }
    }

    @Test
    void remappingTheSecondPageChangesAnInstructionThatStraddlesIntoIt() {
        CodeBuilder b = straddlingLoop();
        byte[] code = b.assemble();
        machine.loadUser(CODE, code, code.length, 0);
        runFrom(b.address("start"));
        assertThat(cpu.reg(Registers.EBX)).isEqualTo(10 * 0x0102_0304);

        // A copy of the second page whose first three bytes (the immediate's high bytes) are 0x00 0x00 0x07.
        int copy = machine.allocateFrame();
        memory.load(copy, memory.copy(physical(CODE + 0x1000), 0x1000));
        memory.load(copy, new byte[] {0, 0, 7});
        machine.map(CODE + 0x1000, copy, US);
        cpu.setControlRegister(3, cpu.cr3());
        runFrom(b.address("start"));
        assertThat(cpu.reg(Registers.EBX)).isEqualTo(10 * 0x0700_0004);
    }

    @Test
    void rewritingTheSecondPageChangesAnInstructionThatStraddlesIntoIt() {
        CodeBuilder b = straddlingLoop();
        byte[] code = b.assemble();
        machine.loadUser(CODE, code, code.length, 0);
        runFrom(b.address("start"));
        memory.write16(physical(CODE + 0x1000), 0);
        runFrom(b.address("start"));
        assertThat(cpu.reg(Registers.EBX)).isEqualTo(10 * 0x0100_0004);
    }

    @Test
    void invlpgOfOnlyTheSecondPageIsEnoughForAStraddlingInstructionToSeeTheNewMapping() {
        int copy = machine.allocateFrame();
        // Ring 0: the straddling instruction, then a remap of the second page's PTE through an identity window and invlpg.
        CodeBuilder b = new CodeBuilder(CODE)
                .zeros(0xFFE)
                .label("edge")
                .emit("add", EAX, imm(0x0102_0304))
                .emit("dec", ECX)
                .emit("jnz", label("done"))
                .emit("hlt")
                .label("done")
                .emit("mov", dwordAt(abs(0x0030_0000 + ((CODE + 0x1000) >>> 12 & 0x3FF) * 4)), imm(copy | P))
                .emit("invlpg", abs(CODE + 0x1000))
                .emit("jmp", label("edge"))
                .label("start")
                .emit("mov", ECX, imm(2))
                .emit("xor", EAX, EAX)
                .emit("jmp", label("edge"));
        byte[] code = b.assemble();
        machine.load(CODE, code, code.length, 0);
        int pde = memory.read32(BareMachine.PAGE_DIRECTORY + (CODE >>> 22) * 4);
        machine.map(0x0030_0000, pde & FRAME, RW | NX);
        memory.load(copy, memory.copy(physical(CODE + 0x1000), 0x1000));
        memory.load(copy, new byte[] {0, 0, 7});
        machine.enter(0, b.address("start"), 0x8000);
        assertThat(machine.run(1_000_000)).isEqualTo(Exit.HALTED);
        assertThat(recorder.faults()).isEmpty();
        assertThat(cpu.reg(Registers.EAX)).isEqualTo(0x0102_0304 + 0x0700_0004);
    }
}
