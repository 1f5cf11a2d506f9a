; sigkill_and_sigstop_cannot_be_caught: installing a handler or SIG_IGN for SIGKILL/SIGSTOP fails with -22; so do bad numbers.
%include "oracle.inc"
section .data
act:    dd handler, 0, 0, 0
ign:    dd SIG_IGN, 0, 0, 0
rtact:  dd handler, 0, 0, 0, 0
section .bss
old:    resd 4
section .text
global _start
handler:
        ret
rt_act:                                 ; rt_sigaction(ebx, rtact, NULL, esi)
        mov eax, SYS_rt_sigaction
        mov ecx, rtact
        mov edx, 0
        int 0x80
        ret
_start:
        SYSCALL3 SYS_sigaction, SIGKILL, act, 0
        SHOW "sigaction(SIGKILL, handler) = ", eax
        SYSCALL3 SYS_sigaction, SIGSTOP, act, 0
        SHOW "sigaction(SIGSTOP, handler) = ", eax
        SYSCALL3 SYS_sigaction, SIGKILL, ign, 0
        SHOW "sigaction(SIGKILL, SIG_IGN) = ", eax
        SYSCALL2 SYS_signal, SIGSTOP, handler
        SHOW "signal(SIGSTOP, handler) = ", eax
        SYSCALL2 SYS_signal, SIGKILL, SIG_IGN
        SHOW "signal(SIGKILL, SIG_IGN) = ", eax
        mov ebx, SIGKILL
        mov esi, 8
        call rt_act
        SHOW "rt_sigaction(SIGKILL, handler) = ", eax
        mov ebx, SIGSTOP
        call rt_act
        SHOW "rt_sigaction(SIGSTOP, handler) = ", eax
        mov dword [old], -1
        SYSCALL3 SYS_sigaction, SIGKILL, 0, old
        SHOW "sigaction(SIGKILL, NULL, old) = ", eax
        SHOWX "SIGKILL's handler = ", [old]
        SYSCALL3 SYS_sigaction, 0, act, 0
        SHOW "sigaction(0, handler) = ", eax
        SYSCALL3 SYS_sigaction, 65, act, 0
        SHOW "sigaction(65, handler) = ", eax
        mov ebx, 64
        call rt_act
        SHOW "rt_sigaction(64, handler) = ", eax
        mov ebx, 65
        call rt_act
        SHOW "rt_sigaction(65, handler) = ", eax
        mov ebx, SIGUSR1
        mov esi, 4
        call rt_act
        SHOW "rt_sigaction(SIGUSR1, handler, sigsetsize 4) = ", eax
        EXIT 0
