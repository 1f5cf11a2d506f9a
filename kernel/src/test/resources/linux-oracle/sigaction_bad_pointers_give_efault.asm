; sigaction_bad_pointers_give_efault: sigaction/rt_sigaction/sigprocmask/rt_sigpending with NULL-or-kernel pointers; note the action is installed even when writing oact faults.
%include "oracle.inc"
section .data
ign:    dd SIG_IGN, 0, 0, 0
section .bss
old:    resd 5
section .text
global _start
rt:     mov eax, SYS_rt_sigaction       ; rt_sigaction(ebx, ecx, edx, 8)
        mov esi, 8
        int 0x80
        ret
_start:
        SYSCALL3 SYS_sigaction, SIGUSR1, 0, 0
        SHOW "sigaction(SIGUSR1, NULL, NULL) = ", eax
        SYSCALL3 SYS_sigaction, SIGUSR1, KERNEL_ADDR, 0
        SHOW "sigaction(SIGUSR1, 0xc0000000, NULL) = ", eax
        SYSCALL3 SYS_sigaction, SIGUSR1, 0, KERNEL_ADDR
        SHOW "sigaction(SIGUSR1, NULL, 0xc0000000) = ", eax
        SYSCALL3 SYS_sigaction, SIGUSR1, 0, old
        SHOWX "SIGUSR1's handler = ", [old]
        SYSCALL3 SYS_sigaction, SIGUSR2, ign, KERNEL_ADDR
        SHOW "sigaction(SIGUSR2, SIG_IGN, 0xc0000000) = ", eax
        SYSCALL3 SYS_sigaction, SIGUSR2, 0, old
        SHOWX "SIGUSR2's handler afterwards = ", [old]
        mov ebx, SIGHUP
        mov ecx, KERNEL_ADDR
        mov edx, 0
        call rt
        SHOW "rt_sigaction(SIGHUP, 0xc0000000, NULL) = ", eax
        mov ecx, 0
        mov edx, KERNEL_ADDR
        call rt
        SHOW "rt_sigaction(SIGHUP, NULL, 0xc0000000) = ", eax
        SYSCALL3 SYS_sigprocmask, SIG_BLOCK, KERNEL_ADDR, 0
        SHOW "sigprocmask(SIG_BLOCK, 0xc0000000, NULL) = ", eax
        SYSCALL3 SYS_sigprocmask, SIG_BLOCK, 0, KERNEL_ADDR
        SHOW "sigprocmask(SIG_BLOCK, NULL, 0xc0000000) = ", eax
        mov eax, SYS_rt_sigprocmask
        mov ebx, SIG_BLOCK
        mov ecx, 0
        mov edx, 0
        mov esi, 8
        int 0x80
        SHOW "rt_sigprocmask(SIG_BLOCK, NULL, NULL) = ", eax
        mov eax, SYS_rt_sigprocmask
        mov ecx, KERNEL_ADDR
        int 0x80
        SHOW "rt_sigprocmask(SIG_BLOCK, 0xc0000000, NULL) = ", eax
        SYSCALL2 SYS_rt_sigpending, 0, 8
        SHOW "rt_sigpending(NULL) = ", eax
        SYSCALL2 SYS_rt_sigpending, KERNEL_ADDR, 8
        SHOW "rt_sigpending(0xc0000000) = ", eax
        EXIT 0
