; signal_blocked_during_own_handler: raising a signal inside its own handler waits until the handler returns, unless SA_NODEFER.
%include "oracle.inc"
section .data
act1:   dd handler, 0, 0, 0
act2:   dd handler, 0, SA_NODEFER, 0
section .bss
me:     resd 1
depth:  resd 1
count:  resd 1
section .text
global _start
handler:
        mov ecx, [esp+4]
        inc dword [depth]
        inc dword [count]
        PRINT "enter: signal "
        mov eax, ecx
        call print_dec
        SHOW " depth ", [depth]
        cmp dword [count], 1            ; the first delivery of each round raises again
        jne .out
        PRINTLN "raising the same signal inside the handler"
        mov eax, SYS_kill
        mov ebx, [me]
        int 0x80                        ; ecx = the signal
        PRINTLN "back in the first handler"
.out:   SHOW "leave: depth ", [depth]
        dec dword [depth]
        ret
_start:
        mov eax, SYS_getpid
        int 0x80
        mov [me], eax
        SYSCALL3 SYS_sigaction, SIGUSR1, act1, 0
        SYSCALL2 SYS_kill, [me], SIGUSR1
        SHOW "main: deliveries of SIGUSR1: ", [count]
        mov dword [count], 0
        SYSCALL3 SYS_sigaction, SIGUSR2, act2, 0
        SYSCALL2 SYS_kill, [me], SIGUSR2
        SHOW "main: deliveries of SIGUSR2 (SA_NODEFER): ", [count]
        EXIT 0
