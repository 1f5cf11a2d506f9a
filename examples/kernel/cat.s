; cat.s — copies each file named on the command line to stdout, or stdin when there is none,
; as cat does; a file it cannot open is reported on stderr and makes the exit status 1.
;
;   ./ringos run --mount .:/host examples/kernel/cat.s /host/README.md
;   echo hello | ./ringos run examples/kernel/cat.s

SYS_EXIT  equ 1
SYS_READ  equ 3
SYS_WRITE equ 4
SYS_OPEN  equ 5
SYS_CLOSE equ 6

section .text
global _start
_start:
        mov esi, [esp]              ; argc
        lea edi, [esp+8]            ; &argv[1]
        xor ebp, ebp                ; exit status
        dec esi
        jnz .files
        xor ebx, ebx                ; no arguments: stdin
        call copy
        jmp .exit
.files:
        mov eax, SYS_OPEN
        mov ebx, [edi]
        xor ecx, ecx                ; O_RDONLY
        int 0x80
        test eax, eax
        js .cannot
        mov ebx, eax
        call copy
        mov eax, SYS_CLOSE
        int 0x80
        jmp .next
.cannot:
        mov ebp, 1
        mov ecx, cannot
        mov edx, cannot_len
        call complain
        mov ecx, [edi]
        call strlen
        call complain
        mov ecx, newline
        mov edx, 1
        call complain
.next:
        add edi, 4
        dec esi
        jnz .files
.exit:
        mov eax, SYS_EXIT
        mov ebx, ebp
        int 0x80

; copy: reads fd ebx until end of file, writing everything to stdout
copy:
        push ebx
.more:
        mov eax, SYS_READ
        mov ecx, buffer
        mov edx, 4096
        int 0x80
        test eax, eax
        jle .done
        mov edx, eax
        mov eax, SYS_WRITE
        mov ebx, 1
        int 0x80
        mov ebx, [esp]
        jmp .more
.done:
        pop ebx
        ret

; complain: writes edx bytes at ecx to stderr
complain:
        mov eax, SYS_WRITE
        mov ebx, 2
        int 0x80
        ret

; strlen: edx = length of the NUL-terminated string at ecx
strlen:
        xor edx, edx
.count: cmp byte [ecx+edx], 0
        je .end
        inc edx
        jmp .count
.end:   ret

section .data
cannot:     db "cat: cannot open "
cannot_len  equ $ - cannot
newline:    db 10

section .bss
buffer:     resb 4096
