; sigaction_handler_returns_with_registers_intact: a sigaction() handler (no SA_RESTORER) runs and returns through the kernel's sigreturn with every register restored.
%include "oracle.inc"
section .data
act:    dd handler, 0, 0, 0             ; old struct sigaction: handler, mask, flags, restorer
old:    dd -1, -1, -1, -1
section .text
global _start
handler:
        mov eax, [esp+4]
        SHOW "handler: signal ", eax
        mov ebx, 0xdead0001
        mov ecx, 0xdead0002
        mov edx, 0xdead0003
        mov esi, 0xdead0004
        mov edi, 0xdead0005
        mov ebp, 0xdead0006
        mov eax, 0xdead0007
        ret
_start:
        SYSCALL3 SYS_sigaction, SIGUSR2, act, old
        SHOW "sigaction(SIGUSR2, act, old) = ", eax
        SHOWX "old handler = ", [old]
        RAISE_CHECKING_REGISTERS SIGUSR2
        SYSCALL3 SYS_sigaction, SIGUSR2, 0, old
        cmp dword [old], handler
        YES_IF je, "handler still installed afterwards: "
        EXIT 0
