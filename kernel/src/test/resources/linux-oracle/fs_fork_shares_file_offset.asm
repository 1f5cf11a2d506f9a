; fs_fork_shares_file_offset: a forked child shares the parent's open file: its writes move the parent's offset and its F_SETFL is seen by the parent, but FD_CLOEXEC and close are per process; an independent open has its own offset.
%include "oracle.inc"
section .data
f:      db "f", 0
p1:     db "parent1", 10
c1:     db "child", 10
p2:     db "parent2", 10
section .bss
pid:    resd 1
status: resd 1
buf:    resb 64
section .text
global _start
_start:
        WORKDIR "fs_fork_shares_file_offset.d"
        SYSCALL3 SYS_open, f, O_RDWR|O_CREAT|O_EXCL, 0o644
        SHOW 'open("f") = ', eax
        SYSCALL3 SYS_write, 3, p1, 8
        SHOW "write(3, parent1\n, 8) = ", eax
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent
        SYSCALL3 SYS_lseek, 3, 0, SEEK_CUR
        SHOW "child: lseek(3, 0, SEEK_CUR) = ", eax
        SYSCALL3 SYS_write, 3, c1, 6
        SHOW "child: write(3, child\n, 6) = ", eax
        SYSCALL3 SYS_fcntl, 3, F_SETFL, O_APPEND
        SHOW "child: fcntl(3, F_SETFL, O_APPEND) = ", eax
        SYSCALL3 SYS_fcntl, 3, F_SETFD, FD_CLOEXEC
        SHOW "child: fcntl(3, F_SETFD, FD_CLOEXEC) = ", eax
        SYSCALL3 SYS_open, f, O_RDONLY, 0
        SHOW 'child: open("f", O_RDONLY) = ', eax
        SYSCALL3 SYS_lseek, 4, 0, SEEK_CUR
        SHOW "child: lseek(4, 0, SEEK_CUR) = ", eax
        SYSCALL3 SYS_read, 4, buf, 64
        SHOWDATA "child: read(4, buf, 64) = ", buf
        SYSCALL1 SYS_close, 3
        SHOW "child: close(3) = ", eax
        EXIT 0
.parent:
        mov [pid], eax
        SYSCALL3 SYS_waitpid, [pid], status, 0
        SHOWX "parent: child status = ", [status]
        SYSCALL3 SYS_lseek, 3, 0, SEEK_CUR
        SHOW "parent: lseek(3, 0, SEEK_CUR) = ", eax
        SYSCALL3 SYS_fcntl, 3, F_GETFL, 0
        SHOWFL "parent: fcntl(3, F_GETFL) = "
        SYSCALL3 SYS_fcntl, 3, F_GETFD, 0
        SHOW "parent: fcntl(3, F_GETFD) = ", eax
        SYSCALL3 SYS_fcntl, 4, F_GETFD, 0
        SHOW "parent: fcntl(4, F_GETFD) (the child's open) = ", eax
        SYSCALL3 SYS_lseek, 3, 0, SEEK_SET
        SYSCALL3 SYS_write, 3, p2, 8
        SHOW "parent: write(3, parent2\n, 8) after lseek to 0 = ", eax
        SYSCALL3 SYS_lseek, 3, 0, SEEK_SET
        SYSCALL3 SYS_read, 3, buf, 64
        SHOWDATA "parent: f holds ", buf
        EXIT 0
