; kill_errors: kill with signal 0 probes, bad signal numbers give -22, missing processes and groups give -3.
%include "oracle.inc"
NOPID   equ 0x3fffffff
section .bss
me:     resd 1
section .text
global _start
_start:
        mov eax, SYS_getpid
        int 0x80
        mov [me], eax
        SYSCALL2 SYS_kill, [me], 0
        SHOW "kill(self, 0) = ", eax
        SYSCALL2 SYS_kill, 0, 0
        SHOW "kill(0, 0) = ", eax
        SYSCALL2 SYS_kill, [me], 65
        SHOW "kill(self, 65) = ", eax
        SYSCALL2 SYS_kill, [me], -1
        SHOW "kill(self, -1) = ", eax
        SYSCALL2 SYS_kill, NOPID, 0
        SHOW "kill(no such pid, 0) = ", eax
        SYSCALL2 SYS_kill, NOPID, SIGKILL
        SHOW "kill(no such pid, SIGKILL) = ", eax
        SYSCALL2 SYS_kill, -NOPID, 0
        SHOW "kill(-no such group, 0) = ", eax
        EXIT 0
