; sigterm_ignored_with_sig_ign: SIG_IGN makes SIGTERM harmless and not pending; blocked+ignored stays pending until SIG_IGN is set again.
%include "oracle.inc"
section .data
set:    dd 1 << (SIGTERM-1)
section .bss
me:     resd 1
pend:   resd 2
section .text
global _start
_start:
        mov eax, SYS_getpid
        int 0x80
        mov [me], eax
        SYSCALL2 SYS_signal, SIGTERM, SIG_IGN
        SHOW "signal(SIGTERM, SIG_IGN) = ", eax
        SYSCALL2 SYS_kill, [me], SIGTERM
        SHOW "kill(self, SIGTERM) = ", eax
        PRINTLN "still alive: yes"
        SYSCALL2 SYS_rt_sigpending, pend, 8
        SHOWX "pending = ", [pend]
        SYSCALL3 SYS_sigprocmask, SIG_BLOCK, set, 0
        SYSCALL2 SYS_kill, [me], SIGTERM
        SYSCALL2 SYS_rt_sigpending, pend, 8
        SHOWX "blocked and ignored: pending = ", [pend]
        SYSCALL2 SYS_signal, SIGTERM, SIG_IGN
        SHOW "signal(SIGTERM, SIG_IGN) again = ", eax
        SYSCALL2 SYS_rt_sigpending, pend, 8
        SHOWX "pending after setting SIG_IGN again = ", [pend]
        SYSCALL3 SYS_sigprocmask, SIG_UNBLOCK, set, 0
        PRINTLN "unblocked, still alive: yes"
        SYSCALL2 SYS_signal, SIGTERM, SIG_DFL
        SHOW "signal(SIGTERM, SIG_DFL) = ", eax
        EXIT 0
