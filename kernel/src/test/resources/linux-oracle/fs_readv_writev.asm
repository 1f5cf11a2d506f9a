; fs_readv_writev: writev gathers and readv scatters across several iovecs (an empty one included), on a file, a pipe and stdout; bad counts give -22, bad pointers -14.
%include "oracle.inc"
section .data
f:      db "f", 0
p1:     db "abc"
p2:     db "defgh"
p3:     db "ij"
wiov:   dd p1, 3, p2, 0, p2, 5, p3, 2
o1:     db "line "
o2:     db "from "
o3:     db "writev", 10
oiov:   dd o1, 5, o2, 5, o3, 7
riov:   dd b1, 4, b2, 0, b3, 3, b4, 10
piov:   dd b1, 2, b4, 10
badiov: dd KERNEL_ADDR, 5
section .bss
fd:     resd 1
fds:    resd 2
b1:     resb 4
b2:     resb 4
b3:     resb 4
b4:     resb 10
section .text
global _start
_start:
        WORKDIR "fs_readv_writev.d"
        SYSCALL3 SYS_writev, 1, oiov, 3
        SHOW "writev(1, [line , from , writev\n], 3) = ", eax
        SYSCALL3 SYS_open, f, O_RDWR|O_CREAT|O_EXCL, 0o644
        mov [fd], eax
        SYSCALL3 SYS_writev, [fd], wiov, 4
        SHOW "writev(fd, [abc, (0 bytes), defgh, ij], 4) = ", eax
        SYSCALL3 SYS_lseek, [fd], 0, SEEK_SET
        SYSCALL3 SYS_readv, [fd], riov, 4
        SHOW "readv(fd, [4, 0, 3, 10 bytes], 4) = ", eax
        call show_buffers
        SYSCALL3 SYS_readv, [fd], riov, 4
        SHOW "readv at the end = ", eax
        SYSCALL3 SYS_writev, [fd], wiov, 0
        SHOW "writev(fd, iov, 0) = ", eax
        SYSCALL3 SYS_writev, [fd], wiov, -1
        SHOW "writev(fd, iov, -1) = ", eax
        SYSCALL3 SYS_writev, [fd], wiov, 1025
        SHOW "writev(fd, iov, 1025) = ", eax
        SYSCALL3 SYS_readv, [fd], riov, -1
        SHOW "readv(fd, iov, -1) = ", eax
        SYSCALL3 SYS_writev, [fd], KERNEL_ADDR, 1
        SHOW "writev(fd, KERNEL_ADDR, 1) = ", eax
        SYSCALL3 SYS_writev, [fd], badiov, 1
        SHOW "writev(fd, [KERNEL_ADDR, 5], 1) = ", eax
        SYSCALL3 SYS_writev, 99, wiov, 1
        SHOW "writev(99, iov, 1) = ", eax
        SYSCALL3 SYS_lseek, [fd], 0, SEEK_END
        SHOW "size of the file: ", eax
        SYSCALL1 SYS_close, [fd]

        SYSCALL1 SYS_pipe, fds
        SYSCALL3 SYS_writev, [fds+4], wiov, 2
        SHOW "writev(pipe, [abc, (0 bytes)], 2) = ", eax
        SYSCALL3 SYS_readv, [fds], piov, 2
        SHOW "readv(pipe, [2, 10 bytes], 2) = ", eax
        mov eax, 2
        SHOWDATA "  first buffer: ", b1
        mov eax, 1
        SHOWDATA "  second buffer: ", b4
        SYSCALL3 SYS_readv, [fds+4], piov, 2
        SHOW "readv(pipe write end) = ", eax
        EXIT 0

show_buffers:
        mov eax, 4
        SHOWDATA "  buffer 1: ", b1
        mov eax, 3
        SHOWDATA "  buffer 3: ", b3
        mov eax, 10
        SHOWDATA "  buffer 4: ", b4
        ret
