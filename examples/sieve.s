; sieve.s — the sieve of Eratosthenes: print the primes below 100.
;
;   ./ringos run --bare examples/sieve.s

LIMIT   equ 100

section .bss
composite: resb LIMIT           ; composite[n] = 1 once n is crossed out

section .text
global _start
_start:
        mov ecx, 2              ; n
.outer:
        mov eax, ecx
        imul eax, ecx           ; start crossing out at n*n
        cmp eax, LIMIT
        jae .print
        cmp byte [composite + ecx], 0
        jne .next
.mark:
        mov byte [composite + eax], 1
        add eax, ecx
        cmp eax, LIMIT
        jb .mark
.next:
        inc ecx
        jmp .outer

.print:
        mov ebx, 2              ; n
        mov edi, 0              ; primes printed so far
.each:
        cmp byte [composite + ebx], 0
        jne .skip
        test edi, edi           ; a space before every prime but the first
        jz .number
        mov al, ' '
        call put_char
.number:
        mov eax, ebx
        call print_decimal
        inc edi
.skip:
        inc ebx
        cmp ebx, LIMIT
        jb .each
        mov al, 10
        call put_char
        mov eax, edi            ; exit status: how many primes (25)
        hlt

%include "console.inc"
