; divide_by_zero_kills_with_sigfpe: div by zero raises #DE, delivered as SIGFPE (8).
%include "oracle.inc"

section .text
global _start
_start:
        PRINTLN "dividing by zero"
        mov eax, 1
        mov edx, 0
        mov ecx, 0
        div ecx
        PRINTLN "survived (wrong)"
        EXIT 1
