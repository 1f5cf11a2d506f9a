; wait_with_no_children_is_echild: waitpid/wait4 with no (more) children, or for a non-child, return -10.
%include "oracle.inc"
section .bss
pid:    resd 1
status: resd 1
section .text
global _start
_start:
        SYSCALL3 SYS_waitpid, -1, status, 0
        SHOW "waitpid(-1, 0) = ", eax
        SYSCALL3 SYS_waitpid, -1, status, WNOHANG
        SHOW "waitpid(-1, WNOHANG) = ", eax
        mov eax, SYS_wait4
        mov ebx, -1
        mov ecx, status
        mov edx, 0
        mov esi, 0
        int 0x80
        SHOW "wait4(-1, 0, NULL) = ", eax
        SYSCALL3 SYS_waitpid, 1, status, 0
        SHOW "waitpid(1, 0) = ", eax
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent
        EXIT 0
.parent:
        mov [pid], eax
        SYSCALL3 SYS_waitpid, [pid], status, 0
        cmp eax, [pid]
        YES_IF je, "first waitpid(child) returned the pid: "
        SYSCALL3 SYS_waitpid, [pid], status, 0
        SHOW "second waitpid(child) = ", eax
        SYSCALL3 SYS_waitpid, -1, status, 0
        SHOW "waitpid(-1) after reaping = ", eax
        EXIT 0
