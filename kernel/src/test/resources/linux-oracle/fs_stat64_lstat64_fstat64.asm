; fs_stat64_lstat64_fstat64: st_mode, st_size and st_nlink of a regular file, a symlink (lstat64 sees the link, stat64 the target), a directory's type bits, and the errors; checks the i386 struct stat64 layout (the two st_ino fields agree).
%include "oracle.inc"
section .data
f:      db "f", 0
l:      db "l", 0
deep:   db "deep", 0
deeptarget: db "a/b/c/d", 0
d:      db "d", 0
nope:   db "nope", 0
under:  db "f/x", 0
empty:  db 0
hello:  db "hello"
section .bss
fd:     resd 1
st:     resb STAT64_LEN
sb:    resb STAT64_LEN
section .text
global _start
_start:
        WORKDIR "fs_stat64_lstat64_fstat64.d"
        SYSCALL3 SYS_open, f, O_WRONLY|O_CREAT|O_EXCL, 0o640
        mov [fd], eax
        SYSCALL3 SYS_write, [fd], hello, 5
        PRINTLN 'created "f" with mode 0640 and 5 bytes'
        SYSCALL2 SYS_fstat64, [fd], st
        SHOW "fstat64(fd) = ", eax
        call show_stat
        SYSCALL1 SYS_close, [fd]
        SYSCALL2 SYS_stat64, f, st
        SHOW 'stat64("f") = ', eax
        call show_stat
        mov eax, SYS_getuid32
        int 0x80
        cmp eax, [st+ST_UID]
        YES_IF je, "  st_uid == getuid32(): "
        mov eax, SYS_getgid32
        int 0x80
        cmp eax, [st+ST_GID]
        YES_IF je, "  st_gid == getgid32(): "
        mov eax, [st+12]
        cmp eax, [st+88]
        YES_IF je, "  __st_ino (offset 12) == low word of st_ino (offset 88): "
        SYSCALL2 SYS_lstat64, f, sb
        SHOW 'lstat64("f") = ', eax
        mov eax, [sb+88]
        cmp eax, [st+88]
        YES_IF je, "  same st_ino as stat64: "

        SYSCALL2 SYS_symlink, f, l
        SHOW 'symlink("f", "l") = ', eax
        SYSCALL2 SYS_lstat64, l, st
        SHOW 'lstat64("l") = ', eax
        call show_stat
        mov eax, [st+88]
        cmp eax, [sb+88]
        YES_IF jne, "  its own st_ino: "
        SYSCALL2 SYS_stat64, l, st
        SHOW 'stat64("l") = ', eax
        call show_stat
        mov eax, [st+88]
        cmp eax, [sb+88]
        YES_IF je, "  the target's st_ino: "
        SYSCALL3 SYS_open, l, O_RDONLY, 0
        mov [fd], eax
        SYSCALL2 SYS_fstat64, [fd], st
        SHOW 'fstat64(open("l")) = ', eax
        call show_stat
        SYSCALL1 SYS_close, [fd]
        SYSCALL2 SYS_symlink, deeptarget, deep
        SYSCALL2 SYS_lstat64, deep, st
        SHOW 'lstat64("deep"), a dangling link to "a/b/c/d" = ', eax
        call show_stat
        SYSCALL2 SYS_stat64, deep, st
        SHOW 'stat64("deep") = ', eax

        SYSCALL2 SYS_mkdir, d, 0o750
        SYSCALL2 SYS_stat64, d, st
        SHOW 'stat64("d"), a directory made with mode 0750 = ', eax
        SHOWO "  st_mode = ", [st+ST_MODE]
        mov eax, [st+ST_MODE]
        and eax, S_IFMT
        cmp eax, S_IFDIR
        YES_IF je, "  S_ISDIR: "
        SYSCALL2 SYS_lstat64, d, st
        SHOW 'lstat64("d") = ', eax
        SHOWO "  st_mode = ", [st+ST_MODE]

        SYSCALL2 SYS_stat64, nope, st
        SHOW 'stat64("nope") = ', eax
        SYSCALL2 SYS_lstat64, nope, st
        SHOW 'lstat64("nope") = ', eax
        SYSCALL2 SYS_stat64, under, st
        SHOW 'stat64("f/x") = ', eax
        SYSCALL2 SYS_stat64, empty, st
        SHOW 'stat64("") = ', eax
        SYSCALL2 SYS_stat64, KERNEL_ADDR, st
        SHOW "stat64(KERNEL_ADDR) = ", eax
        SYSCALL2 SYS_stat64, f, KERNEL_ADDR
        SHOW 'stat64("f", KERNEL_ADDR) = ', eax
        SYSCALL2 SYS_fstat64, 99, st
        SHOW "fstat64(99) = ", eax
        SYSCALL2 SYS_fstat64, 1, KERNEL_ADDR
        SHOW "fstat64(1, KERNEL_ADDR) = ", eax
        EXIT 0

; show_stat: st_mode, st_size (both words), st_nlink of st.
show_stat:
        SHOWO "  st_mode = ", [st+ST_MODE]
        SHOW "  st_size = ", [st+ST_SIZE]
        SHOW "  st_size high word = ", [st+ST_SIZE+4]
        SHOW "  st_nlink = ", [st+ST_NLINK]
        ret
