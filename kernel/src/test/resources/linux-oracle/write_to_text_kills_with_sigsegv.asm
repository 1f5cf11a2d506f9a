; write_to_text_kills_with_sigsegv: writing into the program's own .text kills it with SIGSEGV (11).
%include "oracle.inc"

section .text
global _start
_start:
        PRINTLN "writing to .text"
        mov byte [_start], 0x90
        PRINTLN "survived (wrong)"
        EXIT 1
