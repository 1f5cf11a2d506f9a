package dev.ringos.asm.assembler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each kind of error, in the exact form a person sees: file:line:col, the message, the line, a caret. */
class ErrorMessagesTest {

    @Test
    void anUnknownMnemonicSuggestsTheClosestInstruction() {
        assertThat(Asm.errors("_start:\n    mvo eax, 1")).isEqualTo("""
                test.s:2:5: error: unknown instruction 'mvo'; did you mean 'mov'?
                    mvo eax, 1
                    ^
                """);
    }

    @Test
    void anUnknownMnemonicFarFromAnyInstructionHasNoSuggestion() {
        assertThat(Asm.errors("xyzzy eax")).isEqualTo("""
                test.s:1:1: error: unknown instruction 'xyzzy'
                xyzzy eax
                ^
                """);
    }

    @Test
    void memoryToMemoryMovIsNamedAsSuch() {
        assertThat(Asm.errors("mov dword [eax], dword [ebx]")).isEqualTo("""
                test.s:1:11: error: invalid combination of operands for 'mov' (m32, m32): memory to memory is not \
                an x86 instruction
                mov dword [eax], dword [ebx]
                          ^
                """);
    }

    @Test
    void anInvalidCombinationOfOperandsNamesTheOperandKinds() {
        assertThat(Asm.errors("lea eax, 5")).isEqualTo("""
                test.s:1:5: error: invalid combination of operands for 'lea' (eax, imm)
                lea eax, 5
                    ^
                """);
    }

    @Test
    void aMissingOperandSizeIsReported() {
        assertThat(Asm.errors("add [eax], 1")).isEqualTo("""
                test.s:1:5: error: operation size not specified for 'add' (m, imm)
                add [eax], 1
                    ^
                """);
    }

    @Test
    void anUndefinedSymbolIsReportedWhereItIsUsed() {
        assertThat(Asm.errors("start:\n    jmp strat\n    jmp nowhere")).isEqualTo("""
                test.s:2:9: error: undefined symbol 'strat'; did you mean 'start'?
                    jmp strat
                        ^
                test.s:3:9: error: undefined symbol 'nowhere'
                    jmp nowhere
                        ^
                """);
    }

    @Test
    void anUndefinedLocalLabelIsReportedAsWritten() {
        assertThat(Asm.errors("f:\n  jmp .missing")).isEqualTo("""
                test.s:2:7: error: undefined symbol '.missing'
                  jmp .missing
                      ^
                """);
    }

    @Test
    void aDuplicateSymbolSaysWhereTheFirstDefinitionIs() {
        assertThat(Asm.errors("msg: db 1\nnop\nmsg: db 2")).isEqualTo("""
                test.s:3:1: error: duplicate symbol 'msg' (first defined at test.s:1:1)
                msg: db 2
                ^
                """);
    }

    @Test
    void aByteValueOutOfRangeIsReportedAtTheValue() {
        assertThat(Asm.errors("db 1, 300")).isEqualTo("""
                test.s:1:7: error: value 300 does not fit in a byte (-128 to 255)
                db 1, 300
                      ^
                """);
    }

    @Test
    void anImmediateTooWideForItsRegisterIsReportedAtTheImmediate() {
        assertThat(Asm.errors("mov al, 0x1234")).isEqualTo("""
                test.s:1:9: error: operand out of range for 'mov' (al, imm): 4660 does not fit in 8 bits
                mov al, 0x1234
                        ^
                """);
    }

    @Test
    void anUnterminatedStringIsReportedAtItsOpeningQuote() {
        assertThat(Asm.errors("msg db 'hello")).isEqualTo("""
                test.s:1:8: error: unterminated string (missing closing ')
                msg db 'hello
                       ^
                """);
    }

    @Test
    void aShortJumpThatCannotReachSaysHowFarItIs() {
        assertThat(Asm.errors("jmp short away\ntimes 200 nop\naway:")).isEqualTo("""
                test.s:1:11: error: short jump out of range: the target is 200 bytes away and rel8 reaches -128 to \
                127 (drop 'short' to let the assembler choose)
                jmp short away
                          ^
                """);
    }

    @Test
    void everyErrorInTheFileIsReportedInSourceOrder() {
        String errors = Asm.errors("""
                mvo eax, 1
                jmp nowhere
                db 'open
                db 300
                """);
        assertThat(errors.lines().filter(l -> l.startsWith("test.s:")))
                .containsExactly(
                        "test.s:1:1: error: unknown instruction 'mvo'; did you mean 'mov'?",
                        "test.s:2:5: error: undefined symbol 'nowhere'",
                        "test.s:3:4: error: unterminated string (missing closing ')",
                        "test.s:4:4: error: value 300 does not fit in a byte (-128 to 255)");
    }

    @Test
    void anErrorRepeatedByTimesIsReportedOnce() {
        assertThat(Asm.errors("times 3 db 300").lines().filter(l -> l.startsWith("test.s:"))).hasSize(1);
    }

    @Test
    void aGlobalThatIsNeverDefinedIsAnError() {
        assertThat(Asm.errors("global main\nnop")).isEqualTo("""
                test.s:1:8: error: global symbol 'main' is not defined
                global main
                       ^
                """);
    }

    @Test
    void codeInBssIsAnError() {
        assertThat(Asm.errors("section .bss\nnop")).isEqualTo("""
                test.s:2:1: error: instructions cannot go in .bss (it holds only reserved space)
                nop
                ^
                """);
    }

    @Test
    void startOutsideTextIsAnError() {
        assertThat(Asm.errors("section .data\n_start: db 0")).isEqualTo("""
                test.s:2:1: error: _start is in .data, but the program starts there: it must be in .text
                _start: db 0
                ^
                """);
    }

    @Test
    void aSizeKeywordOnAnImmediateMustFitTheOperation() {
        assertThat(Asm.errors("mov al, dword 5")).isEqualTo("""
                test.s:1:15: error: a dword immediate does not fit an 8-bit operation
                mov al, dword 5
                              ^
                """);
        assertThat(Asm.errors("push word 5")).contains("'push word' (a 16-bit push) is not part of the ringos ISA");
        assertThat(Asm.code("push dword 5\npush byte -1\nadd eax, byte 1")).isEqualTo("6A 05 6A FF 83 C0 01");
    }
}
