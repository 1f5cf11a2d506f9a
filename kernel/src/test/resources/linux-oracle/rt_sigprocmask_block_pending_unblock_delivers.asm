; rt_sigprocmask_block_pending_unblock_delivers: rt_sigprocmask(175) blocks, SIGKILL/SIGSTOP cannot be blocked, pending signals arrive on unblock in order.
%include "oracle.inc"
section .data
act:    dd handler, 0, 0, 0, 0
all:    dd 0xffffffff, 0xffffffff
two:    dd (1 << (SIGUSR1-1)) | (1 << (SIGUSR2-1)), 0
none:   dd 0, 0
section .bss
me:     resd 1
cur:    resd 2
pend:   resd 2
section .text
global _start
handler:
        mov eax, [esp+4]
        SHOW "handler: signal ", eax
        ret
rt_mask:                                ; rt_sigprocmask(ebx=how, ecx=set, cur, 8)
        mov eax, SYS_rt_sigprocmask
        mov edx, cur
        mov esi, 8
        int 0x80
        ret
_start:
        mov eax, SYS_getpid
        int 0x80
        mov [me], eax
        mov eax, SYS_rt_sigaction
        mov ebx, SIGUSR1
        mov ecx, act
        mov edx, 0
        mov esi, 8
        int 0x80
        mov eax, SYS_rt_sigaction
        mov ebx, SIGUSR2
        int 0x80
        mov ebx, SIG_SETMASK
        mov ecx, all
        call rt_mask
        SHOW "rt_sigprocmask(SIG_SETMASK, all) = ", eax
        mov ebx, SIG_BLOCK
        mov ecx, 0
        call rt_mask
        SHOWX "mask low word = ", [cur]
        SHOWX "mask high word = ", [cur+4]
        mov ebx, SIG_SETMASK
        mov ecx, two
        call rt_mask
        SYSCALL2 SYS_kill, [me], SIGUSR2
        SYSCALL2 SYS_kill, [me], SIGUSR1
        SYSCALL2 SYS_rt_sigpending, pend, 8
        SHOWX "pending = ", [pend]
        PRINTLN "unblocking both"
        mov ebx, SIG_SETMASK
        mov ecx, none
        call rt_mask
        SHOW "rt_sigprocmask(SIG_SETMASK, none) = ", eax
        mov eax, SYS_rt_sigprocmask
        mov ebx, SIG_BLOCK
        mov ecx, two
        mov edx, 0
        mov esi, 4
        int 0x80
        SHOW "rt_sigprocmask with sigsetsize 4 = ", eax
        mov ebx, 3
        mov ecx, two
        call rt_mask
        SHOW "rt_sigprocmask(how=3) = ", eax
        SYSCALL2 SYS_rt_sigpending, pend, 4
        SHOW "rt_sigpending with sigsetsize 4 = ", eax
        EXIT 0
