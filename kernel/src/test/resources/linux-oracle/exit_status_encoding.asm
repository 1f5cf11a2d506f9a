; exit_status_encoding: exit(n)/exit_group(n) show up in the wait status as (n & 0xff) << 8.
%include "oracle.inc"
section .data
codes:  dd 0, 1, 42, 127, 128, 255, 256, 257, -1, 0x12345678
ncodes  equ ($ - codes) / 4
section .bss
pid:    resd 1
status: resd 1
section .text
global _start
_start:
        mov edi, 0
.next:  cmp edi, ncodes
        je .done
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent
        mov ebx, [codes+edi*4]
        mov eax, SYS_exit               ; even children use exit, odd ones exit_group
        test edi, 1
        jz .go
        mov eax, SYS_exit_group
.go:    int 0x80
.parent:
        mov [pid], eax
        mov eax, SYS_wait4              ; wait4(pid, &status, 0, NULL)
        mov ebx, [pid]
        mov ecx, status
        mov edx, 0
        mov esi, 0
        int 0x80
        cmp eax, [pid]
        jne .bad
        PRINT "exit("
        mov eax, [codes+edi*4]
        call print_dec
        SHOWX "): status=", [status]
        inc edi
        jmp .next
.bad:   SHOW "wait4 returned ", eax
.done:  EXIT 0
