; show_signal_dispositions: exec target that prints SIGHUP/SIGUSR1/SIGUSR2/SIGTERM dispositions, the blocked mask and pending set.
%include "oracle.inc"
section .data
sigs:   dd SIGHUP, SIGUSR1, SIGUSR2, SIGTERM
nsigs   equ ($ - sigs) / 4
section .bss
old:    resd 4
cur:    resd 1
pend:   resd 2
section .text
global _start
_start:
        mov edi, 0
.next:  cmp edi, nsigs
        je .masks
        SYSCALL3 SYS_sigaction, [sigs+edi*4], 0, old
        PRINT "signal "
        mov eax, [sigs+edi*4]
        call print_dec
        cmp dword [old], SIG_DFL
        je .dfl
        cmp dword [old], SIG_IGN
        je .ign
        PRINTLN ": handler"
        jmp .step
.dfl:   PRINTLN ": default"
        jmp .step
.ign:   PRINTLN ": ignored"
.step:  inc edi
        jmp .next
.masks: SYSCALL3 SYS_sigprocmask, SIG_BLOCK, 0, cur
        SHOWX "blocked = ", [cur]
        SYSCALL2 SYS_rt_sigpending, pend, 8
        SHOWX "pending = ", [pend]
        EXIT 0
