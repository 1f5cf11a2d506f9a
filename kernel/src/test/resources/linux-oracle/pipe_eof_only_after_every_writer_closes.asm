; pipe_eof_only_after_every_writer_closes: a child writes into a pipe and exits; the parent, which still holds a copy of the write end, gets -11 from its O_NONBLOCK read end instead of EOF until it closes that copy too.
%include "oracle.inc"
section .data
line:   db "from the child", 10
linelen equ $ - line
section .bss
fds:    resd 2
pid:    resd 1
status: resd 1
buf:    resb 64
section .text
global _start
_start:
        SYSCALL1 SYS_pipe, fds
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent
        SYSCALL1 SYS_close, [fds]
        SYSCALL3 SYS_write, [fds+4], line, linelen
        cmp eax, linelen
        jne .fail
        EXIT 0
.fail:  EXIT 1
.parent:
        mov [pid], eax
        SYSCALL3 SYS_waitpid, [pid], status, 0
        SHOWX "parent: the child wrote, exited: status = ", [status]
        SYSCALL3 SYS_fcntl, [fds], F_SETFL, O_NONBLOCK
        SYSCALL3 SYS_read, [fds], buf, 64
        SHOWDATA "parent: read = ", buf
        SYSCALL3 SYS_read, [fds], buf, 64
        SHOW "parent: read again, its own write end still open = ", eax
        SYSCALL1 SYS_close, [fds+4]
        SHOW "parent: close(write end) = ", eax
        SYSCALL3 SYS_read, [fds], buf, 64
        SHOW "parent: read = ", eax
        EXIT 0
