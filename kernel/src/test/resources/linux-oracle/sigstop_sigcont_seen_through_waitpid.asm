; sigstop_sigcont_seen_through_waitpid: a looping child stopped (WUNTRACED, 0x137f), continued (WCONTINUED, 0xffff), then killed (0x9).
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
.loop:  jmp .loop                       ; the child just runs
.parent:
        mov [pid], eax
        SYSCALL2 SYS_kill, [pid], SIGSTOP
        SHOW "kill(child, SIGSTOP) = ", eax
        SYSCALL3 SYS_waitpid, [pid], status, WUNTRACED
        cmp eax, [pid]
        YES_IF je, "waitpid(WUNTRACED) returned the pid: "
        SHOWX "stopped status=", [status]
        SYSCALL3 SYS_waitpid, [pid], status, WNOHANG | WUNTRACED
        SHOW "waitpid(WNOHANG|WUNTRACED) again = ", eax
        SYSCALL2 SYS_kill, [pid], SIGCONT
        SHOW "kill(child, SIGCONT) = ", eax
        SYSCALL3 SYS_waitpid, [pid], status, WCONTINUED
        cmp eax, [pid]
        YES_IF je, "waitpid(WCONTINUED) returned the pid: "
        SHOWX "continued status=", [status]
        SYSCALL3 SYS_waitpid, [pid], status, WNOHANG | WUNTRACED | WCONTINUED
        SHOW "waitpid(WNOHANG|WUNTRACED|WCONTINUED) again = ", eax
        SYSCALL2 SYS_kill, [pid], SIGKILL
        SHOW "kill(child, SIGKILL) = ", eax
        SYSCALL3 SYS_waitpid, [pid], status, 0
        cmp eax, [pid]
        YES_IF je, "waitpid(0) returned the pid: "
        SHOWX "killed status=", [status]
        EXIT 0
