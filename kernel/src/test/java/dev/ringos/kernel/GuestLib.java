package dev.ringos.kernel;

/**
 * Assembly shared by the guest programs of the kernel's behaviour tests: syscall numbers,
 * {@code print_str} (ESI, a NUL-terminated string), {@code print_dec} (EAX, signed),
 * {@code print_hex} (EAX, eight digits), {@code print_nl}, the macro {@code say "text"}, and {@code report NR, EBX, ECX, EDX} (a call, its
 * result printed on a line).
 * Every routine keeps every register and the arithmetic flags it was called with.
 */
final class GuestLib {
    static final String SOURCE = """
            SYS_EXIT         equ 1
            SYS_FORK         equ 2
            SYS_READ         equ 3
            SYS_WRITE        equ 4
            SYS_WAITPID      equ 7
            SYS_EXECVE       equ 11
            SYS_GETPID       equ 20
            SYS_PAUSE        equ 29
            SYS_KILL         equ 37
            SYS_GETPPID      equ 64
            SYS_SIGRETURN    equ 119
            SYS_WAIT4        equ 114
            SYS_SCHED_YIELD  equ 158
            SYS_RT_SIGACTION equ 174
            SIGKILL equ 9
            SIGUSR1 equ 10
            SIGSTOP equ 19
            SIGCONT equ 18
            WNOHANG equ 1
            WUNTRACED equ 2
            WCONTINUED equ 8
            SA_RESTORER equ 0x04000000

            %macro say 1
            section .rodata
            %%text: db %1, 0
            section .text
                    push esi
                    mov esi, %%text
                    call print_str
                    pop esi
            %endmacro

            ; report NR, EBX, ECX, EDX: makes the call and prints its result on a line
            %macro report 4
                    mov eax, %1
                    mov ebx, %2
                    mov ecx, %3
                    mov edx, %4
                    int 0x80
                    call print_dec
                    call print_nl
            %endmacro

            section .text
            print_str:
                    pushf
                    push eax
                    push ebx
                    push ecx
                    push edx
                    mov ecx, esi
                    xor edx, edx
            .length:
                    cmp byte [esi+edx], 0
                    je .write
                    inc edx
                    jmp .length
            .write:
                    mov eax, SYS_WRITE
                    mov ebx, 1
                    int 0x80
                    pop edx
                    pop ecx
                    pop ebx
                    pop eax
                    popf
                    ret

            print_nl:
                    push esi
                    mov esi, lib_newline
                    call print_str
                    pop esi
                    ret

            print_dec:
                    pushf
                    push eax
                    push ebx
                    push ecx
                    push edx
                    push esi
                    mov esi, lib_number + 15
                    mov byte [esi], 0
                    mov ebx, eax
                    test eax, eax
                    jns .positive
                    neg eax
            .positive:
                    mov ecx, 10
            .digit:
                    xor edx, edx
                    div ecx
                    add dl, '0'
                    dec esi
                    mov [esi], dl
                    test eax, eax
                    jnz .digit
                    test ebx, ebx
                    jns .print
                    dec esi
                    mov byte [esi], '-'
            .print:
                    call print_str
                    pop esi
                    pop edx
                    pop ecx
                    pop ebx
                    pop eax
                    popf
                    ret

            print_hex:
                    pushf
                    push eax
                    push ecx
                    push edx
                    push esi
                    mov esi, lib_number + 8
                    mov byte [esi], 0
                    mov ecx, 8
            .digit:
                    mov edx, eax
                    and edx, 15
                    mov dl, [lib_hex + edx]
                    dec esi
                    mov [esi], dl
                    shr eax, 4
                    dec ecx
                    jnz .digit
                    call print_str
                    pop esi
                    pop edx
                    pop ecx
                    pop eax
                    popf
                    ret

            section .rodata
            lib_hex: db "0123456789abcdef"
            lib_newline: db 10, 0

            section .bss
            lib_number: resb 16

            section .text
            """;

    private GuestLib() {
    }

    /** The library followed by {@code program}. */
    static String with(String program) {
        return SOURCE + program;
    }
}
