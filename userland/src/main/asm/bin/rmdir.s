; rmdir DIRECTORY...: removes the empty directories.
%include "lib.inc"
%include "util.inc"

main:
        push ebp
        mov ebp, esp
        push ebx
        push esi
        push edi
        push usage
        push dword [ebp+12]
        push dword [ebp+8]
        call util_help
        add esp, 12
        xor edi, edi
.opt:   push optstring
        push dword [ebp+12]
        push dword [ebp+8]
        call getopt
        add esp, 12
        cmp eax, -1
        je .dirs
        mov eax, 2
        jmp .out
.dirs:  mov ebx, [optind]
        cmp ebx, [ebp+8]
        jl .each
        push dword [util_prog]
        push missing
        push STDERR_FILENO
        call fprintf
        add esp, 12
        mov eax, 2
        jmp .out
.each:  cmp ebx, [ebp+8]
        jge .done
        mov eax, [ebp+12]
        mov esi, [eax+ebx*4]
        push esi
        call rmdir
        add esp, 4
        test eax, eax
        jz .next
        push esi
        push failed
        push dword [util_prog]
        call util_error
        add esp, 12
        mov edi, 1
.next:  inc ebx
        jmp .each
.done:  mov eax, edi
.out:   pop edi
        pop esi
        pop ebx
        pop ebp
        ret

section .rodata
optstring:  db "", 0
failed:     db "failed to remove", 0
missing:    db "%s: missing operand", 10, 0
usage:      db "Usage: rmdir DIRECTORY...", 10, "Remove the DIRECTORY(ies), if they are empty.", 10, 0
