; echo.s — prints its arguments, as echo does: the kernel lays out argc, argv[] and envp[] on
; the stack as the SysV i386 ABI says ([esp] argc, [esp+4] argv[0], …).
;
;   ./ringos run examples/kernel/echo.s one two "three four"

SYS_EXIT  equ 1
SYS_WRITE equ 4

section .text
global _start
_start:
        mov esi, [esp]              ; argc
        lea edi, [esp+8]            ; &argv[1]
        dec esi
        jz .newline
.next:
        mov ecx, [edi]              ; this argument
        call print
        add edi, 4
        dec esi
        jz .newline
        mov ecx, space
        call print
        jmp .next
.newline:
        mov ecx, newline
        call print
        mov eax, SYS_EXIT
        xor ebx, ebx
        int 0x80

; print the NUL-terminated string at ecx on stdout
print:
        mov edx, ecx
.len:   cmp byte [edx], 0
        je .write
        inc edx
        jmp .len
.write: sub edx, ecx
        mov eax, SYS_WRITE
        mov ebx, 1
        int 0x80
        ret

section .data
space:   db " ", 0
newline: db 10, 0
