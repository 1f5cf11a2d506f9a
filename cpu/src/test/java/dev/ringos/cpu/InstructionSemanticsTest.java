package dev.ringos.cpu;

import static dev.ringos.cpu.Flags.AF;
import static dev.ringos.cpu.Flags.CF;
import static dev.ringos.cpu.Flags.DF;
import static dev.ringos.cpu.Flags.OF;
import static dev.ringos.cpu.Flags.PF;
import static dev.ringos.cpu.Flags.SF;
import static dev.ringos.cpu.Flags.ZF;
import static dev.ringos.cpu.InstructionCase.DATA;
import static dev.ringos.cpu.InstructionCase.READ_ONLY;
import static dev.ringos.cpu.InstructionCase.SP;
import static dev.ringos.cpu.InstructionCase.the;
import static dev.ringos.cpu.isa.Operand.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.cpu.isa.CodeBuilder;
import dev.ringos.cpu.isa.InstructionForm;
import dev.ringos.cpu.isa.Op;
import dev.ringos.cpu.isa.OpcodeTable;
import dev.ringos.cpu.isa.Operand;
import dev.ringos.cpu.isa.Operand.Reg;
import dev.ringos.cpu.isa.PrivilegeClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each non-system instruction of the opcode table does, as tables of small ring 3 programs
 * (see {@link InstructionCase}): results, the six arithmetic flags on boundary values, what is
 * left alone, and the traps. Rows follow the Intel manual; where it leaves a flag undefined the
 * rows do not look at it, and {@link #ringosDefinesWhatIntelLeavesUndefined} pins down the value
 * ringos chose instead. {@link AluOracleTest} holds the ALU to the host's real x86 as well.
 */
class InstructionSemanticsTest {
    private static final int ALL_FLAGS = CF | PF | AF | ZF | SF | OF;
    private static final Reg SI16 = gp(6, 2), DI16 = gp(7, 2);

    @ParameterizedTest(name = "{0}")
    @MethodSource("dataMovement")
    void dataMovementInstructionsMoveDataAndLeaveFlagsAlone(InstructionCase c) {
        c.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stackInstructions")
    void stackInstructionsBehaveAsOnX86(InstructionCase c) {
        c.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arithmetic")
    void arithmeticGivesX86ResultsAndFlagsOnBoundaryValues(InstructionCase c) {
        c.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shiftsAndRotates")
    void shiftsAndRotatesMaskTheCountAndSetFlagsAsOnX86(InstructionCase c) {
        c.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("multiplyAndDivide")
    void multiplyAndDivideFillTheirRegisterPairsAndRaiseDivideErrors(InstructionCase c) {
        c.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controlFlow")
    void jumpsCallsAndReturnsGoWhereX86Goes(InstructionCase c) {
        c.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditionsFromPopf")
    void everyConditionIsTakenExactlyWhenItsFlagsSaySo(InstructionCase c) {
        c.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditionsAfterArithmetic")
    void conditionsAfterArithmeticMatchTheFlagsItLeaves(InstructionCase c) {
        c.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strings")
    void stringInstructionsStepByDirectionAndCountDownEcx(InstructionCase c) {
        c.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flagsAndMiscellany")
    void flagInstructionsChangeOnlyTheirFlagAndTrapsStopAtTheRightEip(InstructionCase c) {
        c.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ringosChoices")
    void ringosDefinesWhatIntelLeavesUndefined(InstructionCase c) {
        c.check();
    }

    // ---- data movement ----

    static Stream<InstructionCase> dataMovement() {
        return Stream.of(
                the("mov r32, imm32 loads the whole register").givenFlags(CF | ZF)
                        .run("mov", ECX, imm(0x1234_5678)).expect(ECX, 0x1234_5678),
                the("mov r32, r32 copies a register").given(EAX, 0xCAFE_BABE)
                        .run("mov", EDI, EAX).expect(EDI, 0xCAFE_BABE),
                the("mov r32, [base+disp8] loads a dword").given(EBX, DATA).givenMemory(DATA + 8, 4, 0x89AB_CDEF)
                        .run("mov", ESI, mem(EBX, 8)).expect(ESI, 0x89AB_CDEF),
                the("mov r32, [base+index*4+disp] addresses through a SIB byte").given(EBX, DATA).given(ECX, 3)
                        .givenMemory(DATA + 0x10 + 12, 4, 0x600D_F00D)
                        .run("mov", EAX, mem(EBX, ECX, 4, 0x10)).expect(EAX, 0x600D_F00D),
                the("mov r32, [index*8+disp32] addresses without a base").given(ESI, 2)
                        .givenMemory(DATA + 16, 4, 0x0BAD_CAFE)
                        .run("mov", EDX, mem(null, ESI, 8, DATA)).expect(EDX, 0x0BAD_CAFE),
                the("mov r32, [esp+disp] addresses from the stack pointer").givenMemory(SP + 4, 4, 0x5747_4B21)
                        .run("mov", EBP, mem(ESP, 4)).expect(EBP, 0x5747_4B21),
                the("mov [base+disp], r32 stores a dword").given(EBX, DATA).given(EDX, 0x0102_0304)
                        .run("mov", mem(EBX, 12), EDX).expectMemory(DATA + 12, 4, 0x0102_0304),
                the("mov [m32], imm32 stores a dword").given(EBX, DATA)
                        .run("mov", dwordAt(mem(EBX, 16)), imm(0xDEAD_BEEFL)).expectMemory(DATA + 16, 4, 0xDEAD_BEEF),
                the("mov al, imm8 writes bits 0-7 of eax only").given(EAX, 0x1122_3344)
                        .run("mov", AL, imm(0x80)).expect(EAX, 0x1122_3380),
                the("mov ah, imm8 writes bits 8-15 of eax only").given(EAX, 0x1122_3344)
                        .run("mov", AH, imm(0xAB)).expect(EAX, 0x1122_AB44),
                the("mov ch, imm8 writes bits 8-15 of ecx only").given(ECX, 0x1122_3344)
                        .run("mov", CH, imm(0xFF)).expect(ECX, 0x1122_FF44),
                the("mov dh, imm8 writes bits 8-15 of edx only").given(EDX, 0xFFFF_FFFF)
                        .run("mov", DH, imm(0)).expect(EDX, 0xFFFF_00FF),
                the("mov bh, imm8 writes bits 8-15 of ebx only").given(EBX, 0)
                        .run("mov", BH, imm(0x7F)).expect(EBX, 0x0000_7F00),
                the("mov bh, cl copies a low byte into a high byte").given(EBX, 0xAAAA_AAAA).given(ECX, 0x1122_3344)
                        .run("mov", BH, CL).expect(EBX, 0xAAAA_44AA),
                the("mov dl, ah copies a high byte into a low byte").given(EAX, 0x1122_3344).given(EDX, 0xFFFF_FFFF)
                        .run("mov", DL, AH).expect(EDX, 0xFFFF_FF33),
                the("mov ch, dh copies between high bytes").given(ECX, 0).given(EDX, 0x0000_9900)
                        .run("mov", CH, DH).expect(ECX, 0x0000_9900),
                the("mov [m8], ah stores bits 8-15 of eax").given(EAX, 0x1122_3344).given(EBX, DATA)
                        .givenMemory(DATA, 4, 0xFFFF_FFFF)
                        .run("mov", mem(EBX), AH).expectMemory(DATA, 4, 0xFFFF_FF33),
                the("mov [m8], imm8 stores one byte").given(EBX, DATA).givenMemory(DATA, 4, 0xFFFF_FFFF)
                        .run("mov", byteAt(mem(EBX, 1)), imm(0)).expectMemory(DATA, 4, 0xFFFF_00FF),
                the("mov ch, [m8] loads one byte into bits 8-15").given(ECX, 0x1122_3344).given(EBX, DATA)
                        .givenMemory(DATA, 4, 0xEEEE_EEA5)
                        .run("mov", CH, mem(EBX)).expect(ECX, 0x1122_A544),
                the("mov ax, imm16 keeps the upper half of eax").given(EAX, 0x1122_3344)
                        .run("mov", AX, imm(0xBEEF)).expect(EAX, 0x1122_BEEF),
                the("mov dx, cx copies 16 bits and keeps the upper half").given(ECX, 0xAAAA_1234).given(EDX, 0x5555_FFFF)
                        .run("mov", DX, CX).expect(EDX, 0x5555_1234),
                the("mov [m16], bx stores two bytes").given(ESI, DATA).given(EBX, 0x1234_ABCD)
                        .givenMemory(DATA, 4, 0xFFFF_FFFF)
                        .run("mov", mem(ESI), BX).expectMemory(DATA, 4, 0xFFFF_ABCD),
                the("mov cx, [m16] loads two bytes and keeps the upper half").given(ESI, DATA).given(ECX, 0x1111_2222)
                        .givenMemory(DATA, 4, 0x3344_5566)
                        .run("mov", CX, mem(ESI)).expect(ECX, 0x1111_5566),
                the("mov word [m], imm16 stores two bytes").given(ESI, DATA).givenMemory(DATA, 4, 0)
                        .run("mov", wordAt(mem(ESI, 2)), imm(0x7FFF)).expectMemory(DATA, 4, 0x7FFF_0000),
                the("mov al, [moffs8] (A0) loads one byte").given(EAX, 0xFFFF_FFFF).givenMemory(DATA + 0x20, 4, 0x4433_2211)
                        .run("mov", AL, abs(DATA + 0x20)).expect(EAX, 0xFFFF_FF11),
                the("mov ax, [moffs16] (66 A1) loads two bytes").given(EAX, 0xFFFF_FFFF)
                        .givenMemory(DATA + 0x20, 4, 0x4433_2211)
                        .run("mov", AX, abs(DATA + 0x20)).expect(EAX, 0xFFFF_2211),
                the("mov eax, [moffs32] (A1) loads a dword").givenMemory(DATA + 0x20, 4, 0x4433_2211)
                        .run("mov", EAX, abs(DATA + 0x20)).expect(EAX, 0x4433_2211),
                the("mov [moffs8], al (A2) stores one byte").given(EAX, 0x1234_5678).givenMemory(DATA + 0x20, 4, 0)
                        .run("mov", abs(DATA + 0x20), AL).expectMemory(DATA + 0x20, 4, 0x78),
                the("mov [moffs16], ax (66 A3) stores two bytes").given(EAX, 0x1234_5678).givenMemory(DATA + 0x20, 4, 0)
                        .run("mov", abs(DATA + 0x20), AX).expectMemory(DATA + 0x20, 4, 0x5678),
                the("mov [moffs32], eax (A3) stores a dword").given(EAX, 0x1234_5678)
                        .run("mov", abs(DATA + 0x20), EAX).expectMemory(DATA + 0x20, 4, 0x1234_5678),
                the("mov r8, r/m8 (8A) loads from memory with a displacement").given(EDI, DATA + 0x40)
                        .givenMemory(DATA + 0x3F, 1, 0xC3)
                        .run("mov", BL, mem(EDI, -1)).expect(BL, 0xC3),
                the("mov r32, [m] reads a dword that crosses a page boundary").given(EBX, DATA + 0xFFE)
                        .givenMemory(DATA + 0xFFE, 4, 0x4433_2211).run("mov", EAX, mem(EBX)).expect(EAX, 0x4433_2211),
                the("mov [m], r32 writes a dword that crosses a page boundary").given(EBX, DATA + 0xFFD)
                        .given(EAX, 0x4433_2211).givenMemory(DATA + 0xFFC, 4, 0).givenMemory(DATA + 0x1000, 4, 0)
                        .run("mov", mem(EBX), EAX).expectMemory(DATA + 0xFFC, 4, 0x3322_1100)
                        .expectMemory(DATA + 0x1000, 4, 0x44),
                the("a store that runs into a read-only page faults and writes neither page")
                        .given(EBX, READ_ONLY - 2).given(EAX, -1).givenMemory(READ_ONLY - 4, 4, 0x1111_1111)
                        .givenMemory(READ_ONLY, 4, 0x2222_2222).label("store").run("mov", mem(EBX), EAX)
                        .expectTrap(Vectors.PAGE_FAULT, "store", PageTables.ERR_PRESENT | PageTables.ERR_WRITE
                                | PageTables.ERR_USER)
                        .expectMemory(READ_ONLY - 4, 4, 0x1111_1111).expectMemory(READ_ONLY, 4, 0x2222_2222),
                the("movzx r32, r8 zero-extends").given(EBX, 0x0000_0080).givenFlags(SF)
                        .run("movzx", EAX, BL).expect(EAX, 0x80),
                the("movzx r32, ah zero-extends a high byte").given(EAX, 0x1234_FF00)
                        .run("movzx", ECX, AH).expect(ECX, 0xFF),
                the("movzx r32, byte [m] zero-extends a byte from memory").given(EBX, DATA).givenMemory(DATA, 4, 0x7F80_FFFE)
                        .run("movzx", EDX, byteAt(mem(EBX, 1))).expect(EDX, 0xFF),
                the("movzx r16, r8 zero-extends into the low half only").given(EAX, 0x1234_5678).given(EBX, 0x9A)
                        .run("movzx", AX, BL).expect(EAX, 0x1234_009A),
                the("movzx r32, r16 zero-extends a word").given(ECX, 0xFFFF_8000)
                        .run("movzx", EAX, CX).expect(EAX, 0x0000_8000),
                the("movzx r32, word [m] zero-extends a word from memory").given(EBX, DATA).givenMemory(DATA, 4, 0x1234_FFFF)
                        .run("movzx", ESI, wordAt(mem(EBX))).expect(ESI, 0xFFFF),
                the("movsx r32, r8 sign-extends 0x80 to 0xFFFFFF80").given(EBX, 0x80).givenFlags(ZF)
                        .run("movsx", EAX, BL).expect(EAX, 0xFFFF_FF80),
                the("movsx r32, r8 keeps 0x7F positive").given(EBX, 0xFFFF_FF7F)
                        .run("movsx", EAX, BL).expect(EAX, 0x7F),
                the("movsx r32, bh sign-extends a high byte").given(EBX, 0x0000_FE00)
                        .run("movsx", EDI, BH).expect(EDI, 0xFFFF_FFFE),
                the("movsx r16, r8 sign-extends into the low half only").given(EAX, 0x1234_5678).given(EDX, 0x0000_8000)
                        .run("movsx", AX, DH).expect(EAX, 0x1234_FF80),
                the("movsx r32, r16 sign-extends 0x8000").given(EDX, 0x0000_8000)
                        .run("movsx", ECX, DX).expect(ECX, 0xFFFF_8000),
                the("movsx r32, word [m] keeps 0x7FFF positive").given(EBX, DATA).givenMemory(DATA, 4, 0xFFFF_7FFF)
                        .run("movsx", ECX, wordAt(mem(EBX))).expect(ECX, 0x7FFF),
                the("movsx r32, byte [m] sign-extends a byte from memory").given(EBX, DATA).givenMemory(DATA, 4, 0x90)
                        .run("movsx", EBP, byteAt(mem(EBX))).expect(EBP, 0xFFFF_FF90),
                the("lea computes base+index*scale+disp without touching memory").givenFlags(ALL_FLAGS)
                        .given(EBX, 0x1000).given(ESI, 3)
                        .run("lea", EAX, mem(EBX, ESI, 4, 0x10)).expect(EAX, 0x101C),
                the("lea wraps around 2^32").given(EBX, 0xFFFF_FFF0).given(ESI, 8)
                        .run("lea", EAX, mem(EBX, ESI, 2, 0x20)).expect(EAX, 0x20),
                the("lea with index*8 and no base").given(ESI, 0x10)
                        .run("lea", ECX, mem(null, ESI, 8, 0x100)).expect(ECX, 0x180),
                the("lea with a negative displacement").given(EBP, 0x2000)
                        .run("lea", EDX, mem(EBP, -4)).expect(EDX, 0x1FFC),
                the("lea from esp uses a SIB byte").run("lea", ESI, mem(ESP, 8)).expect(ESI, SP + 8),
                the("lea r32, [ebx+ebx*2] multiplies by three").given(EBX, 7)
                        .run("lea", EDI, mem(EBX, EBX, 2, 0)).expect(EDI, 21),
                the("lea r16 keeps the upper half and truncates the address").given(EAX, 0xAAAA_AAAA)
                        .given(EBX, 0x0001_FFFF).given(ECX, 1)
                        .run("lea", AX, mem(EBX, ECX, 1, 1)).expect(EAX, 0xAAAA_0001),
                the("xchg eax, r32 (90+r) swaps").given(EAX, 1).given(ECX, 2)
                        .run("xchg", EAX, ECX).expect(EAX, 2).expect(ECX, 1),
                the("xchg r32, r32 (87) swaps").given(EBX, 0x1111).given(EDX, 0x2222).givenFlags(CF | OF)
                        .run("xchg", EBX, EDX).expect(EBX, 0x2222).expect(EDX, 0x1111),
                the("xchg [m], r32 swaps memory and register").given(EBX, DATA).given(ESI, 0x5555)
                        .givenMemory(DATA, 4, 0x6666)
                        .run("xchg", mem(EBX), ESI).expect(ESI, 0x6666).expectMemory(DATA, 4, 0x5555),
                the("xchg al, ah swaps the two low bytes of eax").given(EAX, 0x1122_3344)
                        .run("xchg", AL, AH).expect(EAX, 0x1122_4433),
                the("xchg [m8], cl swaps a byte").given(EBX, DATA).given(ECX, 0xFFFF_FF01).givenMemory(DATA, 4, 0x0A0B_0C0D)
                        .run("xchg", mem(EBX), CL).expect(ECX, 0xFFFF_FF0D).expectMemory(DATA, 4, 0x0A0B_0C01),
                the("xchg cx, dx swaps the low halves").given(ECX, 0x1111_2222).given(EDX, 0x3333_4444)
                        .run("xchg", CX, DX).expect(ECX, 0x1111_4444).expect(EDX, 0x3333_2222),
                the("xchg eax, eax is the one-byte nop").given(EAX, 7).run("xchg", EAX, EAX),
                the("cmpxchg r/m32 stores the source when eax matches, with ZF").given(EAX, 5).given(ECX, 9)
                        .given(EBX, DATA).givenMemory(DATA, 4, 5)
                        .run("cmpxchg", mem(EBX), ECX).expectMemory(DATA, 4, 9).expectFlags(ZF | PF),
                the("cmpxchg r/m32 loads eax when it does not match, flags as cmp eax, r/m").given(EAX, 5).given(ECX, 9)
                        .given(EBX, DATA).givenMemory(DATA, 4, 7)
                        .run("cmpxchg", mem(EBX), ECX).expect(EAX, 7).expectMemory(DATA, 4, 7)
                        .expectFlags(CF | AF | SF),
                the("cmpxchg r/m8 on registers swaps in the source when al matches").given(EAX, 0xFFFF_FF80)
                        .given(EBX, 0x80).given(ECX, 0x01)
                        .run("cmpxchg", BL, CL).expect(BL, 0x01).expectFlags(ZF | PF),
                the("cmpxchg r/m8 loads al from the destination when they differ").given(EAX, 0xFFFF_FF01)
                        .given(EBX, 0x0000_0200).given(ECX, 0x7F)
                        .run("cmpxchg", BH, CL).expect(AL, 0x02).expectFlags(CF | PF | AF | SF),
                the("cmpxchg r/m16 compares and stores 16 bits").given(EAX, 0x1111_8000).given(EDX, 0x2222_8000)
                        .given(ECX, 0x3333_0042)
                        .run("cmpxchg", DX, CX).expect(EDX, 0x2222_0042).expectFlags(ZF | PF),
                the("cmpxchg always writes memory, so a read-only page faults even when they differ")
                        .given(EAX, 1).given(ECX, 2).given(EBX, READ_ONLY).givenMemory(READ_ONLY, 4, 3)
                        .label("cmpxchg").run("cmpxchg", mem(EBX), ECX)
                        .expectTrap(Vectors.PAGE_FAULT, "cmpxchg", PageTables.ERR_PRESENT | PageTables.ERR_WRITE
                                | PageTables.ERR_USER),
                the("cdq fills edx with the sign of a negative eax").given(EAX, 0x8000_0000).given(EDX, 0x1234)
                        .run("cdq").expect(EDX, 0xFFFF_FFFF),
                the("cdq clears edx for a positive eax").given(EAX, 0x7FFF_FFFF).given(EDX, 0xFFFF_FFFF)
                        .run("cdq").expect(EDX, 0),
                the("cwde sign-extends ax into eax").given(EAX, 0x1234_8000).run("cwde").expect(EAX, 0xFFFF_8000),
                the("cwde keeps 0x7FFF positive").given(EAX, 0xFFFF_7FFF).run("cwde").expect(EAX, 0x7FFF));
    }

    // ---- the stack ----

    static Stream<InstructionCase> stackInstructions() {
        return Stream.of(
                the("push r32 stores below esp and moves esp down by four").given(ECX, 0xC0FFEE)
                        .run("push", ECX).expect(ESP, SP - 4).expectMemory(SP - 4, 4, 0xC0FFEE),
                the("push r/m32 with a register operand (FF /6) pushes it").given(EDX, 0x4321)
                        .code(b -> b.bytes((byte) 0xFF, (byte) 0xF2))
                        .expect(ESP, SP - 4).expectMemory(SP - 4, 4, 0x4321),
                the("push esp pushes the value esp had before the push").run("push", ESP)
                        .expect(ESP, SP - 4).expectMemory(SP - 4, 4, SP),
                the("push imm8 sign-extends -1 to 0xFFFFFFFF").run("push", imm(-1))
                        .expect(ESP, SP - 4).expectMemory(SP - 4, 4, 0xFFFF_FFFF),
                the("push imm8 sign-extends 0x80 to 0xFFFFFF80").run("push", imm(-128))
                        .expect(ESP, SP - 4).expectMemory(SP - 4, 4, 0xFFFF_FF80),
                the("push imm8 keeps 0x7F positive").run("push", imm(0x7F))
                        .expect(ESP, SP - 4).expectMemory(SP - 4, 4, 0x7F),
                the("push imm32 pushes four bytes").run("push", imm(0x1234_5678))
                        .expect(ESP, SP - 4).expectMemory(SP - 4, 4, 0x1234_5678),
                the("push [m32] pushes a dword from memory").given(EBX, DATA).givenMemory(DATA + 4, 4, 0xABCD)
                        .run("push", dwordAt(mem(EBX, 4))).expect(ESP, SP - 4).expectMemory(SP - 4, 4, 0xABCD),
                the("push [esp] reads its operand before esp moves").run("push", imm(0x1111))
                        .run("push", dwordAt(mem(ESP))).expect(ESP, SP - 8).expectMemory(SP - 8, 4, 0x1111),
                the("pop r32 loads the top of the stack and moves esp up").run("push", imm(0x7777))
                        .run("pop", EDX).expect(EDX, 0x7777),
                the("pop r/m32 with a register operand (8F /0) pops into it").run("push", imm(0x7777))
                        .code(b -> b.bytes((byte) 0x8F, (byte) 0xC6)).expect(ESI, 0x7777),
                the("pop esp loads esp with the popped value").run("push", imm(SP - 0x40))
                        .run("pop", ESP).expect(ESP, SP - 0x40),
                the("pop [m32] stores the popped value").given(EBX, DATA).run("push", imm(0xABCD))
                        .run("pop", dwordAt(mem(EBX))).expectMemory(DATA, 4, 0xABCD),
                the("pop [esp+4] addresses with esp as it is after the pop").givenMemory(SP, 4, 0)
                        .run("push", imm(0xAAAA)).run("push", imm(0xBBBB)).run("pop", dwordAt(mem(ESP, 4)))
                        .expect(ESP, SP - 4).expectMemory(SP, 4, 0xBBBB).expectMemory(SP - 4, 4, 0xAAAA),
                the("pop [m32] to a read-only page faults and leaves esp where it was").given(EBX, READ_ONLY)
                        .run("push", imm(0x5555)).label("pop").run("pop", dwordAt(mem(EBX)))
                        .expectTrap(Vectors.PAGE_FAULT, "pop", PageTables.ERR_PRESENT | PageTables.ERR_WRITE
                                | PageTables.ERR_USER)
                        .expect(ESP, SP - 4).expectMemory(READ_ONLY, 4, 0),
                the("leave restores esp from ebp and pops ebp").given(EBP, SP - 0x20)
                        .givenMemory(SP - 0x20, 4, 0x1234_5678)
                        .run("leave").expect(ESP, SP - 0x1C).expect(EBP, 0x1234_5678),
                the("a push and a pop leave the flags alone").givenFlags(ALL_FLAGS).given(EAX, 3)
                        .run("push", EAX).run("pop", ECX).expect(ECX, 3));
    }

    // ---- arithmetic and logic ----

    /** {@code m d, src} with d = a (and a register source = b) and the flags given: d becomes result. */
    private static InstructionCase alu(String sentence, String m, Reg d, int a, Operand src, int b, int flagsIn,
                                       int result, int flags) {
        InstructionCase c = the(sentence).givenFlags(flagsIn).given(d, a);
        if (src instanceof Reg r) {
            c.given(r, b);
        }
        return c.run(m, d, src).expect(d, result).expectFlags(flags);
    }

    private static InstructionCase unary(String sentence, String m, Reg d, int a, int flagsIn, int result, int flags) {
        return the(sentence).givenFlags(flagsIn).given(d, a).run(m, d).expect(d, result).expectFlags(flags);
    }

    static Stream<InstructionCase> arithmetic() {
        return Stream.of(
                alu("adding one to INT_MAX overflows into the sign", "add", EAX, 0x7FFF_FFFF, ECX, 1, 0,
                        0x8000_0000, PF | AF | SF | OF),
                alu("adding one to 0xFFFFFFFF wraps to zero with carry", "add", EDX, 0xFFFF_FFFF, imm(1), 1, 0,
                        0, CF | PF | AF | ZF),
                alu("adding INT_MIN to itself carries and overflows", "add", EBX, 0x8000_0000, ESI, 0x8000_0000, 0,
                        0, CF | PF | ZF | OF),
                alu("adding zero to zero sets ZF and PF and clears the rest", "add", EAX, 0, imm(0), 0, ALL_FLAGS,
                        0, PF | ZF),
                alu("adding one to 0x7F in al overflows 8 bits", "add", AL, 0x7F, imm(1), 1, 0, 0x80, AF | SF | OF),
                alu("adding one to 0xFF in bh carries out of 8 bits", "add", BH, 0xFF, CL, 1, 0, 0, CF | PF | AF | ZF),
                alu("adding one to 0x7FFF in ax overflows 16 bits", "add", AX, 0x7FFF, CX, 1, 0, 0x8000,
                        PF | AF | SF | OF),
                alu("adding 0xFFFF to 0xFFFF in dx carries out of 16 bits", "add", DX, 0xFFFF, imm(0xFFFF), 0xFFFF, 0,
                        0xFFFE, CF | AF | SF),
                alu("adc adds the carry: 0xFFFFFFFF + 0 + 1 is zero with carry", "adc", EAX, 0xFFFF_FFFF, imm(0), 0,
                        CF, 0, CF | PF | AF | ZF),
                alu("adc into INT_MIN overflows", "adc", ECX, 0x7FFF_FFFF, EDX, 0, CF, 0x8000_0000,
                        PF | AF | SF | OF),
                alu("adc of all ones plus all ones plus carry", "adc", EAX, 0xFFFF_FFFF, EBX, 0xFFFF_FFFF, CF,
                        0xFFFF_FFFF, CF | PF | AF | SF),
                alu("adc 8-bit 0x80 + 0x7F + 1 carries to zero without overflow", "adc", DH, 0x80, BL, 0x7F, CF,
                        0, CF | PF | AF | ZF),
                alu("adc without carry adds like add", "adc", EAX, 1, imm(1), 1, 0, 2, 0),
                alu("adc 16-bit 0xFFFF + 0 + 1 carries out of 16 bits", "adc", SI16, 0xFFFF, imm(0), 0, CF, 0,
                        CF | PF | AF | ZF),
                alu("subtracting one from INT_MIN sets overflow", "sub", EAX, 0x8000_0000, imm(1), 1, 0,
                        0x7FFF_FFFF, PF | AF | OF),
                alu("subtracting one from zero borrows", "sub", ECX, 0, EDX, 1, 0, 0xFFFF_FFFF, CF | PF | AF | SF),
                alu("subtracting a value from itself gives zero", "sub", ESI, 5, EDI, 5, ALL_FLAGS, 0, PF | ZF),
                alu("subtracting one from 0x80 in al overflows 8 bits", "sub", AL, 0x80, imm(1), 1, 0, 0x7F, AF | OF),
                alu("subtracting 0x8000 from zero in cx overflows and borrows", "sub", CX, 0, DX, 0x8000, 0, 0x8000,
                        CF | PF | SF | OF),
                alu("sbb subtracts the borrow: 0 - 0 - 1 is all ones", "sbb", EAX, 0, imm(0), 0, CF, 0xFFFF_FFFF,
                        CF | PF | AF | SF),
                alu("sbb out of INT_MIN overflows", "sbb", EBX, 0x8000_0000, ECX, 0, CF, 0x7FFF_FFFF, PF | AF | OF),
                alu("sbb of equal values with borrow gives all ones", "sbb", EDX, 5, ESI, 5, CF, 0xFFFF_FFFF,
                        CF | PF | AF | SF),
                alu("sbb 8-bit 0 - 0xFF - 1 wraps to zero with borrow", "sbb", CH, 0, DL, 0xFF, CF, 0,
                        CF | PF | AF | ZF),
                alu("sbb without borrow subtracts like sub", "sbb", EAX, 3, imm(1), 1, 0, 2, 0),
                alu("sbb 16-bit 0x8000 - 0 - 1 overflows 16 bits", "sbb", DI16, 0x8000, imm(0), 0, CF, 0x7FFF,
                        PF | AF | OF),
                alu("and clears CF and OF and sets SF from the result", "and", EAX, 0xFFFF_FFFF, ECX, 0x8000_0000,
                        CF | OF, 0x8000_0000, PF | SF).undefinedByIntel(AF),
                alu("and of disjoint bits is zero", "and", EDX, 0xF0F0_F0F0, imm(0x0F0F_0F0F), 0, 0, 0, PF | ZF)
                        .undefinedByIntel(AF),
                alu("and 8-bit with an immediate", "and", AH, 0xFF, imm(0x81), 0x81, CF, 0x81, PF | SF)
                        .undefinedByIntel(AF),
                alu("or 8-bit sets SF and PF from the byte", "or", BL, 0x80, imm(1), 1, OF, 0x81, PF | SF)
                        .undefinedByIntel(AF),
                alu("or of zeros is zero", "or", ESI, 0, EDI, 0, CF | SF, 0, PF | ZF).undefinedByIntel(AF),
                alu("or 16-bit", "or", BX, 0x00F0, imm(0x0F00), 0x0F00, 0, 0x0FF0, PF).undefinedByIntel(AF),
                the("xor of a register with itself zeroes it and sets ZF").givenFlags(CF | OF | SF).given(EAX, 0x1234)
                        .run("xor", EAX, EAX).expect(EAX, 0).expectFlags(PF | ZF).undefinedByIntel(AF),
                alu("xor 16-bit 0xFFFF with 0x7FFF leaves the sign", "xor", AX, 0xFFFF, DX, 0x7FFF, 0, 0x8000, PF | SF)
                        .undefinedByIntel(AF),
                alu("xor 8-bit with an immediate", "xor", CL, 0x0F, imm(0xFF), 0xFF, 0, 0xF0, PF | SF)
                        .undefinedByIntel(AF),
                the("test sets flags from the and without writing").givenFlags(CF | OF).given(EAX, 0x8000_0000)
                        .given(EBX, 0x8000_0000).run("test", EAX, EBX).expectFlags(PF | SF).undefinedByIntel(AF),
                the("test ah, imm8 finds no common bit").given(EAX, 0x0200).run("test", AH, imm(1))
                        .expectFlags(PF | ZF).undefinedByIntel(AF),
                the("test 16-bit against memory").given(EBX, DATA).given(ECX, 0x8000).givenMemory(DATA, 4, 0xFFFF)
                        .run("test", mem(EBX), CX).expectFlags(PF | SF).undefinedByIntel(AF),
                unary("not inverts every bit and changes no flag", "not", EAX, 0, ALL_FLAGS, 0xFFFF_FFFF, ALL_FLAGS),
                unary("not of bh inverts bits 8-15 only", "not", BH, 0x0F, CF, 0xF0, CF),
                the("not of a word in memory").given(EBX, DATA).givenMemory(DATA, 4, 0x1234_00FF)
                        .run("not", wordAt(mem(EBX))).expectMemory(DATA, 4, 0x1234_FF00),
                unary("neg of zero is zero and clears CF", "neg", EAX, 0, CF, 0, PF | ZF),
                unary("neg of one is all ones with CF", "neg", ECX, 1, 0, 0xFFFF_FFFF, CF | PF | AF | SF),
                unary("neg of INT_MIN is INT_MIN with overflow", "neg", EDX, 0x8000_0000, 0, 0x8000_0000,
                        CF | PF | SF | OF),
                unary("neg of 0x80 in al overflows 8 bits", "neg", AL, 0x80, 0, 0x80, CF | SF | OF),
                unary("neg of 0x8000 in bx overflows 16 bits", "neg", BX, 0x8000, 0, 0x8000, CF | PF | SF | OF),
                unary("inc of INT_MAX overflows and keeps CF", "inc", EAX, 0x7FFF_FFFF, CF, 0x8000_0000,
                        CF | PF | AF | SF | OF),
                unary("inc of all ones wraps to zero without touching CF", "inc", EBX, 0xFFFF_FFFF, 0, 0,
                        PF | AF | ZF),
                unary("dec of INT_MIN overflows and keeps CF", "dec", ECX, 0x8000_0000, CF, 0x7FFF_FFFF,
                        CF | PF | AF | OF),
                unary("dec of zero wraps to all ones without setting CF", "dec", EDX, 0, 0, 0xFFFF_FFFF,
                        PF | AF | SF),
                unary("inc of 0x7F in dh overflows 8 bits", "inc", DH, 0x7F, 0, 0x80, AF | SF | OF),
                unary("dec of 0x8000 in ax overflows 16 bits", "dec", AX, 0x8000, 0, 0x7FFF, PF | AF | OF),
                unary("inc of 0xFFFF in cx wraps 16 bits and keeps CF", "inc", CX, 0xFFFF, CF, 0,
                        CF | PF | AF | ZF),
                the("inc of a dword in memory").given(EBX, DATA).givenMemory(DATA, 4, 0xFFFF_FFFF)
                        .run("inc", dwordAt(mem(EBX))).expectMemory(DATA, 4, 0).expectFlags(PF | AF | ZF),
                the("dec of a byte in memory").given(EBX, DATA).givenMemory(DATA, 4, 0x1234_5600)
                        .run("dec", byteAt(mem(EBX))).expectMemory(DATA, 4, 0x1234_56FF).expectFlags(PF | AF | SF),
                the("cmp 1, 2 borrows and leaves both operands").given(EAX, 1).given(EBX, 2)
                        .run("cmp", EAX, EBX).expectFlags(CF | PF | AF | SF),
                the("cmp INT_MIN, 1 overflows").given(ECX, 0x8000_0000).run("cmp", ECX, imm(1))
                        .expectFlags(PF | AF | OF),
                the("cmp of equal registers sets ZF").given(EDX, 42).run("cmp", EDX, EDX).expectFlags(PF | ZF),
                the("cmp byte [m], imm8 compares 8 bits").given(EBX, DATA).givenMemory(DATA, 4, 0xFFFF_FF80)
                        .run("cmp", byteAt(mem(EBX)), imm(1)).expectFlags(AF | OF),
                the("cmp r32, [m] compares against memory").given(EBX, DATA).given(EAX, 5).givenMemory(DATA, 4, 7)
                        .run("cmp", EAX, mem(EBX)).expectFlags(CF | AF | SF),
                the("cmp [m], r32 compares memory against a register").given(EBX, DATA).given(EAX, 5)
                        .givenMemory(DATA, 4, 7).run("cmp", mem(EBX), EAX).expectFlags(0),
                the("add [m], r32 across a page boundary overflows like any add").given(EBX, DATA + 0xFFD)
                        .given(ECX, 1).givenMemory(DATA + 0xFFD, 4, 0x7FFF_FFFF).run("add", mem(EBX), ECX)
                        .expectMemory(DATA + 0xFFD, 4, 0x8000_0000).expectFlags(PF | AF | SF | OF),
                the("add word [m], imm across a page boundary carries out of 16 bits").given(EBX, DATA + 0xFFF)
                        .givenMemory(DATA + 0xFFF, 2, 0xFFFF).run("add", wordAt(mem(EBX)), imm(1))
                        .expectMemory(DATA + 0xFFF, 2, 0).expectFlags(CF | PF | AF | ZF),
                the("add [m], r32 to a read-only page faults and changes neither memory nor flags")
                        .givenFlags(CF | SF).given(EBX, READ_ONLY).given(ECX, 1).givenMemory(READ_ONLY, 4, 0x1234)
                        .label("add").run("add", mem(EBX), ECX)
                        .expectTrap(Vectors.PAGE_FAULT, "add", PageTables.ERR_PRESENT | PageTables.ERR_WRITE
                                | PageTables.ERR_USER)
                        .expectMemory(READ_ONLY, 4, 0x1234),
                the("sub r32, [m] from a page that is not mapped faults without a write bit")
                        .given(EBX, 0x0900_0000).given(EAX, 5).label("sub").run("sub", EAX, mem(EBX))
                        .expectTrap(Vectors.PAGE_FAULT, "sub", PageTables.ERR_USER),
                the("add then adc carries across 64 bits").given(EAX, 0xFFFF_FFFF).given(EDX, 5)
                        .run("add", EAX, imm(1)).run("adc", EDX, imm(0)).expect(EAX, 0).expect(EDX, 6)
                        .expectFlags(PF),
                the("inc keeps the carry a preceding add produced").given(EAX, 0xFFFF_FFFF).given(ECX, 0)
                        .run("add", EAX, imm(1)).run("inc", ECX).expect(EAX, 0).expect(ECX, 1).expectFlags(CF),
                the("sub, inc and dec in a row keep the sub's borrow").given(EAX, 0).given(ECX, 5)
                        .run("sub", EAX, imm(1)).run("inc", ECX).run("dec", ECX).expect(EAX, 0xFFFF_FFFF)
                        .expectFlags(CF | PF),
                the("adc after inc adds the carry inc kept").givenFlags(CF).given(EAX, 1).given(EBX, 0)
                        .run("inc", EAX).run("adc", EBX, imm(0)).expect(EAX, 2).expect(EBX, 1).expectFlags(0),
                the("sbb after a 16-bit cmp borrows from it").given(EAX, 1).given(EBX, 2).given(ECX, 10)
                        .run("cmp", AX, BX).run("sbb", ECX, imm(0)).expect(ECX, 9).expectFlags(PF));
    }

    // ---- shifts and rotates ----

    private static InstructionCase shift(String sentence, String m, Reg d, int a, int count, int flagsIn, int result,
                                         int flags) {
        return the(sentence).givenFlags(flagsIn).given(d, a).run(m, d, imm(count)).expect(d, result)
                .expectFlags(flags);
    }

    static Stream<InstructionCase> shiftsAndRotates() {
        int shiftUndefined = AF;
        return Stream.of(
                shift("shl by one moves the top bit into CF", "shl", EAX, 0x8000_0000, 1, 0, 0, CF | PF | ZF | OF)
                        .undefinedByIntel(shiftUndefined),
                shift("shl by one into the sign bit sets OF", "shl", EBX, 0x4000_0000, 1, CF, 0x8000_0000,
                        PF | SF | OF).undefinedByIntel(shiftUndefined),
                shift("shl by 31 keeps only bit 0, CF from bit 1", "shl", ECX, 1, 31, CF, 0x8000_0000, PF | SF)
                        .undefinedByIntel(AF | OF),
                shift("shl by 31 of 3 carries bit 1 out", "shl", EDX, 3, 31, 0, 0x8000_0000, CF | PF | SF)
                        .undefinedByIntel(AF | OF),
                shift("shl by 32 is masked to 0 and changes nothing", "shl", ESI, 0x1234_5678, 32, CF | ZF | AF,
                        0x1234_5678, CF | ZF | AF),
                shift("shl by 0 changes nothing", "shl", EDI, 0x8000_0000, 0, SF | OF | PF, 0x8000_0000,
                        SF | OF | PF),
                shift("shl al by 9 (past the width) clears it", "shl", AL, 0xFF, 9, 0, 0, PF | ZF)
                        .undefinedByIntel(CF | AF | OF),
                shift("shl ax by 16 clears it", "shl", AX, 0xFFFF, 16, 0, 0, PF | ZF).undefinedByIntel(CF | AF | OF),
                shift("shl ch by 2", "shl", CH, 0x61, 2, 0, 0x84, CF | PF | SF).undefinedByIntel(AF | OF),
                the("shl by cl masks the count: 33 shifts by one").givenFlags(0).given(EDX, 0x4000_0001)
                        .given(ECX, 33).run("shl", EDX, CL).expect(EDX, 0x8000_0002).expectFlags(SF | OF)
                        .undefinedByIntel(AF),
                the("shl by cl = 0 leaves the flags").givenFlags(ALL_FLAGS).given(EDX, 5).given(ECX, 0x100)
                        .run("shl", EDX, CL),
                the("shl of a word in memory by one").given(EBX, DATA).givenMemory(DATA, 4, 0xAAAA_C000)
                        .run("shl", wordAt(mem(EBX)), imm(1)).expectMemory(DATA, 4, 0xAAAA_8000)
                        .expectFlags(CF | PF | SF).undefinedByIntel(AF),
                shift("shr by one moves bit 0 into CF", "shr", EAX, 1, 1, 0, 0, CF | PF | ZF)
                        .undefinedByIntel(AF),
                shift("shr by one of a negative number sets OF from the old top bit", "shr", EBX, 0x8000_0000, 1, 0,
                        0x4000_0000, PF | OF).undefinedByIntel(AF),
                shift("shr by 31 leaves the top bit in bit 0", "shr", ECX, 0x8000_0000, 31, CF, 1, 0)
                        .undefinedByIntel(AF | OF),
                shift("shr by 31 carries bit 30 out", "shr", EDX, 0xC000_0000, 31, 0, 1, CF)
                        .undefinedByIntel(AF | OF),
                shift("shr al by 8 clears it", "shr", AL, 0x80, 8, 0, 0, PF | ZF).undefinedByIntel(CF | AF | OF),
                shift("shr ax by 17 clears it", "shr", AX, 0xFFFF, 17, 0, 0, PF | ZF).undefinedByIntel(CF | AF | OF),
                shift("shr dh by 4", "shr", DH, 0xF8, 4, 0, 0x0F, CF | PF).undefinedByIntel(AF | OF),
                shift("shr by 32 is masked to 0 and changes nothing", "shr", ESI, 0xFFFF_FFFF, 32, 0, 0xFFFF_FFFF, 0),
                shift("sar by one keeps the sign and carries bit 0", "sar", EAX, 0x8000_0001, 1, OF, 0xC000_0000,
                        CF | PF | SF).undefinedByIntel(AF),
                shift("sar by 31 of INT_MIN is all ones", "sar", EBX, 0x8000_0000, 31, CF, 0xFFFF_FFFF, PF | SF)
                        .undefinedByIntel(AF | OF),
                shift("sar al by 9 fills it with the sign and carries the sign", "sar", AL, 0x80, 9, 0, 0xFF,
                        CF | PF | SF).undefinedByIntel(AF | OF),
                shift("sar ax by 16 of a positive number clears it", "sar", AX, 0x7FFF, 16, CF, 0, PF | ZF)
                        .undefinedByIntel(AF | OF),
                shift("sar bh by 1 of a positive number clears OF", "sar", BH, 0x7E, 1, OF, 0x3F, PF)
                        .undefinedByIntel(AF),
                shift("sar by 32 is masked to 0 and changes nothing", "sar", EDX, 0x8000_0000, 32, ZF, 0x8000_0000, ZF),
                shift("rol by one brings the top bit round into bit 0 and CF", "rol", EAX, 0x8000_0000, 1, ZF | AF, 1,
                        CF | ZF | AF | OF),
                shift("ror by one brings bit 0 round into the top and CF", "ror", EBX, 1, 1, 0, 0x8000_0000, CF | OF),
                shift("rol keeps SF ZF PF AF as they were", "rol", ECX, 0x0000_000F, 4, SF | ZF | PF | AF, 0xF0,
                        SF | ZF | PF | AF).undefinedByIntel(OF),
                shift("rol al by 8 leaves it, CF from bit 0", "rol", AL, 0x81, 8, 0, 0x81, CF).undefinedByIntel(OF),
                shift("rol al by 9 rotates by one", "rol", AL, 0x81, 9, 0, 0x03, CF).undefinedByIntel(OF),
                shift("ror ax by 16 leaves it, CF from the top bit", "ror", AX, 0x8001, 16, 0, 0x8001, CF)
                        .undefinedByIntel(OF),
                shift("ror dh by 4 swaps nibbles", "ror", DH, 0x12, 4, CF, 0x21, 0).undefinedByIntel(OF),
                shift("rol by 31 is ror by one", "rol", ESI, 1, 31, CF, 0x8000_0000, 0).undefinedByIntel(OF),
                shift("rol by 32 is masked to 0 and changes nothing", "rol", EDI, 0x8000_0001, 32, ALL_FLAGS,
                        0x8000_0001, ALL_FLAGS),
                the("ror by cl rotates a byte in memory").given(EBX, DATA).given(ECX, 4).givenMemory(DATA, 4, 0x1234_5612)
                        .run("ror", byteAt(mem(EBX)), CL).expectMemory(DATA, 4, 0x1234_5621).expectFlags(0)
                        .undefinedByIntel(OF),
                the("rol of a dword in memory by one").given(EBX, DATA).givenMemory(DATA, 4, 0xC000_0000)
                        .run("rol", dwordAt(mem(EBX)), imm(1)).expectMemory(DATA, 4, 0x8000_0001).expectFlags(CF));
    }

    // ---- multiply and divide ----

    static Stream<InstructionCase> multiplyAndDivide() {
        int multiplyUndefined = PF | AF | ZF | SF;
        int divideUndefined = ALL_FLAGS;
        return Stream.of(
                the("mul r32 puts the 64-bit product of all ones in edx:eax").given(EAX, 0xFFFF_FFFF)
                        .given(ECX, 0xFFFF_FFFF).run("mul", ECX).expect(EDX, 0xFFFF_FFFE).expect(EAX, 1)
                        .expectFlags(CF | OF).undefinedByIntel(multiplyUndefined),
                the("mul r32 with a small product clears edx, CF and OF").givenFlags(CF | OF).given(EAX, 2)
                        .given(ECX, 3).given(EDX, 0x1234).run("mul", ECX).expect(EAX, 6).expect(EDX, 0)
                        .expectFlags(0).undefinedByIntel(multiplyUndefined),
                the("mul r8 writes ax only").given(EAX, 0x1234_5680).given(EBX, 2).given(EDX, 0x5555)
                        .run("mul", BL).expect(EAX, 0x1234_0100).expectFlags(CF | OF)
                        .undefinedByIntel(multiplyUndefined),
                the("mul r16 writes dx:ax and keeps the upper halves").given(EAX, 0xAAAA_FFFF).given(ECX, 0xFFFF)
                        .given(EDX, 0xBBBB_0000).run("mul", CX).expect(EAX, 0xAAAA_0001).expect(EDX, 0xBBBB_FFFE)
                        .expectFlags(CF | OF).undefinedByIntel(multiplyUndefined),
                the("mul [m32] multiplies by memory").given(EAX, 0x10000).given(EBX, DATA).givenMemory(DATA, 4, 0x10000)
                        .run("mul", dwordAt(mem(EBX))).expect(EAX, 0).expect(EDX, 1).expectFlags(CF | OF)
                        .undefinedByIntel(multiplyUndefined),
                the("imul r32 (one operand) of -1 by 1 fits, edx all ones").given(EAX, 0xFFFF_FFFF).given(ECX, 1)
                        .run("imul", ECX).expect(EAX, 0xFFFF_FFFF).expect(EDX, 0xFFFF_FFFF).expectFlags(0)
                        .undefinedByIntel(multiplyUndefined),
                the("imul r32 (one operand) of INT_MIN by -1 needs edx").given(EAX, 0x8000_0000).given(ECX, -1)
                        .run("imul", ECX).expect(EAX, 0x8000_0000).expect(EDX, 0).expectFlags(CF | OF)
                        .undefinedByIntel(multiplyUndefined),
                the("imul r8 (one operand) of -128 by -1 does not fit in al").given(EAX, 0xFFFF_FF80).given(EBX, 0xFF)
                        .run("imul", BL).expect(EAX, 0xFFFF_0080).expectFlags(CF | OF)
                        .undefinedByIntel(multiplyUndefined),
                the("imul r16 (one operand) of 0x8000 by 2 fills dx with the sign").given(EAX, 0x8000).given(ECX, 2)
                        .given(EDX, 0x1234_5678).run("imul", CX).expect(EAX, 0).expect(EDX, 0x1234_FFFF)
                        .expectFlags(CF | OF).undefinedByIntel(multiplyUndefined),
                the("imul r32, r32 truncates 0x10000 squared to zero with overflow").given(EAX, 0x10000)
                        .given(ECX, 0x10000).run("imul", EAX, ECX).expect(EAX, 0).expectFlags(CF | OF)
                        .undefinedByIntel(multiplyUndefined),
                the("imul r32, r32 of -2 by 3 fits").givenFlags(CF | OF).given(EAX, -2).given(ECX, 3)
                        .run("imul", EAX, ECX).expect(EAX, -6).expectFlags(0).undefinedByIntel(multiplyUndefined),
                the("imul r16, r16 of 0x4000 by 2 overflows 16 bits").given(EAX, 0x5555_4000).given(ECX, 2)
                        .run("imul", AX, CX).expect(EAX, 0x5555_8000).expectFlags(CF | OF)
                        .undefinedByIntel(multiplyUndefined),
                the("imul r32, r/m32, imm8 sign-extends the immediate").given(ECX, 5)
                        .run("imul", EDX, ECX, imm(-1)).expect(EDX, -5).expectFlags(0)
                        .undefinedByIntel(multiplyUndefined),
                the("imul r32, [m], imm32 multiplies memory by a large immediate").given(EBX, DATA)
                        .givenMemory(DATA, 4, 3).run("imul", ESI, mem(EBX), imm(0x1000_0000)).expect(ESI, 0x3000_0000)
                        .expectFlags(0).undefinedByIntel(multiplyUndefined),
                the("imul r16, r/m16, imm16 truncates to 16 bits").given(ECX, 0x10).given(EDX, 0xFFFF_FFFF)
                        .run("imul", DX, CX, imm(0x1000)).expect(EDX, 0xFFFF_0000).expectFlags(CF | OF)
                        .undefinedByIntel(multiplyUndefined),
                the("imul r16, r/m16, imm8 sign-extends the immediate to 16 bits").given(ECX, 0x7FFF)
                        .run("imul", BX, CX, imm(-2)).expect(EBX, 0x0000_0002).expectFlags(CF | OF)
                        .undefinedByIntel(multiplyUndefined),
                the("div r32 divides edx:eax").given(EDX, 1).given(EAX, 0).given(ECX, 2)
                        .run("div", ECX).expect(EAX, 0x8000_0000).expect(EDX, 0).undefinedByIntel(divideUndefined),
                the("div r32 leaves the remainder in edx").given(EDX, 0).given(EAX, 7).given(ECX, 2)
                        .run("div", ECX).expect(EAX, 3).expect(EDX, 1).undefinedByIntel(divideUndefined),
                the("div r8 divides ax into al and ah").given(EAX, 0x1234_0101).given(EBX, 2)
                        .run("div", BL).expect(EAX, 0x1234_0180).undefinedByIntel(divideUndefined),
                the("div r16 divides dx:ax into ax and dx").given(EDX, 0xAAAA_0001).given(EAX, 0xBBBB_0003)
                        .given(ECX, 2).run("div", CX).expect(EAX, 0xBBBB_8001).expect(EDX, 0xAAAA_0001)
                        .undefinedByIntel(divideUndefined),
                the("div [m32] divides by memory").given(EDX, 0).given(EAX, 100).given(EBX, DATA)
                        .givenMemory(DATA, 4, 7).run("div", dwordAt(mem(EBX))).expect(EAX, 14).expect(EDX, 2)
                        .undefinedByIntel(divideUndefined),
                the("div by zero raises #DE at the div and changes nothing").given(EDX, 0).given(EAX, 1)
                        .given(ECX, 0).label("div").run("div", ECX).expectTrap(Vectors.DIVIDE_ERROR, "div"),
                the("div r32 whose quotient needs more than 32 bits raises #DE").given(EDX, 2).given(EAX, 0)
                        .given(ECX, 2).label("div").run("div", ECX).expectTrap(Vectors.DIVIDE_ERROR, "div"),
                the("div r8 whose quotient needs more than 8 bits raises #DE").given(EAX, 0xFFFF).given(EBX, 0xFF)
                        .label("div").run("div", BL).expectTrap(Vectors.DIVIDE_ERROR, "div"),
                the("div r16 by zero raises #DE").given(EDX, 0).given(EAX, 5).given(ECX, 0xFFFF_0000)
                        .label("div").run("div", CX).expectTrap(Vectors.DIVIDE_ERROR, "div"),
                the("idiv r32 truncates towards zero; the remainder takes the dividend's sign")
                        .given(EDX, -1).given(EAX, -7).given(ECX, 2).run("idiv", ECX).expect(EAX, -3).expect(EDX, -1)
                        .undefinedByIntel(divideUndefined),
                the("idiv r32 of 7 by -2").given(EDX, 0).given(EAX, 7).given(ECX, -2).run("idiv", ECX)
                        .expect(EAX, -3).expect(EDX, 1).undefinedByIntel(divideUndefined),
                the("idiv r32 reaching INT_MIN exactly fits").given(EDX, -1).given(EAX, 0).given(ECX, 2)
                        .run("idiv", ECX).expect(EAX, 0x8000_0000).expect(EDX, 0).undefinedByIntel(divideUndefined),
                the("idiv r8 divides ax into al and ah").given(EAX, 0x7777_FFF9).given(EBX, 2).run("idiv", BL)
                        .expect(EAX, 0x7777_FFFD).undefinedByIntel(divideUndefined),
                the("idiv r16 divides dx:ax").given(EDX, 0xFFFF).given(EAX, 0xFFF0).given(ECX, 0xFFFC)
                        .run("idiv", CX).expect(EAX, 4).expect(EDX, 0).undefinedByIntel(divideUndefined),
                the("idiv of INT_MIN by -1 raises #DE").given(EDX, -1).given(EAX, 0x8000_0000).given(ECX, -1)
                        .label("idiv").run("idiv", ECX).expectTrap(Vectors.DIVIDE_ERROR, "idiv"),
                the("idiv r16 of -32768 by -1 raises #DE").given(EDX, 0xFFFF).given(EAX, 0x8000).given(ECX, 0xFFFF)
                        .label("idiv").run("idiv", CX).expectTrap(Vectors.DIVIDE_ERROR, "idiv"),
                the("idiv r8 of -128 by -1 raises #DE").given(EAX, 0xFF80).given(EBX, 0xFF)
                        .label("idiv").run("idiv", BL).expectTrap(Vectors.DIVIDE_ERROR, "idiv"),
                the("idiv r32 whose quotient needs more than 32 bits raises #DE").given(EDX, 1).given(EAX, 0)
                        .given(ECX, 1).label("idiv").run("idiv", ECX).expectTrap(Vectors.DIVIDE_ERROR, "idiv"),
                the("idiv r32 whose positive quotient just misses raises #DE").given(EDX, 0).given(EAX, 0x8000_0000)
                        .given(ECX, 1).label("idiv").run("idiv", ECX).expectTrap(Vectors.DIVIDE_ERROR, "idiv"),
                the("idiv by zero raises #DE").given(EDX, 0).given(EAX, 1).given(ECX, 0)
                        .label("idiv").run("idiv", ECX).expectTrap(Vectors.DIVIDE_ERROR, "idiv"),
                the("idiv [m8] by memory").given(EAX, 100).given(EBX, DATA).givenMemory(DATA, 4, 0xF9)
                        .run("idiv", byteAt(mem(EBX))).expect(EAX, 0x02F2).undefinedByIntel(divideUndefined));
    }

    // ---- control flow ----

    /** Fills the distance a rel8 cannot reach (nops, so every byte of the program is still an instruction). */
    private static Consumer<CodeBuilder> farAway() {
        byte[] nops = new byte[200];
        Arrays.fill(nops, (byte) 0x90);
        return b -> b.bytes(nops);
    }

    static Stream<InstructionCase> controlFlow() {
        return Stream.of(
                the("jmp rel8 skips forward").run("jmp", label("over")).run("mov", EAX, imm(1)).label("over"),
                the("jmp rel32 reaches past 127 bytes").run("jmp", label("far")).run("mov", EAX, imm(1))
                        .code(farAway()).label("far"),
                the("jmp rel8 jumps backwards").run("jmp", label("forward")).label("back").run("mov", EAX, imm(1))
                        .run("jmp", label("done")).label("forward").run("jmp", label("back")).label("done")
                        .expect(EAX, 1),
                the("jmp rel32 jumps backwards").run("jmp", label("forward")).label("back").run("mov", EAX, imm(1))
                        .run("jmp", label("done")).code(farAway()).label("forward").run("jmp", label("back"))
                        .label("done").expect(EAX, 1),
                the("jnz rel8 closes a loop").given(ECX, 3).label("loop").run("add", EAX, imm(2)).run("dec", ECX)
                        .run("jnz", label("loop")).expect(EAX, 6).expect(ECX, 0).expectFlags(PF | ZF),
                the("jnz rel32 closes a long loop").given(ECX, 2).label("loop").run("inc", EAX).code(farAway())
                        .run("dec", ECX).run("jnz", label("loop")).expect(EAX, 2).expect(ECX, 0).expectFlags(PF | ZF),
                the("jmp r32 jumps to the address in the register").run("mov", ECX, label("target"))
                        .run("jmp", ECX).run("mov", EAX, imm(1)).label("target").expectAddress(ECX, "target"),
                the("jmp [m32] jumps to the address in memory").run("mov", dwordAt(abs(DATA)), label("target"))
                        .run("jmp", dwordAt(abs(DATA))).run("mov", EAX, imm(1)).label("target"),
                the("call rel32 pushes the address after it and ret returns there").run("call", label("f"))
                        .label("back").run("jmp", label("done"))
                        .label("f").run("mov", ECX, mem(ESP)).run("ret").label("done")
                        .expectAddress(ECX, "back"),
                the("call r32 calls the address in the register").run("mov", EAX, label("f")).run("call", EAX)
                        .label("back").run("jmp", label("done"))
                        .label("f").run("mov", ECX, mem(ESP)).run("ret").label("done")
                        .expectAddress(EAX, "f").expectAddress(ECX, "back"),
                the("call [m32] calls the address in memory").run("mov", dwordAt(abs(DATA)), label("f"))
                        .run("call", dwordAt(abs(DATA))).label("back").run("jmp", label("done"))
                        .label("f").run("mov", ECX, mem(ESP)).run("ret").label("done").expectAddress(ECX, "back"),
                the("ret imm16 returns and releases the arguments").run("push", imm(1)).run("push", imm(2))
                        .run("call", label("f")).run("jmp", label("done"))
                        .label("f").run("mov", EAX, mem(ESP, 4)).run("mov", EBX, mem(ESP, 8)).run("ret", imm(8))
                        .label("done").expect(EAX, 2).expect(EBX, 1),
                the("ret pops the address pushed last").run("push", label("target")).run("ret")
                        .run("mov", EAX, imm(1)).label("target"),
                the("a frame built with push ebp; mov ebp, esp is undone by leave").given(EBP, 0x1234)
                        .run("push", EBP).run("mov", EBP, ESP).run("push", imm(1)).run("push", imm(2)).run("leave")
                        .expect(EBP, 0x1234).expect(ESP, SP));
    }

    /** The Intel manual's definition of condition code {@code cc} on a set of flags. */
    static boolean holds(int cc, int flags) {
        boolean cf = (flags & CF) != 0, zf = (flags & ZF) != 0, sf = (flags & SF) != 0, of = (flags & OF) != 0;
        boolean pf = (flags & PF) != 0;
        boolean value = switch (cc >> 1) {
            case 0 -> of;
            case 1 -> cf;
            case 2 -> zf;
            case 3 -> cf || zf;
            case 4 -> sf;
            case 5 -> pf;
            case 6 -> sf != of;
            default -> zf || sf != of;
        };
        return value ^ (cc & 1) != 0;
    }

    /** Runs {@code setup}, then j{@code cc} to a target near (rel8) or far (rel32): edi is 1 if taken, 2 if not. */
    private static InstructionCase branch(InstructionCase c, int cc, boolean far, boolean taken) {
        return c.run("j" + OpcodeTable.CONDITIONS.get(cc), label("taken"))
                .run("mov", EDI, imm(2)).run("jmp", label("done"))
                .code(far ? farAway() : b -> { })
                .label("taken").run("mov", EDI, imm(1))
                .label("done").expect(EDI, taken ? 1 : 2);
    }

    static Stream<InstructionCase> conditionsFromPopf() {
        // Between them these make every condition both true and false.
        int[] patterns = {0, CF | ZF, SF, OF, PF};
        List<InstructionCase> cases = new ArrayList<>();
        for (int cc = 0; cc < 16; cc++) {
            for (boolean far : new boolean[] {false, true}) {
                for (int flags : patterns) {
                    boolean taken = holds(cc, flags);
                    String sentence = String.format("j%s %s is %s with %s", OpcodeTable.CONDITIONS.get(cc),
                            far ? "rel32" : "rel8", taken ? "taken" : "not taken",
                            SingleInstructionMachine.describeFlags(flags));
                    cases.add(branch(the(sentence).givenFlags(flags), cc, far, taken));
                }
            }
        }
        return cases.stream();
    }

    private static long signed(long value, int bits) {
        return value << (64 - bits) >> (64 - bits);
    }

    /** ZF, SF and PF of a result of {@code bits} bits. */
    static int resultFlags(long result, int bits) {
        int flags = 0;
        if (result == 0) {
            flags |= ZF;
        }
        if ((result >>> (bits - 1) & 1) != 0) {
            flags |= SF;
        }
        if (Long.bitCount(result & 0xFF) % 2 == 0) {
            flags |= PF;
        }
        return flags;
    }

    /** CF PF AF ZF SF OF of a - b in {@code bits} bits, from their definitions. */
    static int subtractFlags(int a, int b, int bits) {
        return subtractFlags(a, b, 0, bits);
    }

    /** CF PF AF ZF SF OF of a - b - borrow (sbb) in {@code bits} bits, from their definitions. */
    static int subtractFlags(int a, int b, int borrow, int bits) {
        long m = (1L << bits) - 1;
        long ua = a & m, ub = b & m, r = (ua - ub - borrow) & m;
        int flags = resultFlags(r, bits);
        if (ua < ub + borrow) {
            flags |= CF;
        }
        if (((ua ^ ub ^ r) & 0x10) != 0) {
            flags |= AF;
        }
        if (signed(ua, bits) - signed(ub, bits) - borrow != signed(r, bits)) {
            flags |= OF;
        }
        return flags;
    }

    /** CF PF AF ZF SF OF of a + b in {@code bits} bits, from their definitions. */
    static int addFlags(int a, int b, int bits) {
        long m = (1L << bits) - 1;
        long ua = a & m, ub = b & m, r = (ua + ub) & m;
        int flags = resultFlags(r, bits);
        if (ua + ub > m) {
            flags |= CF;
        }
        if (((ua ^ ub ^ r) & 0x10) != 0) {
            flags |= AF;
        }
        if (signed(ua, bits) + signed(ub, bits) != signed(r, bits)) {
            flags |= OF;
        }
        return flags;
    }

    private static String jcc(int cc) {
        return "j" + OpcodeTable.CONDITIONS.get(cc);
    }

    private static String outcome(int cc, int flags) {
        return holds(cc, flags) ? "taken" : "not taken";
    }

    static Stream<InstructionCase> conditionsAfterArithmetic() {
        // A few operands per kind of flag state; AluOracleTest checks every jcc after every oracle line too.
        int[][] pairs32 = {{1, 2}, {5, 5}, {0x8000_0000, 1}, {0x7FFF_FFFF, 0xFFFF_FFFF}};
        int[][] pairs16 = {{0x8000, 1}, {7, 7}};
        int[][] pairs8 = {{1, 2}, {0x80, 1}, {0x7F, 0xFF}};
        int[][] sums = {{0x7FFF_FFFF, 1}, {0xFFFF_FFFF, 1}};
        int[][] tests = {{0x8000_0000, 0xFFFF_FFFF}, {1, 2}};
        int[] decremented = {1, 0x8000_0000};
        int[][] borrows = {{5, 5}, {1, 0}, {0x8000_0000, 0}};
        List<InstructionCase> cases = new ArrayList<>();
        for (int cc = 0; cc < 16; cc++) {
            for (int[] p : pairs32) {
                int flags = subtractFlags(p[0], p[1], 32);
                cases.add(branch(the(String.format("%s after cmp eax, ebx (%#x, %#x) is %s", jcc(cc), p[0], p[1],
                        outcome(cc, flags))).given(EAX, p[0]).given(EBX, p[1]).run("cmp", EAX, EBX)
                        .expectFlags(flags), cc, false, holds(cc, flags)));
            }
            for (int[] p : pairs16) {
                int flags = subtractFlags(p[0], p[1], 16);
                cases.add(branch(the(String.format("%s after cmp ax, bx (%#x, %#x) is %s", jcc(cc), p[0], p[1],
                        outcome(cc, flags))).given(AX, p[0]).given(BX, p[1]).run("cmp", AX, BX)
                        .expectFlags(flags), cc, false, holds(cc, flags)));
            }
            for (int[] p : pairs8) {
                int flags = subtractFlags(p[0], p[1], 8);
                cases.add(branch(the(String.format("%s after cmp byte [m], imm8 (%#x, %#x) is %s", jcc(cc), p[0],
                        p[1], outcome(cc, flags))).givenMemory(DATA, 1, p[0])
                        .run("cmp", byteAt(abs(DATA)), imm(p[1])).expectFlags(flags), cc, false, holds(cc, flags)));
            }
            for (int[] p : sums) {
                int flags = addFlags(p[0], p[1], 32);
                cases.add(branch(the(String.format("%s after add eax, ebx (%#x, %#x) is %s", jcc(cc), p[0], p[1],
                        outcome(cc, flags))).given(EAX, p[0]).given(EBX, p[1]).run("add", EAX, EBX)
                        .expect(EAX, p[0] + p[1]).expectFlags(flags), cc, false, holds(cc, flags)));
            }
            for (int[] p : tests) {
                int flags = resultFlags(p[0] & p[1] & 0xFFFF_FFFFL, 32);
                cases.add(branch(the(String.format("%s after test eax, ebx (%#x, %#x) is %s", jcc(cc), p[0], p[1],
                        outcome(cc, flags))).givenFlags(CF | OF).given(EAX, p[0]).given(EBX, p[1])
                        .run("test", EAX, EBX).expectFlags(flags).undefinedByIntel(AF), cc, false, holds(cc, flags)));
            }
            for (int[] p : borrows) {
                for (int borrow = 0; borrow <= 1; borrow++) {
                    int flags = subtractFlags(p[0], p[1], borrow, 32);
                    cases.add(branch(the(String.format("%s after sbb eax, ebx (%#x, %#x, CF %d) is %s", jcc(cc), p[0],
                            p[1], borrow, outcome(cc, flags))).givenFlags(borrow).given(EAX, p[0]).given(EBX, p[1])
                            .run("sbb", EAX, EBX).expect(EAX, p[0] - p[1] - borrow).expectFlags(flags),
                            cc, false, holds(cc, flags)));
                }
            }
            for (int i = 0; i < decremented.length; i++) {
                int a = decremented[i];
                int carryIn = i % 2 == 0 ? CF : 0;
                int flags = subtractFlags(a, 1, 32) & ~CF | carryIn;
                cases.add(branch(the(String.format("%s after dec ecx (%#x, CF %d) is %s", jcc(cc), a, carryIn,
                        outcome(cc, flags))).givenFlags(carryIn).given(ECX, a).run("dec", ECX).expect(ECX, a - 1)
                        .expectFlags(flags), cc, false, holds(cc, flags)));
            }
        }
        return cases.stream();
    }

    // ---- strings ----

    static Stream<InstructionCase> strings() {
        int src = DATA, dst = DATA + 0x100;
        return Stream.of(
                the("rep movsb copies ecx bytes upwards with DF clear").given(ESI, src).given(EDI, dst).given(ECX, 5)
                        .givenMemory(src, 4, 0x4433_2211).givenMemory(src + 4, 4, 0x8877_6655)
                        .givenMemory(dst + 4, 4, 0xEEEE_EEEE)
                        .run("rep movsb").expect(ESI, src + 5).expect(EDI, dst + 5).expect(ECX, 0)
                        .expectMemory(dst, 4, 0x4433_2211).expectMemory(dst + 4, 4, 0xEEEE_EE55),
                the("rep movsb copies downwards with DF set (std)").given(ESI, src + 4).given(EDI, dst + 4)
                        .given(ECX, 5).givenMemory(src, 4, 0x4433_2211).givenMemory(src + 4, 4, 0x8877_6655)
                        .givenMemory(dst - 4, 4, 0xEEEE_EEEE).givenMemory(dst + 4, 4, 0xEEEE_EEEE)
                        .run("std").run("rep movsb").expect(ESI, src - 1).expect(EDI, dst - 1).expect(ECX, 0)
                        .expectMemory(dst - 4, 4, 0xEEEE_EEEE).expectMemory(dst, 4, 0x4433_2211)
                        .expectMemory(dst + 4, 4, 0xEEEE_EE55).expectFlagBits(DF, DF),
                the("rep movsb one byte ahead repeats the first byte, one byte at a time").given(ESI, src)
                        .given(EDI, src + 1).given(ECX, 4).givenMemory(src, 4, 0x4433_22AB).givenMemory(src + 4, 4, 0)
                        .run("rep movsb").expect(ESI, src + 4).expect(EDI, src + 5).expect(ECX, 0)
                        .expectMemory(src, 4, 0xABAB_ABAB).expectMemory(src + 4, 4, 0xAB),
                the("rep movsd copies ecx dwords upwards").given(ESI, src).given(EDI, dst).given(ECX, 2)
                        .givenMemory(src, 4, 0x1111_1111).givenMemory(src + 4, 4, 0x2222_2222)
                        .givenMemory(src + 8, 4, 0x3333_3333)
                        .run("rep movsd").expect(ESI, src + 8).expect(EDI, dst + 8).expect(ECX, 0)
                        .expectMemory(dst, 4, 0x1111_1111).expectMemory(dst + 4, 4, 0x2222_2222)
                        .expectMemory(dst + 8, 4, 0),
                the("rep movsd copies downwards with DF set").given(ESI, src + 4).given(EDI, dst + 4).given(ECX, 2)
                        .givenMemory(src, 4, 0x1111_1111).givenMemory(src + 4, 4, 0x2222_2222)
                        .run("std").run("rep movsd").expect(ESI, src - 4).expect(EDI, dst - 4).expect(ECX, 0)
                        .expectMemory(dst, 4, 0x1111_1111).expectMemory(dst + 4, 4, 0x2222_2222)
                        .expectMemory(dst - 4, 4, 0).expectFlagBits(DF, DF),
                the("rep stosb fills ecx bytes with al upwards").given(EAX, 0x1234_56AB).given(EDI, dst).given(ECX, 3)
                        .givenMemory(dst, 4, 0x1111_1111)
                        .run("rep stosb").expect(EDI, dst + 3).expect(ECX, 0).expectMemory(dst, 4, 0x11AB_ABAB),
                the("rep stosb fills downwards with DF set").given(EAX, 0xAB).given(EDI, dst + 3).given(ECX, 3)
                        .givenMemory(dst, 4, 0x1111_1111)
                        .run("std").run("rep stosb").expect(EDI, dst).expect(ECX, 0)
                        .expectMemory(dst, 4, 0xABAB_AB11).expectFlagBits(DF, DF),
                the("rep stosd fills ecx dwords with eax upwards").given(EAX, 0xDEAD_BEEF).given(EDI, dst)
                        .given(ECX, 2).run("rep stosd").expect(EDI, dst + 8).expect(ECX, 0)
                        .expectMemory(dst, 4, 0xDEAD_BEEF).expectMemory(dst + 4, 4, 0xDEAD_BEEF)
                        .expectMemory(dst + 8, 4, 0),
                the("rep stosd fills downwards with DF set").given(EAX, 0xDEAD_BEEF).given(EDI, dst + 4).given(ECX, 2)
                        .run("std").run("rep stosd").expect(EDI, dst - 4).expect(ECX, 0)
                        .expectMemory(dst - 4, 4, 0).expectMemory(dst, 4, 0xDEAD_BEEF)
                        .expectMemory(dst + 4, 4, 0xDEAD_BEEF).expectFlagBits(DF, DF),
                the("rep with ecx = 0 does nothing").given(EAX, 0xFF).given(EDI, dst).given(ESI, src).given(ECX, 0)
                        .givenMemory(dst, 4, 0x1234_5678).givenMemory(src, 4, 0xAAAA_AAAA)
                        .run("rep stosd").run("rep movsb").run("rep stosb").run("rep movsd")
                        .expectMemory(dst, 4, 0x1234_5678),
                the("a rep stosb that runs into a read-only page stops there, ecx and edi ready for a restart")
                        .given(EAX, 0x77).given(EDI, READ_ONLY - 2).given(ECX, 4).givenMemory(READ_ONLY - 4, 4, 0)
                        .label("rep").run("rep stosb")
                        .expectTrap(Vectors.PAGE_FAULT, "rep", PageTables.ERR_PRESENT | PageTables.ERR_WRITE
                                | PageTables.ERR_USER)
                        .expect(ECX, 2).expect(EDI, READ_ONLY).expectMemory(READ_ONLY - 4, 4, 0x7777_0000),
                the("movsb copies one byte and steps by one").given(ESI, src).given(EDI, dst).given(ECX, 9)
                        .givenMemory(src, 4, 0x4433_2211).run("movsb").expect(ESI, src + 1).expect(EDI, dst + 1)
                        .expectMemory(dst, 4, 0x11),
                the("movsd copies one dword and steps back by four with DF set").given(ESI, src).given(EDI, dst)
                        .givenMemory(src, 4, 0x4433_2211).run("std").run("movsd").expect(ESI, src - 4)
                        .expect(EDI, dst - 4).expectMemory(dst, 4, 0x4433_2211).expectFlagBits(DF, DF),
                the("stosb stores al and steps by one").given(EAX, 0x7F).given(EDI, dst).run("stosb")
                        .expect(EDI, dst + 1).expectMemory(dst, 4, 0x7F),
                the("stosd stores eax and steps by four").given(EAX, -1).given(EDI, dst).run("stosd")
                        .expect(EDI, dst + 4).expectMemory(dst, 4, 0xFFFF_FFFF),
                the("cld clears DF and string instructions step upwards again").given(EAX, 0x55).given(EDI, dst)
                        .run("std").run("cld").run("stosb").expect(EDI, dst + 1).expectFlagBits(DF, 0),
                the("string instructions leave the arithmetic flags").givenFlags(ALL_FLAGS).given(EDI, dst)
                        .given(ECX, 1).run("rep stosb").expect(EDI, dst + 1).expect(ECX, 0));
    }

    /** A ring 3 machine that stores al ecx times from DATA upwards with rep stosb, then exits. */
    private static BareMachine repStosb(int count) {
        return stores("rep stosb", count);
    }

    private static BareMachine stores(String mnemonic, int count) {
        CodeBuilder b = new CodeBuilder(InstructionCase.CODE);
        b.emit("mov", ECX, imm(count));
        b.emit("mov", EDI, imm(DATA));
        b.emit("mov", EAX, imm(0xAB));
        b.emit(mnemonic);
        b.emit("mov", EAX, imm(BareMachine.SYS_EXIT));
        b.emit("mov", EBX, imm(0));
        b.emit("int", imm(0x80));
        return GuestPrograms.load(b.assemble(), 0x1000);
    }

    @Test
    void aRepCostsItsRowsCyclesOncePerIteration() {
        BareMachine plain = stores("stosb", 1);
        BareMachine once = repStosb(1);
        BareMachine tenTimes = repStosb(10);
        for (BareMachine m : List.of(plain, once, tenTimes)) {
            m.run(Long.MAX_VALUE);
            assertThat(m.exitStatus()).isZero();
        }
        int perIteration = OpcodeTable.FORMS.stream().filter(f -> f.mnemonic().equals("rep stosb")).findFirst()
                .orElseThrow().cycles();
        assertThat(once.cpu().cycles()).as("one iteration costs what one stosb costs").isEqualTo(plain.cpu().cycles());
        assertThat(tenTimes.cpu().cycles() - once.cpu().cycles()).isEqualTo(9L * perIteration);
    }

    @Test
    void aRepStoppedByTheCycleBudgetResumesWhereItWasAndCostsTheSame() {
        BareMachine atOnce = repStosb(10);
        atOnce.run(Long.MAX_VALUE);
        BareMachine sliced = repStosb(10);
        int runs = 0;
        while (sliced.exitStatus() == null && runs < 1000) {
            assertThat(sliced.run(1)).isIn(Exit.BUDGET, Exit.STOPPED);
            runs++;
        }
        assertThat(runs).isGreaterThan(10);
        assertThat(sliced.exitStatus()).isZero();
        for (BareMachine m : List.of(atOnce, sliced)) {
            long pa = m.cpu().physicalAddress(DATA);
            assertThat(m.cpu().memory().copy((int) pa, 11))
                    .containsExactly(0xAB, 0xAB, 0xAB, 0xAB, 0xAB, 0xAB, 0xAB, 0xAB, 0xAB, 0xAB, 0);
        }
        assertThat(sliced.cpu().cycles()).isEqualTo(atOnce.cpu().cycles());
    }

    // ---- flags, nop and the trapping instructions ----

    static Stream<InstructionCase> flagsAndMiscellany() {
        return Stream.of(
                the("clc clears CF only").givenFlags(CF | ZF | OF).run("clc").expectFlags(ZF | OF),
                the("stc sets CF only").givenFlags(PF).run("stc").expectFlags(CF | PF),
                the("cmc complements a clear CF").givenFlags(SF).run("cmc").expectFlags(CF | SF),
                the("cmc complements a set CF").givenFlags(CF | AF).run("cmc").expectFlags(AF),
                the("cmc complements the carry an add just produced, keeping its other flags")
                        .given(EAX, 0xFFFF_FFFF).run("add", EAX, imm(1)).run("cmc").expect(EAX, 0)
                        .expectFlags(PF | AF | ZF),
                the("stc after an overflowing add keeps the add's other flags").given(EAX, 0x7FFF_FFFF)
                        .run("add", EAX, imm(1)).run("stc").expect(EAX, 0x8000_0000)
                        .expectFlags(CF | PF | AF | SF | OF),
                the("clc after a borrowing sub keeps the sub's other flags").given(EAX, 0).run("sub", EAX, imm(1))
                        .run("clc").expect(EAX, -1).expectFlags(PF | AF | SF),
                the("std sets DF and cld clears it, the arithmetic flags untouched").givenFlags(ALL_FLAGS)
                        .run("std").expectFlagBits(DF, DF),
                the("cld clears DF").givenFlags(DF | CF).run("cld").expectFlags(CF).expectFlagBits(DF, 0),
                the("nop changes nothing").givenFlags(ALL_FLAGS).given(EAX, 1).given(ECX, 2).run("nop"),
                the("ud2 raises #UD at the ud2").given(EAX, 5).label("ud2").run("ud2")
                        .expectTrap(Vectors.INVALID_OPCODE, "ud2"),
                the("an opcode the table lacks raises #UD").label("bad").code(b -> b.bytes((byte) 0xD6))
                        .expectTrap(Vectors.INVALID_OPCODE, "bad"),
                the("int3 raises #BP reporting the address after it (through a gate ring 3 may use)")
                        .openGateToRing3(Vectors.BREAKPOINT).given(ECX, 7).run("int3").label("after")
                        .expectTrap(Vectors.BREAKPOINT, "after"),
                the("cpuid 0 names the vendor").given(EAX, 0).run("cpuid").expect(EAX, 1)
                        .expect(EBX, 0x676E_6952).expect(EDX, 0x6D65_534F).expect(ECX, 0x5550_4375));
    }

    // ---- ringos's choices where Intel leaves a flag undefined ----

    static Stream<InstructionCase> ringosChoices() {
        return Stream.of(
                the("and clears AF (ringos)").givenFlags(AF).given(EAX, 0xFF).given(EBX, 0x0F)
                        .run("and", EAX, EBX).expect(EAX, 0x0F).expectFlags(PF),
                the("or clears AF (ringos)").givenFlags(AF).given(CX, 0x10).run("or", CX, imm(0x08))
                        .expect(CX, 0x18).expectFlags(PF),
                the("xor clears AF (ringos)").givenFlags(AF | CF).given(EDX, 0x10).run("xor", DL, imm(0x10))
                        .expect(DL, 0).expectFlags(PF | ZF),
                the("test clears AF (ringos)").givenFlags(AF).given(EAX, 0x10).run("test", EAX, imm(0x10))
                        .expectFlags(0),
                the("mul sets ZF and PF from the low half and clears SF and AF (ringos)").givenFlags(AF | SF)
                        .given(EAX, 0x10000).given(ECX, 0x10000).run("mul", ECX).expect(EAX, 0).expect(EDX, 1)
                        .expectFlags(CF | OF | ZF | PF),
                the("mul r8 takes ZF from al, not ax (ringos)").given(EAX, 0x10).given(EBX, 0x10).run("mul", BL)
                        .expect(EAX, 0x100).expectFlags(CF | OF | ZF | PF),
                the("imul r32, r32 sets SF from the truncated result (ringos)").given(EAX, 0x4000_0000).given(ECX, 2)
                        .run("imul", EAX, ECX).expect(EAX, 0x8000_0000).expectFlags(CF | OF | SF | PF),
                the("imul r16 (one operand) sets SF and PF from ax (ringos)").given(EAX, 1).given(ECX, 0x8000)
                        .given(EDX, 0x1234_5678).run("imul", CX).expect(EAX, 0x8000).expect(EDX, 0x1234_FFFF)
                        .expectFlags(SF | PF),
                the("shl by two computes OF as MSB(result) xor CF (ringos)").given(EAX, 0x2000_0000)
                        .run("shl", EAX, imm(2)).expect(EAX, 0x8000_0000).expectFlags(PF | SF | OF),
                the("shr by four sets OF from the old top bit (ringos)").given(EAX, 0x8000_0000)
                        .run("shr", EAX, imm(4)).expect(EAX, 0x0800_0000).expectFlags(PF | OF),
                the("sar by three clears OF (ringos)").givenFlags(OF).given(EAX, 0x8000_0000)
                        .run("sar", EAX, imm(3)).expect(EAX, 0xF000_0000).expectFlags(PF | SF),
                the("shl by a nonzero count clears AF (ringos)").givenFlags(AF).given(EAX, 1)
                        .run("shl", EAX, imm(1)).expect(EAX, 2).expectFlags(0),
                the("shl al by 9, past the width, clears CF (ringos)").givenFlags(CF).given(EAX, 0xFF)
                        .run("shl", AL, imm(9)).expect(AL, 0).expectFlags(ZF | PF),
                the("shr ax by 17, past the width, clears CF (ringos)").givenFlags(CF).given(EAX, 0xFFFF)
                        .run("shr", AX, imm(17)).expect(AX, 0).expectFlags(ZF | PF | OF),
                the("shl al by 8 leaves bit 0 in CF, the last bit out (ringos)").given(EAX, 0x01)
                        .run("shl", AL, imm(8)).expect(AL, 0).expectFlags(CF | ZF | PF | OF),
                the("shr al by 8 leaves bit 7 in CF, the last bit out (ringos)").given(EAX, 0x80)
                        .run("shr", AL, imm(8)).expect(AL, 0).expectFlags(CF | ZF | PF | OF),
                the("rol by four computes OF as MSB(result) xor CF (ringos)").given(EAX, 0x0800_0000)
                        .run("rol", EAX, imm(4)).expect(EAX, 0x8000_0000).expectFlags(OF),
                the("ror by four computes OF from the top two bits (ringos)").given(EAX, 0x0000_0008)
                        .run("ror", EAX, imm(4)).expect(EAX, 0x8000_0000).expectFlags(CF | OF),
                the("rotates leave SF ZF PF AF as they were").givenFlags(SF | ZF | PF | AF).given(EAX, 1)
                        .run("ror", EAX, imm(1)).expect(EAX, 0x8000_0000).expectFlags(SF | ZF | PF | AF | CF | OF),
                the("div leaves every flag as it was (ringos)").givenFlags(ALL_FLAGS).given(EAX, 7).given(ECX, 2)
                        .run("div", ECX).expect(EAX, 3).expect(EDX, 1),
                the("idiv leaves every flag as it was (ringos)").givenFlags(CF | SF).given(EAX, -7).given(EDX, -1)
                        .given(ECX, 2).run("idiv", ECX).expect(EAX, -3).expect(EDX, -1),
                the("div r8 leaves every flag as it was (ringos)").givenFlags(ZF | OF).given(EAX, 9).given(EBX, 2)
                        .run("div", BL).expect(EAX, 0x0104));
    }

    // ---- what the tables cover ----

    private static List<Insn> exercised;

    /**
     * Every instruction of every program in the tables above, decoded, and those AluOracleTest runs
     * (a sample: every tenth line in all its forms, which reaches all the forms the whole file does).
     */
    static synchronized List<Insn> exercised() {
        if (exercised == null) {
            List<Insn> all = new ArrayList<>();
            Stream.of(dataMovement(), stackInstructions(), arithmetic(), shiftsAndRotates(), multiplyAndDivide(),
                    controlFlow(), conditionsFromPopf(), conditionsAfterArithmetic(), strings(), flagsAndMiscellany(),
                    ringosChoices()).flatMap(s -> s).forEach(c -> all.addAll(decodeAll(c.program().assemble())));
            AluOracleTest.instructions(10).forEach(bytes -> all.addAll(decodeAll(bytes)));
            exercised = all;
        }
        return exercised;
    }

    private static List<Insn> decodeAll(byte[] code) {
        List<Insn> out = new ArrayList<>();
        for (int pos = 0; pos < code.length; ) {
            int start = pos;
            Insn in = new Insn();
            Decoder.decode(i -> start + i < code.length ? code[start + i] & 0xFF : 0, in);
            out.add(in);
            pos += Math.max(1, in.length);
        }
        return out;
    }

    @Test
    void theTablesRunEveryNonSystemFormOfTheOpcodeTable() {
        Set<InstructionForm> run = exercised().stream().filter(Insn::isDefined).map(in -> in.form)
                .collect(Collectors.toSet());
        Set<Op> outOfScope = Set.of(Op.SYSCALL);
        List<String> missing = OpcodeTable.FORMS.stream()
                .filter(f -> f.privilege() == PrivilegeClass.INNOCUOUS && !outOfScope.contains(f.op()))
                .filter(f -> !run.contains(f)).map(InstructionForm::toString).toList();
        assertThat(missing).as("forms no table runs").isEmpty();
    }

    @Test
    void theTablesReachEveryInterpreterFastPath() {
        Set<Integer> reached = exercised().stream().map(Interpreter::select).collect(Collectors.toSet());
        Set<Integer> fastPaths = IntStream.rangeClosed(Interpreter.X_MOV_RR, Interpreter.X_JG).boxed()
                .collect(Collectors.toCollection(TreeSet::new));
        fastPaths.removeAll(reached);
        assertThat(fastPaths).as("handler numbers in Interpreter that no table reaches").isEmpty();
        assertThat(reached).contains(Interpreter.X_GENERIC, Interpreter.X_UD);
    }
}
