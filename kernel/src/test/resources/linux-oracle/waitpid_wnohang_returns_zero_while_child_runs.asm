; waitpid_wnohang_returns_zero_while_child_runs: WNOHANG gives 0 and leaves *status alone while the child lives; then SIGKILL, status 0x9.
%include "oracle.inc"
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
.loop:  mov eax, SYS_pause              ; the child waits for ever
        int 0x80
        jmp .loop
.parent:
        mov [pid], eax
        mov dword [status], 0x12345678
        SYSCALL3 SYS_waitpid, [pid], status, WNOHANG
        SHOW "waitpid(child, WNOHANG) = ", eax
        SHOWX "status left as ", [status]
        SYSCALL3 SYS_waitpid, -1, status, WNOHANG
        SHOW "waitpid(-1, WNOHANG) = ", eax
        SYSCALL2 SYS_kill, [pid], SIGKILL
        SHOW "kill(child, SIGKILL) = ", eax
        SYSCALL3 SYS_waitpid, [pid], status, 0
        cmp eax, [pid]
        YES_IF je, "waitpid(child, 0) returned the pid: "
        SHOWX "status=", [status]
        EXIT 0
