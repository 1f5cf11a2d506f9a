; mkdir [-p] DIRECTORY...: makes the directories; -p makes missing parents too and is content
; when a directory is already there.
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
        xor edi, edi                ; the exit status
.opt:   push optstring
        push dword [ebp+12]
        push dword [ebp+8]
        call getopt
        add esp, 12
        cmp eax, -1
        je .dirs
        cmp eax, 'p'
        jne .bad
        mov byte [parents], 1
        jmp .opt
.bad:   mov eax, 2
        jmp .out
.dirs:  mov ebx, [optind]
        cmp ebx, [ebp+8]
        jl .each
        push missing
        push dword [util_prog]
        push missingfmt
        push STDERR_FILENO
        call fprintf
        add esp, 16
        mov eax, 2
        jmp .out
.each:  cmp ebx, [ebp+8]
        jge .done
        mov eax, [ebp+12]
        mov esi, [eax+ebx*4]
        cmp byte [parents], 0
        je .last
        ; -p: every parent in turn, cut at each '/' after the first character
        lea ecx, [esi+1]
.walk:  cmp byte [ecx], 0
        je .last
        cmp byte [ecx], '/'
        jne .step
        mov byte [ecx], 0
        push ecx
        push 0x1FF
        push esi
        call mkdir
        add esp, 8
        pop ecx
        mov byte [ecx], '/'
.step:  inc ecx
        jmp .walk
.last:  push 0x1FF
        push esi
        call mkdir
        add esp, 8
        test eax, eax
        jz .next
        cmp byte [parents], 0
        je .fail
        cmp dword [errno], EEXIST
        jne .fail
        push st
        push esi
        call stat
        add esp, 8
        mov dword [errno], EEXIST
        test eax, eax
        jnz .fail
        mov eax, [st+ST_MODE]
        and eax, S_IFMT
        cmp eax, S_IFDIR
        je .next
.fail:  push esi
        push cannot
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
optstring:  db "p", 0
cannot:     db "cannot create directory", 0
missing:    db "missing operand", 0
missingfmt: db "%s: %s", 10, 0
usage:      db "Usage: mkdir [-p] DIRECTORY...", 10
            db "Create the DIRECTORY(ies), if they do not already exist.", 10, 10
            db "  -p     no error if existing, make parent directories as needed", 10, 0

section .bss
parents:    resb 1
st:         resb STAT_SIZE
