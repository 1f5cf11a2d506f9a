; touch FILE...: makes each FILE that is not there, empty; one that is there gets the time of
; now as its modification time (ringos has no utimensat: truncating a file to its own length
; stamps it, as on Linux).
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
        je .files
        cmp eax, 'c'
        jne .bad
        mov byte [nocreate], 1
        jmp .opt
.bad:   mov eax, 2
        jmp .out
.files: mov ebx, [optind]
        cmp ebx, [ebp+8]
        jl .each
        push dword [util_prog]
        push missing
        push STDERR_FILENO
        call fprintf
        add esp, 12
        mov eax, 1
        jmp .out
.each:  cmp ebx, [ebp+8]
        jge .done
        mov eax, [ebp+12]
        mov esi, [eax+ebx*4]
        mov eax, O_WRONLY | O_CREAT | O_NOCTTY | O_NONBLOCK
        cmp byte [nocreate], 0
        je .open
        mov eax, O_WRONLY | O_NOCTTY | O_NONBLOCK
.open:  push 0x1B6
        push eax
        push esi
        call open
        add esp, 12
        test eax, eax
        jns .opened
        cmp byte [nocreate], 0
        je .fail
        cmp dword [errno], ENOENT
        je .next
        jmp .fail
.opened:
        push eax
        push st
        push eax
        call fstat
        add esp, 8
        mov eax, [esp]
        mov ecx, [st+ST_MODE]
        and ecx, S_IFMT
        cmp ecx, S_IFREG
        jne .close
        push dword [st+ST_SIZE]
        push eax
        call ftruncate
        add esp, 8
.close: call close
        add esp, 4
        jmp .next
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
optstring:  db "c", 0
cannot:     db "cannot touch", 0
missing:    db "%s: missing file operand", 10, 0
usage:      db "Usage: touch [-c] FILE...", 10
            db "Update the modification time of each FILE to the current time.", 10
            db "A FILE that does not exist is created empty.", 10, 10
            db "  -c     do not create any files", 10, 0

section .bss
nocreate:   resb 1
st:         resb STAT_SIZE
