; sigchld_delivered_to_parent: a child's exit sends SIGCHLD (17) to the parent's handler; the child stays waitable.
%include "oracle.inc"
section .data
act:    dd handler, 0, 0, 0
section .bss
got:    resd 1
pid:    resd 1
status: resd 1
section .text
global _start
handler:
        mov eax, [esp+4]
        mov [got], eax
        ret
_start:
        SYSCALL3 SYS_sigaction, SIGCHLD, act, 0
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent
        PRINTLN "child: exiting with 3"
        EXIT 3
.parent:
        mov [pid], eax
.spin:  cmp dword [got], 0
        jne .got
        mov eax, SYS_sched_yield
        int 0x80
        jmp .spin
.got:   SHOW "parent: handler got signal ", [got]
        SYSCALL3 SYS_waitpid, [pid], status, 0
        cmp eax, [pid]
        YES_IF je, "parent: waitpid returned the pid: "
        SHOWX "parent: status=", [status]
        EXIT 0
