; fibonacci.s — print the first 20 Fibonacci numbers, one per line.
;
;   ./ringos run --bare examples/fibonacci.s

CONSOLE equ 0x3F8
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

; print_decimal: print eax as an unsigned decimal number. Clobbers eax, ecx, edx.
print_decimal:
        push ebx
        mov ebx, 10
        mov ecx, 0              ; digits pushed so far
.divide:
        mov edx, 0
        div ebx                 ; eax = eax / 10, edx = the digit
        add edx, '0'
        push edx
        inc ecx
        test eax, eax
        jnz .divide
.print:
        pop eax                 ; most significant digit first
        call put_char
        dec ecx
        jnz .print
        pop ebx
        ret

; put_char: print the character in al.
put_char:
        push edx
        mov dx, CONSOLE
        out dx, al
        pop edx
        ret
