; fs_umask: umask returns the previous mask and keeps only 0777 of the new one; it masks the modes of open(O_CREAT), creat, mkdir and mknod, but not chmod or an existing file's mode.
%include "oracle.inc"
section .data
a:      db "a", 0
b:      db "b", 0
c:      db "c", 0
d:      db "d", 0
p:      db "p", 0
section .bss
st:     resb STAT64_LEN
section .text
global _start
_start:
        WORKDIR "fs_umask.d"
        SYSCALL1 SYS_umask, 0o77
        SHOWO "umask(077) = ", eax
        SYSCALL1 SYS_umask, 0o22
        SHOWO "umask(022) = ", eax
        SYSCALL3 SYS_open, a, O_WRONLY|O_CREAT|O_EXCL, 0o777
        SHOW 'open("a", O_WRONLY|O_CREAT|O_EXCL, 0777) = ', eax
        call show_fd
        SYSCALL1 SYS_umask, 0
        SHOWO "umask(0) = ", eax
        SYSCALL2 SYS_creat, b, 0o777
        SHOW 'creat("b", 0777) = ', eax
        call show_fd
        SYSCALL1 SYS_umask, 0o777
        SHOWO "umask(0777) = ", eax
        SYSCALL2 SYS_creat, c, 0o777
        SHOW 'creat("c", 0777) = ', eax
        call show_fd
        SYSCALL2 SYS_chmod, c, 0o777
        SHOW 'chmod("c", 0777) = ', eax
        SYSCALL2 SYS_stat64, c, st
        SHOWO "  st_mode = ", [st+ST_MODE]
        SYSCALL1 SYS_umask, 0o27
        SHOWO "umask(027) = ", eax
        SYSCALL3 SYS_open, c, O_WRONLY|O_CREAT, 0o600
        SHOW 'open("c", O_WRONLY|O_CREAT, 0600) on the existing c = ', eax
        call show_fd
        SYSCALL2 SYS_mkdir, d, 0o777
        SHOW 'mkdir("d", 0777) = ', eax
        SYSCALL2 SYS_stat64, d, st
        SHOWO "  st_mode = ", [st+ST_MODE]
        SYSCALL3 SYS_mknod, p, S_IFIFO|0o666, 0
        SHOW 'mknod("p", S_IFIFO|0666) = ', eax
        SYSCALL2 SYS_stat64, p, st
        SHOWO "  st_mode = ", [st+ST_MODE]
        SYSCALL1 SYS_umask, 0o123456
        SHOWO "umask(0123456) = ", eax
        SYSCALL1 SYS_umask, 0o22
        SHOWO "umask(022) = ", eax
        EXIT 0

; show_fd: print the st_mode of the fd in eax, then close it.
show_fd:
        push eax
        mov ebx, eax
        mov eax, SYS_fstat64
        mov ecx, st
        int 0x80
        SHOWO "  st_mode = ", [st+ST_MODE]
        pop ebx
        mov eax, SYS_close
        int 0x80
        ret
