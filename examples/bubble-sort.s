; bubble-sort.s — sort ten numbers in place with bubble sort and print them.
;
;   ./ringos run --bare examples/bubble-sort.s


section .data
numbers: dd 42, 7, 19, 3, 88, 1, 56, 23, 11, 64
COUNT    equ ($ - numbers) / 4

section .text
global _start
_start:
        mov ecx, COUNT - 1      ; pairs to compare in this pass
.pass:
        mov esi, 0              ; index of the pair's first element
        mov ebx, 0              ; swapped anything in this pass?
.compare:
        mov eax, [numbers + esi*4]
        mov edx, [numbers + esi*4 + 4]
        cmp eax, edx
        jle .ordered
        mov [numbers + esi*4], edx
        mov [numbers + esi*4 + 4], eax
        mov ebx, 1
.ordered:
        inc esi
        cmp esi, ecx
        jb .compare
        test ebx, ebx           ; no swaps: sorted already
        jz .sorted
        dec ecx
        jnz .pass

.sorted:
        mov esi, 0
.each:
        test esi, esi           ; a space before every number but the first
        jz .number
        mov al, ' '
        call put_char
.number:
        mov eax, [numbers + esi*4]
        call print_decimal
        inc esi
        cmp esi, COUNT
        jb .each
        mov al, 10
        call put_char
        mov eax, 0
        hlt

%include "console.inc"
