; fs_fcntl: F_DUPFD (lowest fd at or above the argument), F_DUPFD_CLOEXEC, F_GETFD/F_SETFD per descriptor, F_GETFL/F_SETFL shared by the open file (O_APPEND, O_NONBLOCK; the access mode cannot change), errors.
%include "oracle.inc"
section .data
f:      db "f", 0
digits: db "0123456789"
section .bss
fds:    resd 2
buf:    resb 16
section .text
global _start
_start:
        WORKDIR "fs_fcntl.d"
        SYSCALL3 SYS_open, f, O_RDWR|O_CREAT|O_EXCL, 0o644
        SHOW 'open("f", O_RDWR|O_CREAT|O_EXCL) = ', eax
        SYSCALL3 SYS_fcntl, 3, F_DUPFD, 10
        SHOW "fcntl(3, F_DUPFD, 10) = ", eax
        SYSCALL3 SYS_fcntl, 3, F_DUPFD, 0
        SHOW "fcntl(3, F_DUPFD, 0) = ", eax
        SYSCALL3 SYS_fcntl, 3, F_DUPFD, 10
        SHOW "fcntl(3, F_DUPFD, 10) again = ", eax
        SYSCALL3 SYS_fcntl, 3, F_DUPFD_CLOEXEC, 0
        SHOW "fcntl(3, F_DUPFD_CLOEXEC, 0) = ", eax
        SYSCALL3 SYS_fcntl, 5, F_GETFD, 0
        SHOW "  fcntl(5, F_GETFD) = ", eax
        SYSCALL3 SYS_fcntl, 3, F_DUPFD, -1
        SHOW "fcntl(3, F_DUPFD, -1) = ", eax

        SYSCALL3 SYS_fcntl, 3, F_GETFD, 0
        SHOW "fcntl(3, F_GETFD) = ", eax
        SYSCALL3 SYS_fcntl, 3, F_SETFD, FD_CLOEXEC
        SHOW "fcntl(3, F_SETFD, FD_CLOEXEC) = ", eax
        SYSCALL3 SYS_fcntl, 3, F_GETFD, 0
        SHOW "  fcntl(3, F_GETFD) = ", eax
        SYSCALL3 SYS_fcntl, 4, F_GETFD, 0
        SHOW "  fcntl(4, F_GETFD) (its dup) = ", eax
        SYSCALL3 SYS_fcntl, 3, F_SETFD, 0xfe
        SHOW "fcntl(3, F_SETFD, 0xfe) = ", eax
        SYSCALL3 SYS_fcntl, 3, F_GETFD, 0
        SHOW "  fcntl(3, F_GETFD) = ", eax

        SYSCALL3 SYS_fcntl, 3, F_GETFL, 0
        SHOWFL "fcntl(3, F_GETFL) = "
        SYSCALL3 SYS_fcntl, 3, F_SETFL, O_APPEND
        SHOW "fcntl(3, F_SETFL, O_APPEND) = ", eax
        SYSCALL3 SYS_fcntl, 3, F_GETFL, 0
        SHOWFL "  fcntl(3, F_GETFL) = "
        SYSCALL3 SYS_fcntl, 4, F_GETFL, 0
        SHOWFL "  fcntl(4, F_GETFL) (its dup) = "
        SYSCALL3 SYS_write, 3, digits, 4
        SYSCALL3 SYS_lseek, 4, 1, SEEK_SET
        SYSCALL3 SYS_write, 4, digits, 2
        SYSCALL3 SYS_lseek, 4, 0, SEEK_CUR
        SHOW "  after writes of 4 and (at offset 1) 2 bytes, the offset is ", eax
        SYSCALL3 SYS_fcntl, 3, F_SETFL, O_NONBLOCK
        SHOW "fcntl(3, F_SETFL, O_NONBLOCK) = ", eax
        SYSCALL3 SYS_fcntl, 3, F_GETFL, 0
        SHOWFL "  fcntl(3, F_GETFL) = "
        SYSCALL3 SYS_fcntl, 3, F_SETFL, O_WRONLY|O_CREAT|O_EXCL|O_TRUNC
        SHOW "fcntl(3, F_SETFL, O_WRONLY|O_CREAT|O_EXCL|O_TRUNC) = ", eax
        SYSCALL3 SYS_fcntl, 3, F_GETFL, 0
        SHOWFL "  fcntl(3, F_GETFL) = "
        SYSCALL3 SYS_lseek, 3, 0, SEEK_END
        SHOW "  size of f (not truncated) = ", eax

        SYSCALL3 SYS_fcntl, 99, F_GETFD, 0
        SHOW "fcntl(99, F_GETFD) = ", eax
        SYSCALL3 SYS_fcntl, 99, F_GETFL, 0
        SHOW "fcntl(99, F_GETFL) = ", eax
        SYSCALL3 SYS_fcntl, 99, F_DUPFD, 0
        SHOW "fcntl(99, F_DUPFD, 0) = ", eax
        SYSCALL3 SYS_fcntl, 3, 9999, 0
        SHOW "fcntl(3, 9999) = ", eax

        SYSCALL1 SYS_pipe, fds
        SHOW "pipe() = ", eax
        SYSCALL3 SYS_fcntl, [fds], F_GETFL, 0
        SHOWFL "  fcntl(read end, F_GETFL) = "
        SYSCALL3 SYS_fcntl, [fds+4], F_GETFL, 0
        SHOWFL "  fcntl(write end, F_GETFL) = "
        SYSCALL3 SYS_fcntl, [fds], F_SETFL, O_NONBLOCK
        SHOW "fcntl(read end, F_SETFL, O_NONBLOCK) = ", eax
        SYSCALL3 SYS_read, [fds], buf, 16
        SHOW "  read(read end) on the empty pipe = ", eax
        SYSCALL3 SYS_fcntl, [fds], F_SETFL, 0
        SYSCALL3 SYS_write, [fds+4], digits, 3
        SYSCALL3 SYS_read, [fds], buf, 16
        SHOWDATA "  blocking again: read(read end) = ", buf
        EXIT 0
