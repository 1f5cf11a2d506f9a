; sigaction_own_restorer_calls_sigreturn: with SA_RESTORER the handler returns into our restorer, whose sigreturn(119) restores every register.
%include "oracle.inc"
section .data
act:    dd handler, 0, SA_RESTORER, restorer
section .bss
restored: resd 1
section .text
global _start
handler:
        mov eax, [esp+4]
        SHOW "handler: signal ", eax
        cmp dword [esp], restorer
        YES_IF je, "handler: return address is our restorer: "
        mov ebx, 0xdead0001
        mov esi, 0xdead0004
        mov edi, 0xdead0005
        mov ebp, 0xdead0006
        ret
restorer:
        inc dword [restored]
        pop eax                         ; the signal number, as the kernel's own trampoline does
        mov eax, SYS_sigreturn
        int 0x80
_start:
        SYSCALL3 SYS_sigaction, SIGUSR1, act, 0
        SHOW "sigaction(SIGUSR1, act with SA_RESTORER, NULL) = ", eax
        RAISE_CHECKING_REGISTERS SIGUSR1
        SHOW "restorer ran times: ", [restored]
        EXIT 0
