; pipe_write_without_reader_kills_with_sigpipe: writing to a pipe whose read end is closed raises SIGPIPE, which by default kills (a write of 0 bytes does not): first seen through a child's wait status, then the program itself dies of it.
%include "oracle.inc"
section .data
x:      db "x"
section .bss
fds:    resd 2
pid:    resd 1
status: resd 1
section .text
global _start
_start:
        SYSCALL1 SYS_pipe, fds
        SYSCALL1 SYS_close, [fds]
        PRINTLN "pipe, then close the read end"
        SYSCALL3 SYS_write, [fds+4], x, 0
        SHOW "write(w, x, 0) = ", eax
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent
        SYSCALL3 SYS_write, [fds+4], x, 1
        SHOW "child: write returned ", eax
        EXIT 1
.parent:
        mov [pid], eax
        SYSCALL3 SYS_waitpid, [pid], status, 0
        mov eax, [status]
        and eax, 0x7f
        SHOW "parent: the child's write killed it with signal ", eax
        PRINTLN "parent: writing too"
        SYSCALL3 SYS_write, [fds+4], x, 1
        SHOW "parent: write returned ", eax
        EXIT 1
