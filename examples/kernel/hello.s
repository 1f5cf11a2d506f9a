; hello.s — hello world for ring 3 under the ringos kernel, exactly as for 32-bit Linux:
; write(1, message, length), then exit(0), both through int 0x80.
;
;   ./ringos run examples/kernel/hello.s
;   ./ringos run --strace examples/kernel/hello.s

SYS_EXIT  equ 1
SYS_WRITE equ 4
STDOUT    equ 1

section .text
global _start
_start:
        mov eax, SYS_WRITE
        mov ebx, STDOUT
        mov ecx, message
        mov edx, length
        int 0x80
        mov eax, SYS_EXIT
        xor ebx, ebx
        int 0x80

section .data
message: db "Hello from ring 3!", 10
length   equ $ - message
