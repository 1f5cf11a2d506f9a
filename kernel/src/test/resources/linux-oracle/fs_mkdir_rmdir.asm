; fs_mkdir_rmdir: mkdir applies the umask and keeps the sticky bit; EEXIST, ENOENT, ENOTDIR; rmdir of a non-empty directory is -39, of a file -20, of "." -22, of ".." -39; trailing slashes are accepted.
%include "oracle.inc"
section .data
d:      db "d", 0
e:      db "d/e", 0
f:      db "f", 0
t:      db "t/", 0
s:      db "sticky", 0
nope:   db "nope", 0
nopesub: db "nope/d", 0
fsub:   db "f/d", 0
empty:  db 0
dot:    db ".", 0
ddot:   db "d/.", 0
dddot:  db "d/..", 0
ddotdot: db "..", 0
section .bss
st:     resb STAT64_LEN
section .text
global _start
_start:
        WORKDIR "fs_mkdir_rmdir.d"
        SYSCALL3 SYS_open, f, O_WRONLY|O_CREAT|O_EXCL, 0o644
        SYSCALL1 SYS_close, 3
        PRINTLN "umask is 022; f is a regular file"
        SYSCALL2 SYS_mkdir, d, 0o777
        SHOW 'mkdir("d", 0777) = ', eax
        SYSCALL2 SYS_stat64, d, st
        SHOWO "  st_mode = ", [st+ST_MODE]
        SYSCALL2 SYS_mkdir, d, 0o777
        SHOW 'mkdir("d", 0777) again = ', eax
        SYSCALL2 SYS_mkdir, f, 0o777
        SHOW 'mkdir("f") = ', eax
        SYSCALL2 SYS_mkdir, dot, 0o777
        SHOW 'mkdir(".") = ', eax
        SYSCALL2 SYS_mkdir, nopesub, 0o777
        SHOW 'mkdir("nope/d") = ', eax
        SYSCALL2 SYS_mkdir, fsub, 0o777
        SHOW 'mkdir("f/d") = ', eax
        SYSCALL2 SYS_mkdir, empty, 0o777
        SHOW 'mkdir("") = ', eax
        SYSCALL2 SYS_mkdir, e, 0o700
        SHOW 'mkdir("d/e", 0700) = ', eax
        SYSCALL2 SYS_stat64, e, st
        SHOWO "  st_mode = ", [st+ST_MODE]
        SYSCALL2 SYS_mkdir, t, 0o755
        SHOW 'mkdir("t/", 0755) = ', eax
        SYSCALL2 SYS_mkdir, s, 0o1777
        SHOW 'mkdir("sticky", 01777) = ', eax
        SYSCALL2 SYS_stat64, s, st
        SHOWO "  st_mode = ", [st+ST_MODE]

        SYSCALL1 SYS_rmdir, d
        SHOW 'rmdir("d") holding e = ', eax
        SYSCALL1 SYS_rmdir, f
        SHOW 'rmdir("f") = ', eax
        SYSCALL1 SYS_rmdir, dot
        SHOW 'rmdir(".") = ', eax
        SYSCALL1 SYS_rmdir, ddot
        SHOW 'rmdir("d/.") = ', eax
        SYSCALL1 SYS_rmdir, dddot
        SHOW 'rmdir("d/..") = ', eax
        SYSCALL1 SYS_rmdir, ddotdot
        SHOW 'rmdir("..") = ', eax
        SYSCALL1 SYS_rmdir, nope
        SHOW 'rmdir("nope") = ', eax
        SYSCALL1 SYS_rmdir, empty
        SHOW 'rmdir("") = ', eax
        SYSCALL1 SYS_rmdir, e
        SHOW 'rmdir("d/e") = ', eax
        SYSCALL1 SYS_rmdir, d
        SHOW 'rmdir("d") = ', eax
        SYSCALL2 SYS_stat64, d, st
        SHOW 'stat64("d") = ', eax
        SYSCALL1 SYS_rmdir, t
        SHOW 'rmdir("t/") = ', eax
        SYSCALL1 SYS_rmdir, s
        SHOW 'rmdir("sticky") = ', eax
        SYSCALL1 SYS_unlink, f
        EXIT 0
