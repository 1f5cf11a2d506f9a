; fs_at_calls_and_wide_variants: openat relative to a directory fd and to AT_FDCWD, a non-directory dirfd (-20) and a bad one (-9); dup3 with O_CLOEXEC, onto itself (-22) and with bad flags (-22); _llseek's 64-bit result; fcntl64 as fcntl; fchmod on an fd; lchown32 on a symlink leaves its target alone; fchown32 on an fd (run as root).
; linux-oracle: needs root
%include "oracle.inc"
SYS_openat   equ 295
SYS_dup3     equ 330
SYS__llseek  equ 140
SYS_fcntl64  equ 221
SYS_fchmod   equ 94
SYS_lchown32 equ 198
SYS_fchown32 equ 207
AT_FDCWD     equ -100
section .data
subdir: db "sub", 0
inner:  db "inner", 0
file:   db "sub/inner", 0
link:   db "link", 0
digits: db "0123456789"
section .bss
result: resd 2
st:     resb 96
section .text
global _start
_start:
        WORKDIR "fs_at_calls_and_wide_variants.d"
        SYSCALL2 SYS_mkdir, subdir, 0o755
        SYSCALL3 SYS_open, subdir, O_RDONLY|O_DIRECTORY, 0
        SHOW 'open("sub", O_DIRECTORY) = ', eax
        mov esi, eax                            ; the directory fd (3)
        mov eax, SYS_openat
        mov ebx, esi
        mov ecx, inner
        mov edx, O_RDWR|O_CREAT|O_EXCL
        push esi
        mov esi, 0o600
        int 0x80
        pop esi
        SHOW 'openat(3, "inner", O_RDWR|O_CREAT|O_EXCL, 0600) = ', eax
        mov edi, eax                            ; the file fd (4)
        SYSCALL3 SYS_write, edi, digits, 10
        SYSCALL2 SYS_stat64, file, st
        SHOW 'stat64("sub/inner") = ', eax
        SHOWO "  st_mode = ", [st+ST_MODE]
        mov eax, SYS_openat
        mov ebx, AT_FDCWD
        mov ecx, file
        xor edx, edx
        int 0x80
        SHOW 'openat(AT_FDCWD, "sub/inner", O_RDONLY) = ', eax
        SYSCALL1 SYS_close, eax
        mov eax, SYS_openat
        mov ebx, edi
        mov ecx, inner
        xor edx, edx
        int 0x80
        SHOW 'openat(file fd, "inner", O_RDONLY) = ', eax
        mov eax, SYS_openat
        mov ebx, 99
        mov ecx, inner
        xor edx, edx
        int 0x80
        SHOW 'openat(99, "inner", O_RDONLY) = ', eax

        SYSCALL3 SYS_dup3, edi, 7, O_CLOEXEC
        SHOW "dup3(4, 7, O_CLOEXEC) = ", eax
        SYSCALL2 SYS_fcntl, 7, F_GETFD
        SHOW "  fcntl(7, F_GETFD) = ", eax
        SYSCALL3 SYS_dup3, 7, 7, 0
        SHOW "dup3(7, 7, 0) = ", eax
        SYSCALL3 SYS_dup3, 7, 8, O_NONBLOCK
        SHOW "dup3(7, 8, O_NONBLOCK) = ", eax
        SYSCALL2 SYS_fcntl64, 7, F_GETFD
        SHOW "fcntl64(7, F_GETFD) = ", eax

        mov eax, SYS__llseek
        mov ebx, edi
        xor ecx, ecx                            ; high
        mov edx, 3                              ; low
        mov esi, result
        mov edi, SEEK_SET
        int 0x80
        SHOW "_llseek(4, 0:3, &result, SEEK_SET) = ", eax
        SHOW "  result low = ", [result]
        SHOW "  result high = ", [result+4]
        mov eax, SYS__llseek
        mov ebx, 4
        mov ecx, -1
        mov edx, -1
        mov esi, result
        mov edi, SEEK_CUR
        int 0x80
        SHOW "_llseek(4, -1, &result, SEEK_CUR) = ", eax
        SHOW "  result low = ", [result]
        mov eax, SYS__llseek
        mov ebx, 4
        mov ecx, -1
        mov edx, -100
        mov esi, result
        mov edi, SEEK_SET
        int 0x80
        SHOW "_llseek(4, -100, &result, SEEK_SET) = ", eax

        SYSCALL2 SYS_fchmod, 4, 0o640
        SHOW "fchmod(4, 0640) = ", eax
        SYSCALL2 SYS_stat64, file, st
        SHOWO "  st_mode = ", [st+ST_MODE]
        SYSCALL2 SYS_fchmod, 99, 0o640
        SHOW "fchmod(99, 0640) = ", eax

        SYSCALL2 SYS_symlink, file, link
        SYSCALL3 SYS_lchown32, link, 1234, 5678
        SHOW 'lchown32("link", 1234, 5678) = ', eax
        SYSCALL2 SYS_lstat64, link, st
        SHOW "  the link's st_uid = ", [st+ST_UID]
        SYSCALL2 SYS_stat64, link, st
        SHOW "  the target's st_uid = ", [st+ST_UID]
        SYSCALL3 SYS_fchown32, 4, 42, -1
        SHOW "fchown32(4, 42, -1) = ", eax
        SYSCALL2 SYS_stat64, file, st
        SHOW "  st_uid = ", [st+ST_UID]
        SHOW "  st_gid = ", [st+ST_GID]

        SYSCALL1 SYS_unlink, link
        SYSCALL1 SYS_unlink, file
        SYSCALL1 SYS_rmdir, subdir
        EXIT 0
