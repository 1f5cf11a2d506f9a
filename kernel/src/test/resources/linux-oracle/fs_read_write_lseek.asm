; fs_read_write_lseek: file offsets with SEEK_SET/CUR/END, short reads at the end, a hole past the end reads as zeros, lseek errors (-22 for a negative offset, -29 on a pipe).
%include "oracle.inc"
section .data
f:      db "f", 0
alpha:  db "abcdefghij"
xy:     db "XY"
section .bss
fd:     resd 1
fds:    resd 2
buf:    resb 64
st:     resb STAT64_LEN
section .text
global _start
_start:
        WORKDIR "fs_read_write_lseek.d"
        SYSCALL3 SYS_open, f, O_RDWR|O_CREAT|O_EXCL, 0o644
        SHOW 'open("f", O_RDWR|O_CREAT|O_EXCL) = ', eax
        mov [fd], eax
        SYSCALL3 SYS_write, [fd], alpha, 10
        SHOW "write(fd, abcdefghij, 10) = ", eax
        SYSCALL3 SYS_lseek, [fd], 0, SEEK_CUR
        SHOW "lseek(fd, 0, SEEK_CUR) = ", eax
        SYSCALL3 SYS_read, [fd], buf, 64
        SHOW "read at the end = ", eax
        SYSCALL3 SYS_lseek, [fd], 2, SEEK_SET
        SHOW "lseek(fd, 2, SEEK_SET) = ", eax
        SYSCALL3 SYS_read, [fd], buf, 3
        SHOWDATA "read(fd, buf, 3) = ", buf
        SYSCALL3 SYS_lseek, [fd], 1, SEEK_CUR
        SHOW "lseek(fd, 1, SEEK_CUR) = ", eax
        SYSCALL3 SYS_read, [fd], buf, 2
        SHOWDATA "read(fd, buf, 2) = ", buf
        SYSCALL3 SYS_lseek, [fd], -3, SEEK_END
        SHOW "lseek(fd, -3, SEEK_END) = ", eax
        SYSCALL3 SYS_read, [fd], buf, 64
        SHOWDATA "read(fd, buf, 64) = ", buf
        SYSCALL3 SYS_read, [fd], buf, 64
        SHOW "read again = ", eax
        SYSCALL3 SYS_lseek, [fd], 4, SEEK_SET
        SYSCALL3 SYS_write, [fd], xy, 2
        SHOW "write(fd, XY, 2) at offset 4 = ", eax
        SYSCALL3 SYS_lseek, [fd], 0, SEEK_CUR
        SHOW "  offset now ", eax
        SYSCALL3 SYS_read, [fd], buf, 0
        SHOW "read(fd, buf, 0) = ", eax
        SYSCALL3 SYS_write, [fd], buf, 0
        SHOW "write(fd, buf, 0) = ", eax

        SYSCALL3 SYS_lseek, [fd], -1, SEEK_SET
        SHOW "lseek(fd, -1, SEEK_SET) = ", eax
        SYSCALL3 SYS_lseek, [fd], -11, SEEK_END
        SHOW "lseek(fd, -11, SEEK_END) = ", eax
        SYSCALL3 SYS_lseek, [fd], -100, SEEK_CUR
        SHOW "lseek(fd, -100, SEEK_CUR) = ", eax
        SYSCALL3 SYS_lseek, [fd], 0, 5
        SHOW "lseek(fd, 0, 5) = ", eax
        SYSCALL3 SYS_lseek, [fd], 0, SEEK_CUR
        SHOW "  offset unchanged: ", eax
        SYSCALL3 SYS_lseek, [fd], -10, SEEK_END
        SHOW "lseek(fd, -10, SEEK_END) = ", eax

        SYSCALL3 SYS_lseek, [fd], 20, SEEK_SET
        SHOW "lseek(fd, 20, SEEK_SET) past the end = ", eax
        SYSCALL2 SYS_fstat64, [fd], st
        SHOW "  size still ", [st+ST_SIZE]
        SYSCALL3 SYS_read, [fd], buf, 64
        SHOW "  read there = ", eax
        SYSCALL3 SYS_write, [fd], xy, 2
        SHOW "  write(fd, XY, 2) = ", eax
        SYSCALL2 SYS_fstat64, [fd], st
        SHOW "  size now ", [st+ST_SIZE]
        SYSCALL3 SYS_lseek, [fd], 0, SEEK_SET
        SYSCALL3 SYS_read, [fd], buf, 64
        SHOWDATA "  whole file: ", buf

        SYSCALL3 SYS_lseek, [fd], 0, SEEK_SET
        SYSCALL3 SYS_read, [fd], KERNEL_ADDR, 4
        SHOW "read(fd, KERNEL_ADDR, 4) = ", eax
        SYSCALL3 SYS_write, [fd], KERNEL_ADDR, 4
        SHOW "write(fd, KERNEL_ADDR, 4) = ", eax
        SYSCALL3 SYS_lseek, [fd], 0, SEEK_CUR
        SHOW "  offset after both = ", eax
        SYSCALL1 SYS_close, [fd]
        SYSCALL3 SYS_lseek, [fd], 0, SEEK_SET
        SHOW "lseek on the closed fd = ", eax

        SYSCALL1 SYS_pipe, fds
        SYSCALL3 SYS_lseek, [fds], 0, SEEK_CUR
        SHOW "lseek(pipe read end, 0, SEEK_CUR) = ", eax
        SYSCALL3 SYS_lseek, [fds+4], 0, SEEK_SET
        SHOW "lseek(pipe write end, 0, SEEK_SET) = ", eax
        EXIT 0
