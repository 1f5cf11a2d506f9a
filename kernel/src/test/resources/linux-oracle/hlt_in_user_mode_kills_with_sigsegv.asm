; hlt_in_user_mode_kills_with_sigsegv: hlt is privileged: in user mode it is #GP, delivered as SIGSEGV (11).
%include "oracle.inc"

section .text
global _start
_start:
        PRINTLN "executing hlt"
        hlt
        PRINTLN "survived (wrong)"
        EXIT 1
