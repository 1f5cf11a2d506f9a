; pipe.s — a parent sends a line to its child through a pipe; the child reads until end of
; file and echoes what arrived, then the parent waits for it. Both ends are closed where
; they are not used: the child sees end of file only once every write end is closed.
;
;   ./ringos run --strace examples/kernel/pipe.s

SYS_EXIT    equ 1
SYS_FORK    equ 2
SYS_READ    equ 3
SYS_WRITE   equ 4
SYS_CLOSE   equ 6
SYS_WAITPID equ 7
SYS_PIPE    equ 42

section .text
global _start
_start:
        mov eax, SYS_PIPE
        mov ebx, fds                ; fds[0] read end, fds[1] write end
        int 0x80
        mov eax, SYS_FORK
        int 0x80
        test eax, eax
        jz child

        mov eax, SYS_CLOSE          ; parent: writes only
        mov ebx, [fds]
        int 0x80
        mov eax, SYS_WRITE
        mov ebx, [fds+4]
        mov ecx, message
        mov edx, message_len
        int 0x80
        mov eax, SYS_CLOSE          ; end of file for the child
        mov ebx, [fds+4]
        int 0x80
        mov eax, SYS_WAITPID
        mov ebx, -1
        xor ecx, ecx
        xor edx, edx
        int 0x80
        mov eax, SYS_EXIT
        xor ebx, ebx
        int 0x80

child:
        mov eax, SYS_CLOSE          ; child: reads only
        mov ebx, [fds+4]
        int 0x80
.more:
        mov eax, SYS_READ
        mov ebx, [fds]
        mov ecx, buffer
        mov edx, 64
        int 0x80
        test eax, eax
        jle .eof
        mov edx, eax
        mov eax, SYS_WRITE
        mov ebx, 1
        mov ecx, buffer
        int 0x80
        jmp .more
.eof:
        mov eax, SYS_EXIT
        xor ebx, ebx
        int 0x80

section .data
message:     db "through the pipe", 10
message_len  equ $ - message

section .bss
fds:         resd 2
buffer:      resb 64
