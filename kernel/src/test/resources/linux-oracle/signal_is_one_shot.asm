; signal_is_one_shot: Linux's signal() has SysV semantics (SA_ONESHOT|SA_NOMASK): the second SIGUSR1 finds SIG_DFL and kills.
%include "oracle.inc"
section .bss
me:     resd 1
old:    resd 4
section .text
global _start
handler:
        mov eax, [esp+4]
        SHOW "handler: signal ", eax
        ret
_start:
        mov eax, SYS_getpid
        int 0x80
        mov [me], eax
        SYSCALL2 SYS_signal, SIGUSR1, handler
        SYSCALL3 SYS_sigaction, SIGUSR1, 0, old
        cmp dword [old], handler
        YES_IF je, "installed: "
        SHOWX "flags: ", [old+8]
        PRINTLN "raising SIGUSR1 once"
        SYSCALL2 SYS_kill, [me], SIGUSR1
        SYSCALL3 SYS_sigaction, SIGUSR1, 0, old
        SHOWX "handler after delivery: ", [old]
        PRINTLN "raising SIGUSR1 again"
        SYSCALL2 SYS_kill, [me], SIGUSR1
        PRINTLN "survived (wrong)"
        EXIT 1
