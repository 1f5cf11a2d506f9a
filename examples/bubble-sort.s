; bubble-sort.s — sort ten numbers in place with bubble sort and print them.
;
;   ./ringos run --bare examples/bubble-sort.s

CONSOLE equ 0x3F8

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

; print_decimal: print eax as an unsigned decimal number. Clobbers eax, ecx, edx.
print_decimal:
        push ebx
        mov ebx, 10
        mov ecx, 0
.divide:
        mov edx, 0
        div ebx
        add edx, '0'
        push edx
        inc ecx
        test eax, eax
        jnz .divide
.print:
        pop eax
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
