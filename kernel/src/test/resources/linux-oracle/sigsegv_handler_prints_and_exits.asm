; sigsegv_handler_prints_and_exits: an SA_SIGINFO SIGSEGV handler sees the fault (signo, code, address), prints and exits cleanly.
%include "oracle.inc"
section .data
act:    dd handler, SA_SIGINFO, 0, 0, 0
section .text
global _start
handler:
        mov eax, [esp+4]
        SHOW "handler: signal ", eax
        mov ebx, [esp+8]
        SHOW "handler: si_signo = ", [ebx]
        SHOW "handler: si_code = ", [ebx+8]
        SHOWX "handler: si_addr = ", [ebx+12]
        PRINTLN "handler: exiting with 3"
        EXIT 3
_start:
        mov eax, SYS_rt_sigaction
        mov ebx, SIGSEGV
        mov ecx, act
        mov edx, 0
        mov esi, 8
        int 0x80
        SHOW "rt_sigaction(SIGSEGV, SA_SIGINFO) = ", eax
        PRINTLN "reading address 0x10"
        mov eax, [0x10]
        PRINTLN "survived (wrong)"
        EXIT 1
