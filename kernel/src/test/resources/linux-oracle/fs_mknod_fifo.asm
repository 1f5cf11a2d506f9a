; fs_mknod_fifo: mknod(S_IFIFO) makes a FIFO; O_NONBLOCK opens for writing fail with -6 without a reader, for reading succeed; blocking opens by a reader and a writer meet; O_RDWR opens never block; mknod with no type bits makes a regular file, with S_IFDIR gives -1.
%include "oracle.inc"
section .data
p:      db "p", 0
r:      db "r", 0
d:      db "d", 0
hello:  db "hello from the child", 10
hellolen equ $ - hello
x:      db "x"
section .bss
rfd:    resd 1
wfd:    resd 1
pid:    resd 1
status: resd 1
total:  resd 1
buf:    resb 64
st:     resb STAT64_LEN
section .text
global _start
_start:
        WORKDIR "fs_mknod_fifo.d"
        SYSCALL3 SYS_mknod, p, S_IFIFO|0o644, 0
        SHOW 'mknod("p", S_IFIFO|0644, 0) = ', eax
        SYSCALL2 SYS_stat64, p, st
        SHOWO "  st_mode = ", [st+ST_MODE]
        SHOW "  st_size = ", [st+ST_SIZE]
        SYSCALL3 SYS_mknod, p, S_IFIFO|0o644, 0
        SHOW 'mknod("p") again = ', eax
        SYSCALL3 SYS_mknod, r, 0o644, 0
        SHOW 'mknod("r", 0644, 0) = ', eax
        SYSCALL2 SYS_stat64, r, st
        SHOWO "  st_mode = ", [st+ST_MODE]
        SYSCALL3 SYS_mknod, d, S_IFDIR|0o755, 0
        SHOW 'mknod("d", S_IFDIR|0755, 0) = ', eax

        SYSCALL3 SYS_open, p, O_WRONLY|O_NONBLOCK, 0
        SHOW 'open("p", O_WRONLY|O_NONBLOCK) with no reader = ', eax
        SYSCALL3 SYS_open, p, O_RDONLY|O_NONBLOCK, 0
        SHOW 'open("p", O_RDONLY|O_NONBLOCK) = ', eax
        mov [rfd], eax
        SYSCALL3 SYS_read, [rfd], buf, 64
        SHOW "  read with no writer = ", eax
        SYSCALL3 SYS_open, p, O_WRONLY|O_NONBLOCK, 0
        SHOW 'open("p", O_WRONLY|O_NONBLOCK) now = ', eax
        mov [wfd], eax
        SYSCALL3 SYS_read, [rfd], buf, 64
        SHOW "  read of the empty FIFO with a writer = ", eax
        SYSCALL3 SYS_write, [wfd], x, 1
        SHOW '  write(w, "x", 1) = ', eax
        SYSCALL3 SYS_read, [rfd], buf, 64
        SHOWDATA "  read = ", buf
        SYSCALL3 SYS_lseek, [rfd], 0, SEEK_CUR
        SHOW "  lseek(r, 0, SEEK_CUR) = ", eax
        SYSCALL2 SYS_fstat64, [rfd], st
        SHOWO "  fstat64(r): st_mode = ", [st+ST_MODE]
        SYSCALL1 SYS_close, [wfd]
        SYSCALL1 SYS_close, [rfd]
        SYSCALL3 SYS_open, p, O_RDWR, 0
        SHOW 'open("p", O_RDWR) = ', eax
        mov [rfd], eax
        SYSCALL3 SYS_write, [rfd], x, 1
        SYSCALL3 SYS_read, [rfd], buf, 64
        SHOWDATA "  write then read on it = ", buf
        SYSCALL1 SYS_close, [rfd]

        PRINTLN "fork: the child opens p for writing and writes a line; the parent opens p for reading"
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent
        SYSCALL3 SYS_open, p, O_WRONLY, 0
        cmp eax, 0
        jl .fail
        mov [wfd], eax
        SYSCALL3 SYS_write, [wfd], hello, hellolen
        cmp eax, hellolen
        jne .fail
        EXIT 0
.fail:  EXIT 1
.parent:
        mov [pid], eax
        SYSCALL3 SYS_open, p, O_RDONLY, 0
        SHOW 'parent: open("p", O_RDONLY) = ', eax
        mov [rfd], eax
        mov dword [total], 0
.read:  mov ecx, buf
        add ecx, [total]
        SYSCALL3 SYS_read, [rfd], ecx, 32
        cmp eax, 0
        jle .eof
        add [total], eax
        jmp .read
.eof:   SHOW "parent: the last read = ", eax
        mov eax, [total]
        SHOWDATA "parent: received ", buf
        SYSCALL3 SYS_waitpid, [pid], status, 0
        SHOWX "parent: child status = ", [status]
        SYSCALL1 SYS_unlink, p
        SHOW 'unlink("p") = ', eax
        EXIT 0
