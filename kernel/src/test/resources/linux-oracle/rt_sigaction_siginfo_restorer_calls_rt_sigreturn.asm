; rt_sigaction_siginfo_restorer_calls_rt_sigreturn: an SA_SIGINFO handler gets (sig, siginfo, ucontext); our restorer's rt_sigreturn(173) restores every register.
%include "oracle.inc"
section .data
act:    dd handler, SA_SIGINFO | SA_RESTORER, restorer, 0, 0
section .bss
restored: resd 1
me:     resd 1
section .text
global _start
handler:
        mov eax, [esp+4]
        SHOW "handler: signal ", eax
        mov ebx, [esp+8]                ; siginfo
        SHOW "handler: si_signo = ", [ebx]
        SHOW "handler: si_errno = ", [ebx+4]
        SHOW "handler: si_code = ", [ebx+8]
        mov eax, [ebx+12]
        cmp eax, [me]
        YES_IF je, "handler: si_pid == getpid(): "
        cmp dword [esp+12], 0
        YES_IF jne, "handler: ucontext != NULL: "
        cmp dword [esp], restorer
        YES_IF je, "handler: return address is our restorer: "
        mov ebx, 0xdead0001
        mov esi, 0xdead0004
        mov edi, 0xdead0005
        mov ebp, 0xdead0006
        ret
restorer:
        inc dword [restored]
        mov eax, SYS_rt_sigreturn
        int 0x80
_start:
        mov eax, SYS_getpid
        int 0x80
        mov [me], eax
        mov eax, SYS_rt_sigaction
        mov ebx, SIGUSR2
        mov ecx, act
        mov edx, 0
        mov esi, 8
        int 0x80
        SHOW "rt_sigaction(SIGUSR2, SA_SIGINFO|SA_RESTORER) = ", eax
        RAISE_CHECKING_REGISTERS SIGUSR2
        SHOW "restorer ran times: ", [restored]
        EXIT 0
