package dev.ringos.asm.assembler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.elf.Executable;
import dev.ringos.cpu.BareMachine;
import org.junit.jupiter.api.Test;

/** Programs assembled from source run on the bare machine and do what the source says. */
class RunOnMachineTest {
    private static final int STACK_TOP = 0xBFFF_F000;
    private static final int PTE_WRITABLE = 2;

    static BareMachine run(Executable program) {
        BareMachine machine = new BareMachine(16 << 20);
        for (Executable.Segment s : program.segments()) {
            int flags = (s.flags() & Executable.W) != 0 ? PTE_WRITABLE : 0;
            machine.loadUser(s.address(), s.data(), s.memorySize(), flags);
        }
        machine.loadUser(STACK_TOP - 0x4000, new byte[0], 0x4000, PTE_WRITABLE);
        machine.enterUser(program.entry(), STACK_TOP);
        machine.run(10_000_000);
        return machine;
    }

    @Test
    void helloWorldWritesItsGreetingAndExitsWithZero() {
        BareMachine m = run(Asm.ok(HelloWorldTest.HELLO));
        assertThat(m.output()).isEqualTo("Hello, world!\n");
        assertThat(m.exitStatus()).isZero();
    }

    @Test
    void aLoopOverDataAndBssComputesASum() {
        BareMachine m = run(Asm.ok("""
                section .data
                numbers dd 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
                count   equ ($ - numbers) / 4
                section .bss
                total   resd 1
                section .text
                global _start
                _start:
                    xor eax, eax
                    xor ecx, ecx
                .next:
                    add eax, [numbers + ecx*4]
                    inc ecx
                    cmp ecx, count
                    jb .next
                    mov [total], eax
                    mov ebx, [total]
                    mov eax, 1
                    int 0x80
                """));
        assertThat(m.exitStatus()).isEqualTo(55);
    }

    @Test
    void aSubroutineCalledInALoopPrintsDigits() {
        BareMachine m = run(Asm.ok("""
                section .text
                _start:
                    mov byte [digit], '0'
                .again:
                    call print
                    inc byte [digit]
                    cmp byte [digit], '9'
                    jbe .again
                    mov eax, 1
                    mov ebx, 7
                    int 0x80

                print:
                    push ebx
                    mov eax, 4
                    mov ebx, 1
                    mov ecx, digit
                    mov edx, 1
                    int 0x80
                    pop ebx
                    ret

                section .data
                digit db 0
                """));
        assertThat(m.output()).isEqualTo("0123456789");
        assertThat(m.exitStatus()).isEqualTo(7);
    }
}
