; zombie_until_waited: an exited child stays a zombie (kill(pid, 0) == 0) until waited for, then kill gives -3.
%include "oracle.inc"
section .data
act:    dd on_chld, 0, 0, 0             ; old struct sigaction: handler, mask, flags, restorer
section .bss
got:    resd 1
pid:    resd 1
status: resd 1
section .text
global _start
on_chld:
        mov dword [got], 1
        ret
_start:
        SYSCALL3 SYS_sigaction, SIGCHLD, act, 0
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent
        EXIT 7
.parent:
        mov [pid], eax
.spin:  cmp dword [got], 0              ; SIGCHLD says the child has exited
        jne .exited
        mov eax, SYS_sched_yield
        int 0x80
        jmp .spin
.exited:
        SYSCALL2 SYS_kill, [pid], 0
        SHOW "kill(zombie, 0) before wait = ", eax
        SYSCALL2 SYS_kill, [pid], SIGKILL
        SHOW "kill(zombie, SIGKILL) before wait = ", eax
        SYSCALL3 SYS_waitpid, [pid], status, 0
        cmp eax, [pid]
        YES_IF je, "waitpid returned the pid: "
        SHOWX "status=", [status]
        SYSCALL2 SYS_kill, [pid], 0
        SHOW "kill(pid, 0) after wait = ", eax
        SYSCALL3 SYS_waitpid, [pid], status, 0
        SHOW "waitpid(pid) again = ", eax
        EXIT 0
