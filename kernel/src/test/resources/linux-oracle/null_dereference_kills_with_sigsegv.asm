; null_dereference_kills_with_sigsegv: reading address 0 kills the process with SIGSEGV (11).
%include "oracle.inc"

section .text
global _start
_start:
        PRINTLN "reading address 0"
        mov eax, [0]
        PRINTLN "survived (wrong)"
        EXIT 1
