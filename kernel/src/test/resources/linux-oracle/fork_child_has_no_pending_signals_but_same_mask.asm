; fork_child_has_no_pending_signals_but_same_mask: the child inherits the blocked mask and handlers but not the parent's pending signals.
%include "oracle.inc"
section .data
act:    dd handler, 0, 0, 0
set:    dd 1 << (SIGUSR1-1)
section .bss
me:     resd 1
pid:    resd 1
status: resd 1
cur:    resd 1
pend:   resd 2
old:    resd 4
section .text
global _start
handler:
        PRINTLN "handler ran"
        ret
_start:
        mov eax, SYS_getpid
        int 0x80
        mov [me], eax
        SYSCALL3 SYS_sigaction, SIGUSR1, act, 0
        SYSCALL3 SYS_sigprocmask, SIG_BLOCK, set, 0
        SYSCALL2 SYS_kill, [me], SIGUSR1
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent
        SYSCALL2 SYS_rt_sigpending, pend, 8
        SHOWX "child: pending = ", [pend]
        SYSCALL3 SYS_sigprocmask, SIG_BLOCK, 0, cur
        SHOWX "child: mask = ", [cur]
        SYSCALL3 SYS_sigaction, SIGUSR1, 0, old
        cmp dword [old], handler
        YES_IF je, "child: handler inherited: "
        SYSCALL3 SYS_sigprocmask, SIG_UNBLOCK, set, 0
        PRINTLN "child: unblocked"
        EXIT 0
.parent:
        mov [pid], eax
        SYSCALL3 SYS_waitpid, [pid], status, 0
        SYSCALL2 SYS_rt_sigpending, pend, 8
        SHOWX "parent: pending = ", [pend]
        SYSCALL3 SYS_sigprocmask, SIG_UNBLOCK, set, 0
        PRINTLN "parent: unblocked"
        EXIT 0
