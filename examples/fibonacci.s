; fibonacci.s — print the first 20 Fibonacci numbers, one per line.
;
;   ./ringos run --bare examples/fibonacci.s

COUNT   equ 20

section .text
global _start
_start:
        mov esi, 0              ; F(n)
        mov edi, 1              ; F(n+1)
        mov ebx, COUNT
.loop:
        mov eax, esi
        call print_decimal
        mov al, 10
        call put_char
        mov eax, esi            ; F(n+2) = F(n) + F(n+1)
        add eax, edi
        mov esi, edi
        mov edi, eax
        dec ebx
        jnz .loop
        mov eax, 0
        hlt

%include "console.inc"
