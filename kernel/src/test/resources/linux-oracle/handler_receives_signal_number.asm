; handler_receives_signal_number: one handler installed for several signals sees each one's number at [esp+4].
%include "oracle.inc"
section .data
act:    dd handler, 0, 0, 0
sigs:   dd SIGHUP, SIGINT, SIGUSR1, SIGUSR2, SIGTERM, SIGCHLD, SIGCONT, SIGSEGV
nsigs   equ ($ - sigs) / 4
section .bss
me:     resd 1
section .text
global _start
handler:
        mov eax, [esp+4]
        SHOW "handler got signal ", eax
        ret
_start:
        mov eax, SYS_getpid
        int 0x80
        mov [me], eax
        mov edi, 0
.next:  cmp edi, nsigs
        je .done
        SYSCALL3 SYS_sigaction, [sigs+edi*4], act, 0
        PRINT "raising "
        mov eax, [sigs+edi*4]
        call print_dec
        call print_nl
        SYSCALL2 SYS_kill, [me], [sigs+edi*4]
        inc edi
        jmp .next
.done:  EXIT 0
