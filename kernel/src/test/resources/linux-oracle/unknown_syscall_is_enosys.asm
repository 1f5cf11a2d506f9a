; unknown_syscall_is_enosys: int 0x80 with an unassigned number returns -38 and nothing else happens.
%include "oracle.inc"
section .text
global _start
_start:
        mov eax, 999
        int 0x80
        SHOW "syscall 999 = ", eax
        mov eax, 0x10000
        int 0x80
        SHOW "syscall 65536 = ", eax
        PRINTLN "still running: yes"
        EXIT 0
