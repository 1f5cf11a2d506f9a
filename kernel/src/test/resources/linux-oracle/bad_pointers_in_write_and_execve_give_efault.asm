; bad_pointers_in_write_and_execve_give_efault: write and execve given NULL or kernel-space pointers return -14.
%include "oracle.inc"
section .data
path:   db "./exec_target", 0
argv:   dd path, 0
badarg: dd path, KERNEL_ADDR, 0
envp:   dd 0
section .text
global _start
_start:
        SYSCALL3 SYS_write, 1, 0, 5
        SHOW "write(1, NULL, 5) = ", eax
        SYSCALL3 SYS_write, 1, KERNEL_ADDR, 5
        SHOW "write(1, 0xc0000000, 5) = ", eax
        SYSCALL3 SYS_write, 1, KERNEL_ADDR-2, 5
        SHOW "write(1, 0xbffffffe, 5) = ", eax
        SYSCALL3 SYS_execve, 0, argv, envp
        SHOW "execve(NULL, argv, envp) = ", eax
        SYSCALL3 SYS_execve, KERNEL_ADDR, argv, envp
        SHOW "execve(0xc0000000, argv, envp) = ", eax
        SYSCALL3 SYS_execve, path, KERNEL_ADDR, envp
        SHOW "execve(path, 0xc0000000, envp) = ", eax
        SYSCALL3 SYS_execve, path, argv, KERNEL_ADDR
        SHOW "execve(path, argv, 0xc0000000) = ", eax
        SYSCALL3 SYS_execve, path, badarg, envp
        SHOW "execve(path, {path, 0xc0000000}, envp) = ", eax
        PRINTLN "still running: yes"
        EXIT 0
