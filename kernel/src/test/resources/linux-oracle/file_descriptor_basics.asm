; file_descriptor_basics: read of stdin at EOF is 0, writes return their length, bad fds give -9, a missing path gives -2.
%include "oracle.inc"
section .data
msg:    db "hello", 10
missing: db "/no/such/file", 0
section .bss
buf:    resb 16
section .text
global _start
_start:
        SYSCALL3 SYS_read, 0, buf, 16
        SHOW "read(0, buf, 16) = ", eax
        SYSCALL3 SYS_write, 1, msg, 6
        SHOW "write(1, hello, 6) = ", eax
        SYSCALL3 SYS_write, 99, msg, 6
        SHOW "write(99, ...) = ", eax
        SYSCALL3 SYS_write, -1, msg, 6
        SHOW "write(-1, ...) = ", eax
        SYSCALL3 SYS_read, 99, buf, 16
        SHOW "read(99, ...) = ", eax
        SYSCALL3 SYS_open, missing, 0, 0
        SHOW "open(/no/such/file, O_RDONLY) = ", eax
        SYSCALL1 SYS_close, 99
        SHOW "close(99) = ", eax
        SYSCALL1 SYS_close, 0
        SHOW "close(0) = ", eax
        SYSCALL1 SYS_close, 0
        SHOW "close(0) again = ", eax
        SYSCALL3 SYS_read, 0, buf, 16
        SHOW "read(0) after close = ", eax
        EXIT 0
