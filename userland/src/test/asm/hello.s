%include "lib.inc"

main:
        push dword 42
        push name
        push format
        call printf
        add esp, 12
        xor eax, eax
        ret

section .rodata
format: db "hello, %s %d", 10, 0
name:   db "world", 0
