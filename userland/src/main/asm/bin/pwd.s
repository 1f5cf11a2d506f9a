; pwd: prints the working directory (-L and -P are accepted; ringos keeps no logical path).
%include "lib.inc"
%include "util.inc"

main:
        push ebp
        mov ebp, esp
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
        je .print
        cmp eax, '?'
        jne .opt
        mov eax, 2
        jmp .out
.print: push 4096
        push buf
        call getcwd
        add esp, 8
        test eax, eax
        jz .fail
        push buf
        call puts
        add esp, 4
        xor eax, eax
        jmp .out
.fail:  push dword [util_prog]
        call perror
        add esp, 4
        mov eax, 1
.out:   pop ebp
        ret

section .rodata
optstring:  db "LP", 0
usage:      db "Usage: pwd [-L|-P]", 10, "Print the full name of the working directory.", 10, 0

section .bss
buf:        resb 4096
