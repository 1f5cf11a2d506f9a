; sigterm_default_action_kills_self: with the default action, SIGTERM sent to oneself terminates the process (status: the signal).
%include "oracle.inc"
section .text
global _start
_start:
        PRINTLN "raising SIGTERM"
        mov eax, SYS_getpid
        int 0x80
        mov ebx, eax
        mov ecx, SIGTERM
        mov eax, SYS_kill
        int 0x80
        PRINTLN "survived (wrong)"
        EXIT 1
