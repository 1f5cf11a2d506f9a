; stack_overflow_kills_with_sigsegv: unbounded recursion runs off the end of the stack: SIGSEGV (11).
%include "oracle.inc"

section .text
global _start
_start:
        PRINTLN "recursing for ever"
        call recurse
recurse:
        push eax
        call recurse
        PRINTLN "survived (wrong)"
        EXIT 1
