; cow_write_invisible_to_parent: after fork, writes to .data/.bss/stack in one process are invisible to the other, both ways.
%include "oracle.inc"
section .data
global_d: dd 1
sigset:   dd 1 << (SIGUSR1-1)
section .bss
global_b: resd 1
pid:      resd 1
status:   resd 1
pending:  resd 2
section .text
global _start
_start:
        mov dword [global_b], 100
        push dword 1000                 ; a stack variable at [ebp]
        mov ebp, esp
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent1
        mov dword [global_d], 2         ; child 1 writes everything
        mov dword [global_b], 200
        mov dword [ebp], 2000
        SHOW "child 1 wrote .data=", [global_d]
        EXIT 0
.parent1:
        mov [pid], eax
        SYSCALL3 SYS_waitpid, [pid], status, 0
        SHOW "parent after child 1: .data=", [global_d]
        SHOW "parent after child 1: .bss=", [global_b]
        SHOW "parent after child 1: stack=", [ebp]
        ; the other way: child 2 waits (SIGUSR1 blocked, polled with rt_sigpending) while the parent writes
        SYSCALL3 SYS_sigprocmask, SIG_BLOCK, sigset, 0
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent2
.poll:  mov eax, SYS_rt_sigpending
        mov ebx, pending
        mov ecx, 8
        int 0x80
        test dword [pending], 1 << (SIGUSR1-1)
        jnz .told
        mov eax, SYS_sched_yield
        int 0x80
        jmp .poll
.told:  SHOW "child 2 after parent's writes: .data=", [global_d]
        SHOW "child 2 after parent's writes: .bss=", [global_b]
        SHOW "child 2 after parent's writes: stack=", [ebp]
        EXIT 0
.parent2:
        mov [pid], eax
        mov dword [global_d], 3
        mov dword [global_b], 300
        mov dword [ebp], 3000
        SYSCALL2 SYS_kill, [pid], SIGUSR1
        SYSCALL3 SYS_waitpid, [pid], status, 0
        SHOW "parent wrote .data=", [global_d]
        SHOWX "child 2 status=", [status]
        EXIT 0
