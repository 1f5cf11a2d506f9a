; ud2_kills_with_sigill: ud2 raises #UD, delivered as SIGILL (4).
%include "oracle.inc"

section .text
global _start
_start:
        PRINTLN "executing ud2"
        ud2
        PRINTLN "survived (wrong)"
        EXIT 1
