; jump_into_data_kills_with_sigsegv: jumping into .data (not executable) kills with SIGSEGV (11) instead of running the bytes there.
%include "oracle.inc"
section .data
code:   mov ebx, 77                     ; exit(77) if .data were executable
        mov eax, SYS_exit
        int 0x80
section .text
global _start
_start:
        PRINTLN "jumping into .data"
        jmp code
        PRINTLN "survived (wrong)"
        EXIT 1
