; waitpid_bad_status_pointer_gives_efault: waitpid with a kernel-space status pointer returns -14 (and the child is reaped anyway); NULL status is fine.
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
        EXIT 7
.parent:
        mov [pid], eax
        SYSCALL3 SYS_waitpid, [pid], KERNEL_ADDR, 0
        SHOW "waitpid(child, 0xc0000000, 0) = ", eax
        SYSCALL3 SYS_waitpid, [pid], status, WNOHANG
        SHOW "waitpid(child, &status, WNOHANG) afterwards = ", eax
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent2
        EXIT 8
.parent2:
        mov [pid], eax
        SYSCALL3 SYS_waitpid, [pid], 0, 0
        cmp eax, [pid]
        YES_IF je, "waitpid(child, NULL, 0) returned the pid: "
        EXIT 0
