; fork_returns_zero_in_child: fork gives 0 to the child and the child's pid to the parent; getppid/getpid agree.
%include "oracle.inc"
section .bss
parent: resd 1
pid:    resd 1
status: resd 1
section .text
global _start
_start:
        mov eax, SYS_getpid
        int 0x80
        mov [parent], eax
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent
        cmp eax, 0
        YES_IF je, "child: fork returned 0: "
        mov eax, SYS_getppid
        int 0x80
        cmp eax, [parent]
        YES_IF je, "child: getppid() == parent's getpid(): "
        mov eax, SYS_getpid
        int 0x80
        cmp eax, [parent]
        YES_IF jne, "child: getpid() != parent's getpid(): "
        and eax, 0x7f
        mov ebx, eax            ; exit with the low bits of the pid, for the parent to compare
        call do_exit
.parent:
        mov [pid], eax
        SYSCALL3 SYS_waitpid, [pid], status, 0     ; the child prints first
        cmp eax, [pid]
        YES_IF je, "parent: waitpid(pid) returned pid: "
        mov eax, [pid]
        cmp eax, 0
        YES_IF jg, "parent: fork returned > 0: "
        cmp eax, [parent]
        YES_IF jne, "parent: fork result != own pid: "
        mov eax, [status]
        shr eax, 8
        mov ebx, [pid]
        and ebx, 0x7f
        cmp eax, ebx
        YES_IF je, "parent: child's exit status == pid & 0x7f: "
        mov eax, SYS_getpid
        int 0x80
        cmp eax, [parent]
        YES_IF je, "parent: getpid() unchanged: "
        mov eax, SYS_sched_yield
        int 0x80
        SHOW "sched_yield() = ", eax
        EXIT 0
