; hostname [NAME]: prints the host's name; with NAME, sets it (root only).
%include "lib.inc"
%include "util.inc"

SYS_SETHOSTNAME equ 74

main:
        push ebp
        mov ebp, esp
        push ebx
        push usage
        push dword [ebp+12]
        push dword [ebp+8]
        call util_help
        add esp, 12
.opt:   push optstring
        push dword [ebp+12]
        push dword [ebp+8]
        call getopt
        add esp, 12
        cmp eax, -1
        je .args
        mov eax, 2
        jmp .out
.args:  mov eax, [optind]
        cmp eax, [ebp+8]
        jl .set
        push uts
        call uname
        add esp, 4
        test eax, eax
        jnz .fail
        push uts+UTS_NODENAME
        call puts
        add esp, 4
        xor eax, eax
        jmp .out
.set:   mov ecx, [ebp+12]
        mov ebx, [ecx+eax*4]
        push ebx
        call strlen
        add esp, 4
        mov ecx, eax
        mov eax, SYS_SETHOSTNAME
        int 0x80
        test eax, eax
        jz .out
        neg eax
        mov [errno], eax
.fail:  push dword [util_prog]
        call perror
        add esp, 4
        mov eax, 1
.out:   pop ebx
        pop ebp
        ret

section .rodata
optstring:  db "", 0
usage:      db "Usage: hostname [NAME]", 10
            db "Print the name of the host; with NAME, set it (as root).", 10, 0

section .bss
uts:        resb UTSNAME_SIZE
