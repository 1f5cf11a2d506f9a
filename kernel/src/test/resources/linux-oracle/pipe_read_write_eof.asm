; pipe_read_write_eof: pipe and pipe2 give the two lowest fds; a read returns what is there, 0 at EOF once every writer is closed; each end refuses the other direction (-9); pipe2's O_CLOEXEC and O_NONBLOCK show in F_GETFD and F_GETFL; an empty O_NONBLOCK pipe reads -11 until its writers close.
%include "oracle.inc"
section .data
hello:  db "hello"
abc:    db "abc"
section .bss
fds:    resd 2
buf:    resb 64
st:     resb STAT64_LEN
section .text
global _start
_start:
        SYSCALL1 SYS_pipe, fds
        SHOW "pipe(fds) = ", eax
        SHOW "  fds[0] = ", [fds]
        SHOW "  fds[1] = ", [fds+4]
        SYSCALL3 SYS_write, [fds+4], hello, 5
        SHOW "write(fds[1], hello, 5) = ", eax
        SYSCALL3 SYS_read, [fds], buf, 64
        SHOWDATA "read(fds[0], buf, 64) = ", buf
        SYSCALL3 SYS_read, [fds], buf, 0
        SHOW "read(fds[0], buf, 0) on the empty pipe = ", eax
        SYSCALL3 SYS_write, [fds], hello, 5
        SHOW "write(fds[0], ...) = ", eax
        SYSCALL3 SYS_read, [fds+4], buf, 64
        SHOW "read(fds[1], ...) = ", eax
        SYSCALL2 SYS_fstat64, [fds], st
        SHOWO "fstat64(fds[0]): st_mode = ", [st+ST_MODE]
        SYSCALL3 SYS_write, [fds+4], hello, 5
        SYSCALL2 SYS_fstat64, [fds], st
        SHOW "  st_size with 5 bytes in the pipe = ", [st+ST_SIZE]
        SYSCALL3 SYS_read, [fds], buf, 2
        SHOWDATA "read(fds[0], buf, 2) = ", buf
        SYSCALL3 SYS_fcntl, [fds], F_GETFD, 0
        SHOW "fcntl(fds[0], F_GETFD) = ", eax
        SYSCALL3 SYS_write, [fds+4], abc, 3
        SYSCALL1 SYS_close, [fds+4]
        SHOW "close(fds[1]) = ", eax
        SYSCALL3 SYS_read, [fds], buf, 64
        SHOWDATA "read(fds[0], buf, 64) = ", buf
        SYSCALL3 SYS_read, [fds], buf, 64
        SHOW "read(fds[0], buf, 64) at EOF = ", eax
        SYSCALL1 SYS_close, [fds]
        SYSCALL1 SYS_pipe, KERNEL_ADDR
        SHOW "pipe(KERNEL_ADDR) = ", eax

        SYSCALL2 SYS_pipe2, fds, O_CLOEXEC
        SHOW "pipe2(fds, O_CLOEXEC) = ", eax
        call show_flags
        SYSCALL1 SYS_close, [fds]
        SYSCALL1 SYS_close, [fds+4]
        SYSCALL2 SYS_pipe2, fds, O_TRUNC
        SHOW "pipe2(fds, O_TRUNC) = ", eax
        SYSCALL2 SYS_pipe2, fds, O_NONBLOCK
        SHOW "pipe2(fds, O_NONBLOCK) = ", eax
        call show_flags
        SYSCALL3 SYS_read, [fds], buf, 64
        SHOW "read of the empty pipe = ", eax
        SYSCALL3 SYS_write, [fds+4], abc, 3
        SYSCALL3 SYS_read, [fds], buf, 64
        SHOWDATA "read after writing abc = ", buf
        SYSCALL1 SYS_close, [fds+4]
        SYSCALL3 SYS_read, [fds], buf, 64
        SHOW "read after closing the write end = ", eax
        SYSCALL2 SYS_pipe2, fds, 0
        SHOW "pipe2(fds, 0) = ", eax
        call show_flags
        EXIT 0

show_flags:
        SHOW "  fds[0] = ", [fds]
        SHOW "  fds[1] = ", [fds+4]
        SYSCALL3 SYS_fcntl, [fds], F_GETFD, 0
        SHOW "  fcntl(fds[0], F_GETFD) = ", eax
        SYSCALL3 SYS_fcntl, [fds+4], F_GETFD, 0
        SHOW "  fcntl(fds[1], F_GETFD) = ", eax
        SYSCALL3 SYS_fcntl, [fds], F_GETFL, 0
        SHOWFL "  fcntl(fds[0], F_GETFL) = "
        SYSCALL3 SYS_fcntl, [fds+4], F_GETFL, 0
        SHOWFL "  fcntl(fds[1], F_GETFL) = "
        ret
