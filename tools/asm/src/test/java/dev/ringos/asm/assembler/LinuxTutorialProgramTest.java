package dev.ringos.asm.assembler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.Assembler;
import dev.ringos.asm.Diagnostics;
import dev.ringos.asm.elf.Executable;
import dev.ringos.cpu.BareMachine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program in the style of the Linux NASM tutorials (string functions in an included file,
 * int 80h, labels without a scope, SECTION in capitals) assembles unchanged and runs on ringos.
 */
class LinuxTutorialProgramTest {
    @TempDir
    Path dir;

    @Test
    void aTutorialProgramWithAnIncludedFunctionsFileRunsUnchanged() throws IOException {
        Files.writeString(dir.resolve("functions.asm"), """
                ;------------------------------------------
                ; int slen(String message)
                slen:
                    push    ebx
                    mov     ebx, eax
                nextchar:
                    cmp     byte [eax], 0
                    jz      finished
                    inc     eax
                    jmp     nextchar
                finished:
                    sub     eax, ebx
                    pop     ebx
                    ret

                ;------------------------------------------
                ; void sprintLF(String message)
                sprintLF:
                    push    edx
                    push    ecx
                    push    ebx
                    push    eax
                    call    slen
                    mov     edx, eax
                    pop     eax
                    mov     ecx, eax
                    mov     ebx, 1
                    mov     eax, 4
                    int     80h
                    push    0Ah
                    mov     ecx, esp
                    mov     edx, 1
                    mov     ebx, 1
                    mov     eax, 4
                    int     80h
                    pop     eax
                    pop     ebx
                    pop     ecx
                    pop     edx
                    ret

                ;------------------------------------------
                ; void exit()
                quit:
                    mov     ebx, 0
                    mov     eax, 1
                    int     80h
                    ret
                """);
        Path main = dir.resolve("helloworld-inc.asm");
        Files.writeString(main, """
                %include        'functions.asm'

                SECTION .data
                msg1    db      'Hello, brave new world!', 0h
                msg2    db      'This is how we recycle in NASM.', 0h

                SECTION .text
                global  _start

                _start:
                    mov     eax, msg1
                    call    sprintLF
                    mov     eax, msg2
                    call    sprintLF
                    call    quit
                """);
        Diagnostics d = new Diagnostics();
        Executable program = Assembler.assembleFile(main, List.of(), d);
        assertThat(d.render()).isEmpty();
        BareMachine m = RunOnMachineTest.run(program);
        assertThat(m.output()).isEqualTo("Hello, brave new world!\nThis is how we recycle in NASM.\n");
        assertThat(m.exitStatus()).isZero();
    }
}
