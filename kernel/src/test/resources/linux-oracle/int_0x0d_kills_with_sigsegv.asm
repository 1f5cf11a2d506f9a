; int_0x0d_kills_with_sigsegv: int 0x0d from user mode hits a DPL-0 gate: #GP, delivered as SIGSEGV (11).
%include "oracle.inc"

section .text
global _start
_start:
        PRINTLN "executing int 0x0d"
        int 0x0d
        PRINTLN "survived (wrong)"
        EXIT 1
