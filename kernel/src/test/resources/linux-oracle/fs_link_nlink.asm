; fs_link_nlink: link adds a name to the same file (st_nlink 2, writes through one name seen through the other); EEXIST, ENOENT, EPERM for a directory; unlink brings st_nlink back to 1.
%include "oracle.inc"
section .data
f:      db "f", 0
g:      db "g", 0
h:      db "h", 0
d:      db "d", 0
dlink:     db "dlink", 0
nope:   db "nope", 0
nodirx: db "nodir/x", 0
fslash: db "f/", 0
hello:  db "hello"
xy:     db "XY"
section .bss
fd:     resd 1
buf:    resb 64
st:     resb STAT64_LEN
ino:    resd 1
section .text
global _start
_start:
        WORKDIR "fs_link_nlink.d"
        SYSCALL3 SYS_open, f, O_WRONLY|O_CREAT|O_EXCL, 0o644
        mov [fd], eax
        SYSCALL3 SYS_write, [fd], hello, 5
        SYSCALL1 SYS_close, [fd]
        SYSCALL2 SYS_stat64, f, st
        SHOW 'stat64("f"): st_nlink = ', [st+ST_NLINK]
        mov eax, [st+88]
        mov [ino], eax
        SYSCALL2 SYS_link, f, g
        SHOW 'link("f", "g") = ', eax
        SYSCALL2 SYS_stat64, f, st
        SHOW '  stat64("f"): st_nlink = ', [st+ST_NLINK]
        SYSCALL2 SYS_stat64, g, st
        SHOW '  stat64("g"): st_nlink = ', [st+ST_NLINK]
        SHOW '  stat64("g"): st_size = ', [st+ST_SIZE]
        mov eax, [st+88]
        cmp eax, [ino]
        YES_IF je, "  same st_ino: "
        SYSCALL3 SYS_open, g, O_WRONLY|O_APPEND, 0
        mov [fd], eax
        SYSCALL3 SYS_write, [fd], xy, 2
        SYSCALL1 SYS_close, [fd]
        SYSCALL3 SYS_open, f, O_RDONLY, 0
        mov [fd], eax
        SYSCALL3 SYS_read, [fd], buf, 64
        SHOWDATA "  after appending XY through g, f holds ", buf
        SYSCALL1 SYS_close, [fd]

        SYSCALL2 SYS_link, f, g
        SHOW 'link("f", "g") again = ', eax
        SYSCALL2 SYS_link, nope, h
        SHOW 'link("nope", "h") = ', eax
        SYSCALL2 SYS_link, f, nodirx
        SHOW 'link("f", "nodir/x") = ', eax
        SYSCALL2 SYS_link, fslash, h
        SHOW 'link("f/", "h") = ', eax
        SYSCALL2 SYS_mkdir, d, 0o755
        SYSCALL2 SYS_link, d, dlink
        SHOW 'link("d", "dlink") on a directory = ', eax

        SYSCALL1 SYS_unlink, g
        SHOW 'unlink("g") = ', eax
        SYSCALL2 SYS_stat64, f, st
        SHOW '  stat64("f"): st_nlink = ', [st+ST_NLINK]
        SYSCALL2 SYS_link, f, h
        SYSCALL1 SYS_unlink, f
        PRINTLN 'link("f", "h") then unlink("f")'
        SYSCALL2 SYS_stat64, h, st
        SHOW '  stat64("h"): st_nlink = ', [st+ST_NLINK]
        SHOW '  stat64("h"): st_size = ', [st+ST_SIZE]
        EXIT 0
