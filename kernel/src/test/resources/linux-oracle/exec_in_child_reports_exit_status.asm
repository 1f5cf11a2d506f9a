; exec_in_child_reports_exit_status: a forked child execs exec_target; the parent's waitpid sees the same pid and the new image's exit status.
%include "oracle.inc"
section .data
path:   db "./exec_target", 0
a0:     db "exec_target", 0
a1:     db "from-child", 0
argv:   dd a0, a1, 0
envp:   dd 0
section .bss
pid:    resd 1
status: resd 1
section .text
global _start
_start:
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent
        SYSCALL3 SYS_execve, path, argv, envp
        SHOW "child: execve returned ", eax
        EXIT 1
.parent:
        mov [pid], eax
        SYSCALL3 SYS_waitpid, -1, status, 0
        cmp eax, [pid]
        YES_IF je, "parent: waitpid returned the forked pid: "
        SHOWX "parent: status=", [status]
        EXIT 0
