; rt_sigaction_handler_returns_with_registers_intact: an rt_sigaction() handler (no SA_RESTORER) runs and returns through the kernel's sigreturn with every register restored.
%include "oracle.inc"
section .data
act:    dd handler, 0, 0, 0, 0          ; struct sigaction: handler, flags, restorer, mask[2]
old:    dd -1, -1, -1, -1, -1
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
        mov eax, SYS_rt_sigaction
        mov ebx, SIGHUP
        mov ecx, act
        mov edx, old
        mov esi, 8
        int 0x80
        SHOW "rt_sigaction(SIGHUP, act, old, 8) = ", eax
        SHOWX "old handler = ", [old]
        SHOWX "old flags = ", [old+4]
        SHOWX "old mask = ", [old+12]
        RAISE_CHECKING_REGISTERS SIGHUP
        EXIT 0
