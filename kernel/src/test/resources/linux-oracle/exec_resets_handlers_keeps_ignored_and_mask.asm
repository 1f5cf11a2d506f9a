; exec_resets_handlers_keeps_ignored_and_mask: across execve, handlers become default, SIG_IGN stays, the mask and pending signals survive.
%include "oracle.inc"
section .data
path:   db "./show_signal_dispositions", 0
argv:   dd path, 0
envp:   dd 0
act:    dd handler, 0, 0, 0
ign:    dd SIG_IGN, 0, 0, 0
set:    dd 1 << (SIGUSR2-1)
section .bss
me:     resd 1
section .text
global _start
handler:
        ret
_start:
        mov eax, SYS_getpid
        int 0x80
        mov [me], eax
        SYSCALL3 SYS_sigaction, SIGHUP, act, 0
        SYSCALL3 SYS_sigaction, SIGUSR1, ign, 0
        SYSCALL3 SYS_sigaction, SIGUSR2, act, 0
        SYSCALL3 SYS_sigprocmask, SIG_BLOCK, set, 0
        SYSCALL2 SYS_kill, [me], SIGUSR2
        PRINTLN "before exec: SIGHUP handler, SIGUSR1 ignored, SIGUSR2 handler+blocked+pending"
        SYSCALL3 SYS_execve, path, argv, envp
        SHOW "execve returned ", eax
        EXIT 1
