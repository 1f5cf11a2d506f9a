; echo [-n] [STRING]...: writes the strings, separated by spaces, and a newline (none with -n).
; Only a first argument of exactly "-n" is an option, as POSIX has it; "--help" alone asks for
; the usage.
%include "lib.inc"

main:
        push ebp
        mov ebp, esp
        push ebx
        push esi
        push edi
        mov esi, [ebp+12]           ; argv
        mov ebx, 1                  ; the next argument
        xor edi, edi                ; 1: no newline
        cmp dword [ebp+8], 2
        jne .flag
        push help
        push dword [esi+4]
        call strcmp
        add esp, 8
        test eax, eax
        jnz .flag
        push usage
        push STDOUT_FILENO
        call fputs
        add esp, 8
        jmp .ok
.flag:  cmp ebx, [ebp+8]
        jge .words
        mov eax, [esi+ebx*4]
        cmp byte [eax], '-'
        jne .words
        cmp byte [eax+1], 'n'
        jne .words
        cmp byte [eax+2], 0
        jne .words
        mov edi, 1
        inc ebx
        jmp .flag
.words: cmp ebx, [ebp+8]
        jge .end
        push dword [esi+ebx*4]
        push STDOUT_FILENO
        call fputs
        add esp, 8
        inc ebx
        cmp ebx, [ebp+8]
        jge .end
        push ' '
        call putchar
        add esp, 4
        jmp .words
.end:   test edi, edi
        jnz .ok
        push 10
        call putchar
        add esp, 4
.ok:    xor eax, eax
        pop edi
        pop esi
        pop ebx
        pop ebp
        ret

section .rodata
help:   db "--help", 0
usage:  db "Usage: echo [-n] [STRING]...", 10
        db "Write the STRINGs, separated by spaces, and a newline.", 10, 10
        db "  -n     do not write the newline", 10, 0
