; fs_dup_dup2: dup takes the lowest free fd and shares the offset; dup2 onto an open fd closes it first, dup2(fd, fd) is a no-op, bad fds give -9; dup clears FD_CLOEXEC; stdout can be moved away and back.
%include "oracle.inc"
section .data
f:      db "f", 0
g:      db "g", 0
digits: db "0123456789"
msg:    db "written through a dup of stdout", 10
msglen  equ $ - msg
section .bss
buf:    resb 64
saved:  resd 1
closed: resd 1
section .text
global _start
_start:
        WORKDIR "fs_dup_dup2.d"
        SYSCALL3 SYS_open, f, O_RDWR|O_CREAT|O_EXCL, 0o644
        SHOW 'open("f") = ', eax
        SYSCALL3 SYS_write, 3, digits, 10
        SYSCALL1 SYS_dup, 3
        SHOW "dup(3) = ", eax
        SYSCALL3 SYS_lseek, 4, 0, SEEK_CUR
        SHOW "lseek(4, 0, SEEK_CUR) = ", eax
        SYSCALL3 SYS_lseek, 3, 2, SEEK_SET
        SYSCALL3 SYS_lseek, 4, 0, SEEK_CUR
        SHOW "after lseek(3, 2, SEEK_SET): lseek(4, 0, SEEK_CUR) = ", eax
        SYSCALL1 SYS_close, 3
        SHOW "close(3) = ", eax
        SYSCALL3 SYS_read, 4, buf, 3
        SHOWDATA "read(4, buf, 3) = ", buf
        SYSCALL1 SYS_dup, 99
        SHOW "dup(99) = ", eax
        SYSCALL2 SYS_dup2, 4, 4
        SHOW "dup2(4, 4) = ", eax
        SYSCALL2 SYS_dup2, 9, 9
        SHOW "dup2(9, 9) = ", eax
        SYSCALL2 SYS_dup2, 99, 5
        SHOW "dup2(99, 5) = ", eax
        SYSCALL2 SYS_dup2, 4, -1
        SHOW "dup2(4, -1) = ", eax

        SYSCALL3 SYS_open, g, O_RDWR|O_CREAT|O_EXCL, 0o644
        SHOW 'open("g") = ', eax
        SYSCALL3 SYS_write, 3, digits, 1
        SYSCALL2 SYS_dup2, 4, 3
        SHOW "dup2(4, 3) over the open g = ", eax
        SYSCALL3 SYS_lseek, 3, 0, SEEK_CUR
        SHOW "  lseek(3, 0, SEEK_CUR) = ", eax
        SYSCALL3 SYS_read, 3, buf, 2
        SHOWDATA "  read(3, buf, 2) = ", buf
        SYSCALL2 SYS_dup2, 4, 10
        SHOW "dup2(4, 10) = ", eax
        SYSCALL3 SYS_lseek, 10, 0, SEEK_CUR
        SHOW "  lseek(10, 0, SEEK_CUR) = ", eax
        SYSCALL1 SYS_dup, 4
        SHOW "dup(4) = ", eax

        SYSCALL1 SYS_close, 3
        SYSCALL1 SYS_close, 5
        SYSCALL1 SYS_close, 10
        SYSCALL3 SYS_open, g, O_RDONLY|O_CLOEXEC, 0
        SHOW 'open("g", O_RDONLY|O_CLOEXEC) = ', eax
        SYSCALL3 SYS_fcntl, 3, F_GETFD, 0
        SHOW "  fcntl(3, F_GETFD) = ", eax
        SYSCALL1 SYS_dup, 3
        SHOW "dup(3) = ", eax
        SYSCALL3 SYS_fcntl, 5, F_GETFD, 0
        SHOW "  fcntl(5, F_GETFD) = ", eax
        SYSCALL2 SYS_dup2, 3, 6
        SHOW "dup2(3, 6) = ", eax
        SYSCALL3 SYS_fcntl, 6, F_GETFD, 0
        SHOW "  fcntl(6, F_GETFD) = ", eax
        SYSCALL2 SYS_dup2, 3, 3
        SYSCALL3 SYS_fcntl, 3, F_GETFD, 0
        SHOW "after dup2(3, 3): fcntl(3, F_GETFD) = ", eax

        SYSCALL1 SYS_dup, 1
        mov [saved], eax
        SHOW "dup(1) = ", eax
        SYSCALL3 SYS_write, [saved], msg, msglen
        SYSCALL1 SYS_close, 1
        SYSCALL3 SYS_write, 1, msg, msglen
        mov [closed], eax
        SYSCALL1 SYS_dup, [saved]
        SHOW "after close(1): dup(saved) = ", eax
        SHOW "and the write to the closed fd 1 had returned ", [closed]
        EXIT 0
