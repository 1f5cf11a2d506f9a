; hello.s — the smallest ringos program: print a line on the console, then halt.
;
;   ./ringos run --bare examples/hello.s
;
; On the bare machine there is no kernel: the program runs in ring 0 with paging off, writes
; bytes to the console's data port with `out`, and stops with `hlt`. The exit status of
; `ringos run --bare` is the value of al at that moment.

CONSOLE equ 0x3F8               ; the console's data port (COM1)

section .text
global _start
_start:
        mov esi, message        ; the next byte to print
        mov ecx, length         ; how many are left
        mov dx, CONSOLE
.next:
        mov al, [esi]
        out dx, al
        inc esi
        dec ecx
        jnz .next
        mov eax, 0              ; exit status
        hlt

section .rodata
message: db "Hello from ring 0!", 10
length   equ $ - message
