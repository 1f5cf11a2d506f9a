; pipe_write_without_reader_epipe_unless_sigpipe_default: with SIGPIPE ignored, handled or blocked, a write to a pipe without readers returns -32 (EPIPE); a handler runs first; a blocked SIGPIPE stays pending.
%include "oracle.inc"
section .data
x:      db "x"
act:    dd on_pipe, 0, 0, 0             ; old struct sigaction: handler, mask, flags, restorer
blockpipe: dd 1 << (SIGPIPE - 1)
section .bss
fds:    resd 2
got:    resd 1
pending: resd 2
section .text
global _start
on_pipe:
        mov eax, [esp+4]
        mov [got], eax
        ret
_start:
        SYSCALL1 SYS_pipe, fds
        SYSCALL1 SYS_close, [fds]
        PRINTLN "pipe, then close the read end"
        SYSCALL2 SYS_signal, SIGPIPE, SIG_IGN
        SYSCALL3 SYS_write, [fds+4], x, 1
        SHOW "SIGPIPE ignored: write = ", eax
        SYSCALL3 SYS_sigaction, SIGPIPE, act, 0
        SYSCALL3 SYS_write, [fds+4], x, 1
        SHOW "SIGPIPE handled: write = ", eax
        SHOW "  the handler got signal ", [got]
        mov dword [got], 0
        SYSCALL2 SYS_signal, SIGPIPE, SIG_DFL
        SYSCALL3 SYS_sigprocmask, SIG_BLOCK, blockpipe, 0
        SYSCALL3 SYS_write, [fds+4], x, 1
        SHOW "SIGPIPE blocked: write = ", eax
        SYSCALL2 SYS_rt_sigpending, pending, 8
        mov eax, [pending]
        and eax, 1 << (SIGPIPE - 1)
        cmp eax, 0
        YES_IF jne, "  SIGPIPE pending: "
        SYSCALL3 SYS_write, [fds+4], x, 0
        SHOW "write of 0 bytes = ", eax
        SYSCALL2 SYS_signal, SIGPIPE, SIG_IGN
        PRINTLN "SIGPIPE ignored again, which discards the pending one"
        SYSCALL3 SYS_sigprocmask, SIG_UNBLOCK, blockpipe, 0
        PRINTLN "unblocked: still alive"
        EXIT 0
