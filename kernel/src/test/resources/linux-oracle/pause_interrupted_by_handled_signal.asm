; pause_interrupted_by_handled_signal: pause() in a child returns -4 (EINTR) after a caught SIGUSR1 (the parent keeps sending until the child exits).
%include "oracle.inc"
section .data
act:    dd handler, 0, 0, 0
section .bss
pid:    resd 1
status: resd 1
section .text
global _start
handler:
        ret
_start:
        SYSCALL3 SYS_sigaction, SIGUSR1, act, 0
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent
        mov eax, SYS_pause
        int 0x80
        SHOW "child: pause() = ", eax
        EXIT 4
.parent:
        mov [pid], eax
.again: SYSCALL2 SYS_kill, [pid], SIGUSR1      ; until the child has left pause
        SYSCALL3 SYS_waitpid, [pid], status, WNOHANG
        cmp eax, [pid]
        je .done
        mov eax, SYS_sched_yield
        int 0x80
        jmp .again
.done:  SHOWX "parent: child status=", [status]
        EXIT 0
