; int3_kills_with_sigtrap: int3 raises #BP, delivered as SIGTRAP (5).
%include "oracle.inc"

section .text
global _start
_start:
        PRINTLN "executing int3"
        int3
        PRINTLN "survived (wrong)"
        EXIT 1
