; signal_handler_returns_with_registers_intact: a signal() handler runs, gets the signal number, returns through the kernel's sigreturn with every register restored.
%include "oracle.inc"
section .text
global _start
handler:
        mov eax, [esp+4]
        SHOW "handler: signal ", eax
        mov ebx, 0xdead0001             ; clobber everything the kernel must restore
        mov ecx, 0xdead0002
        mov edx, 0xdead0003
        mov esi, 0xdead0004
        mov edi, 0xdead0005
        mov ebp, 0xdead0006
        mov eax, 0xdead0007
        ret
_start:
        SYSCALL2 SYS_signal, SIGUSR1, handler
        SHOW "signal(SIGUSR1, handler) = ", eax
        RAISE_CHECKING_REGISTERS SIGUSR1
        EXIT 0
