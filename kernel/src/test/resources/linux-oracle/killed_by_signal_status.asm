; killed_by_signal_status: children killed by default-action signals have wait status == the signal number.
%include "oracle.inc"
section .data
sigs:   dd SIGHUP, SIGINT, SIGKILL, SIGUSR1, SIGUSR2, SIGTERM
nsigs   equ ($ - sigs) / 4
section .bss
pid:    resd 1
status: resd 1
section .text
global _start
_start:
        mov edi, 0
.next:  cmp edi, nsigs
        je .others
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent
        mov eax, SYS_getpid             ; the child signals itself
        int 0x80
        mov ebx, eax
        mov ecx, [sigs+edi*4]
        mov eax, SYS_kill
        int 0x80
        EXIT 99
.parent:
        mov [pid], eax
        SYSCALL3 SYS_waitpid, [pid], status, 0
        PRINT "child raised "
        mov eax, [sigs+edi*4]
        call print_dec
        SHOWX ": status=", [status]
        inc edi
        jmp .next
.others:                                ; the parent signals a pausing child
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent2
.loop:  mov eax, SYS_pause
        int 0x80
        jmp .loop
.parent2:
        mov [pid], eax
        SYSCALL2 SYS_kill, [pid], SIGTERM
        SYSCALL3 SYS_waitpid, [pid], status, 0
        SHOWX "parent sent 15 to a pausing child: status=", [status]
        EXIT 0
