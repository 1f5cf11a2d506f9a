; sigprocmask_block_pending_unblock_delivers: a blocked SIGUSR1 stays pending (rt_sigpending) until sigprocmask(126) unblocks it, then the handler runs.
%include "oracle.inc"
section .data
act:    dd handler, 0, 0, 0
set:    dd 1 << (SIGUSR1-1)
section .bss
ran:    resd 1
me:     resd 1
oldset: resd 1
pend:   resd 2
section .text
global _start
handler:
        inc dword [ran]
        PRINTLN "handler ran"
        ret
_start:
        mov eax, SYS_getpid
        int 0x80
        mov [me], eax
        SYSCALL3 SYS_sigaction, SIGUSR1, act, 0
        SYSCALL3 SYS_sigprocmask, SIG_BLOCK, set, oldset
        SHOW "sigprocmask(SIG_BLOCK, {SIGUSR1}) = ", eax
        SHOWX "old mask = ", [oldset]
        SYSCALL2 SYS_kill, [me], SIGUSR1
        SHOW "kill(self, SIGUSR1) = ", eax
        SHOW "handler runs so far: ", [ran]
        SYSCALL2 SYS_rt_sigpending, pend, 8
        SHOWX "pending = ", [pend]
        SYSCALL3 SYS_sigprocmask, SIG_BLOCK, 0, oldset
        SHOWX "current mask = ", [oldset]
        SYSCALL2 SYS_kill, [me], SIGUSR1
        SHOW "handler runs after a second kill: ", [ran]
        PRINTLN "unblocking"
        SYSCALL3 SYS_sigprocmask, SIG_UNBLOCK, set, 0
        SHOW "sigprocmask(SIG_UNBLOCK) = ", eax
        SHOW "handler runs after unblocking: ", [ran]
        SYSCALL2 SYS_rt_sigpending, pend, 8
        SHOWX "pending = ", [pend]
        EXIT 0
