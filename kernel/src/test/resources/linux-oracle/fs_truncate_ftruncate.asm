; fs_truncate_ftruncate: truncate and ftruncate shrink a file and grow it with zeros, leave the offset alone, follow symlinks; -21 for a directory path, -22 for a negative length or a descriptor not open for writing (a directory, a pipe, O_RDONLY).
%include "oracle.inc"
section .data
f:      db "f", 0
l:      db "l", 0
d:      db "d", 0
nope:   db "nope", 0
letters: db "abcdefghij"
section .bss
fd:     resd 1
rofd:   resd 1
dirfd:  resd 1
fds:    resd 2
buf:    resb 64
st:     resb STAT64_LEN
section .text
global _start
_start:
        WORKDIR "fs_truncate_ftruncate.d"
        SYSCALL3 SYS_open, f, O_RDWR|O_CREAT|O_EXCL, 0o644
        mov [fd], eax
        SYSCALL3 SYS_write, [fd], letters, 10
        PRINTLN "f holds abcdefghij; fd is open O_RDWR at offset 10"
        SYSCALL2 SYS_truncate, f, 4
        SHOW 'truncate("f", 4) = ', eax
        call show
        SYSCALL2 SYS_truncate, f, 8
        SHOW 'truncate("f", 8) = ', eax
        call show
        SYSCALL3 SYS_lseek, [fd], 0, SEEK_CUR
        SHOW "  offset still ", eax
        SYSCALL2 SYS_ftruncate, [fd], 2
        SHOW "ftruncate(fd, 2) = ", eax
        call show
        SYSCALL3 SYS_lseek, [fd], 0, SEEK_CUR
        SHOW "  offset still ", eax
        SYSCALL3 SYS_write, [fd], letters, 1
        SHOW '  write(fd, "a", 1) at that offset = ', eax
        call show
        SYSCALL2 SYS_ftruncate, [fd], 0
        SHOW "ftruncate(fd, 0) = ", eax
        call show
        SYSCALL2 SYS_symlink, f, l
        SYSCALL2 SYS_truncate, l, 3
        SHOW 'truncate("l", 3), l -> f = ', eax
        call show

        SYSCALL2 SYS_mkdir, d, 0o755
        SYSCALL2 SYS_truncate, d, 0
        SHOW 'truncate("d", 0), a directory = ', eax
        SYSCALL2 SYS_truncate, nope, 0
        SHOW 'truncate("nope", 0) = ', eax
        SYSCALL2 SYS_truncate, f, -1
        SHOW 'truncate("f", -1) = ', eax
        SYSCALL2 SYS_ftruncate, [fd], -1
        SHOW "ftruncate(fd, -1) = ", eax
        SYSCALL3 SYS_open, f, O_RDONLY, 0
        mov [rofd], eax
        SYSCALL2 SYS_ftruncate, [rofd], 0
        SHOW "ftruncate(O_RDONLY fd, 0) = ", eax
        SYSCALL3 SYS_open, d, O_RDONLY|O_DIRECTORY, 0
        mov [dirfd], eax
        SYSCALL2 SYS_ftruncate, [dirfd], 0
        SHOW "ftruncate(directory fd, 0) = ", eax
        SYSCALL1 SYS_pipe, fds
        SYSCALL2 SYS_ftruncate, [fds+4], 0
        SHOW "ftruncate(pipe write end, 0) = ", eax
        SYSCALL2 SYS_ftruncate, 99, 0
        SHOW "ftruncate(99, 0) = ", eax
        EXIT 0

; show: print the size and content of f.
show:
        SYSCALL2 SYS_stat64, f, st
        SHOW "  size = ", [st+ST_SIZE]
        SYSCALL3 SYS_open, f, O_RDONLY, 0
        push eax
        mov ebx, eax
        mov eax, SYS_read
        mov ecx, buf
        mov edx, 64
        int 0x80
        SHOWDATA "  content: ", buf
        pop ebx
        mov eax, SYS_close
        int 0x80
        ret
