; fs_unlink_rename: an unlinked open file stays readable (st_nlink 0); rename moves, replaces a file, replaces an empty directory, and fails onto a non-empty directory (-39), into its own subdirectory (-22), across types (-21/-20) and for "." (-16); renaming onto a hard link of itself does nothing.
%include "oracle.inc"
section .data
a:      db "a", 0
aslash: db "a/", 0
b:      db "b", 0
c:      db "c", 0
x:      db "x", 0
h:      db "h", 0
z:      db "z", 0
d:      db "d", 0
d1:     db "d1", 0
d1f:    db "d1/f", 0
d2:     db "d2", 0
d2g:    db "d2/g", 0
d3:     db "d3", 0
d3f:    db "d3/f", 0
d3x:    db "d3/x", 0
d3xy:   db "d3/x/y", 0
dot:    db ".", 0
nope:   db "nope", 0
nodirc: db "nodir/c", 0
AAA:    db "AAA"
BB:     db "BB"
XXXX:   db "XXXX"
section .bss
fd:     resd 1
buf:    resb 64
st:     resb STAT64_LEN
section .text
global _start
_start:
        WORKDIR "fs_unlink_rename.d"
        mov esi, a
        mov edi, AAA
        mov ecx, 3
        call make
        mov esi, b
        mov edi, BB
        mov ecx, 2
        call make
        SYSCALL2 SYS_mkdir, d, 0o755
        PRINTLN 'a holds AAA, b holds BB, d is a directory'
        SYSCALL1 SYS_unlink, nope
        SHOW 'unlink("nope") = ', eax
        SYSCALL1 SYS_unlink, d
        SHOW 'unlink("d") = ', eax
        SYSCALL1 SYS_unlink, aslash
        SHOW 'unlink("a/") = ', eax
        SYSCALL3 SYS_open, a, O_RDONLY, 0
        mov [fd], eax
        SYSCALL1 SYS_unlink, a
        SHOW 'unlink("a") while open = ', eax
        SYSCALL2 SYS_stat64, a, st
        SHOW '  stat64("a") = ', eax
        SYSCALL2 SYS_fstat64, [fd], st
        SHOW "  fstat64(fd) = ", eax
        SHOW "  st_nlink = ", [st+ST_NLINK]
        SHOW "  st_size = ", [st+ST_SIZE]
        SYSCALL3 SYS_read, [fd], buf, 64
        SHOWDATA "  read(fd) = ", buf
        SYSCALL1 SYS_close, [fd]
        SYSCALL1 SYS_unlink, a
        SHOW 'unlink("a") again = ', eax

        SYSCALL2 SYS_rename, b, c
        SHOW 'rename("b", "c") = ', eax
        SYSCALL2 SYS_stat64, b, st
        SHOW '  stat64("b") = ', eax
        mov esi, c
        call show
        mov esi, x
        mov edi, XXXX
        mov ecx, 4
        call make
        SYSCALL2 SYS_rename, x, c
        SHOW 'rename("x", "c") onto the existing c = ', eax
        SYSCALL2 SYS_stat64, x, st
        SHOW '  stat64("x") = ', eax
        mov esi, c
        call show
        SYSCALL2 SYS_rename, c, c
        SHOW 'rename("c", "c") = ', eax
        SYSCALL2 SYS_link, c, h
        SHOW 'link("c", "h") = ', eax
        SYSCALL2 SYS_rename, c, h
        SHOW 'rename("c", "h"), two names of one file = ', eax
        SYSCALL2 SYS_stat64, c, st
        SHOW '  stat64("c") = ', eax
        SHOW "  st_nlink = ", [st+ST_NLINK]
        SYSCALL2 SYS_rename, nope, z
        SHOW 'rename("nope", "z") = ', eax
        SYSCALL2 SYS_rename, c, nodirc
        SHOW 'rename("c", "nodir/c") = ', eax
        SYSCALL2 SYS_rename, dot, z
        SHOW 'rename(".", "z") = ', eax

        SYSCALL2 SYS_mkdir, d1, 0o755
        mov esi, d1f
        mov edi, AAA
        mov ecx, 1
        call make
        SYSCALL2 SYS_mkdir, d2, 0o755
        mov esi, d2g
        call make
        SYSCALL2 SYS_mkdir, d3, 0o755
        PRINTLN "d1 holds f, d2 holds g, d3 is empty"
        SYSCALL2 SYS_rename, d1, d2
        SHOW 'rename("d1", "d2") = ', eax
        SYSCALL2 SYS_rename, d1, d3
        SHOW 'rename("d1", "d3") = ', eax
        SYSCALL2 SYS_stat64, d1, st
        SHOW '  stat64("d1") = ', eax
        SYSCALL2 SYS_stat64, d3f, st
        SHOW '  stat64("d3/f") = ', eax
        SYSCALL2 SYS_rename, d3, d3x
        SHOW 'rename("d3", "d3/x") = ', eax
        SYSCALL2 SYS_mkdir, d3x, 0o755
        SYSCALL2 SYS_rename, d3, d3xy
        SHOW 'rename("d3", "d3/x/y") = ', eax
        SYSCALL2 SYS_rename, c, d2
        SHOW 'rename("c", "d2"), a file onto a directory = ', eax
        SYSCALL2 SYS_rename, d3, c
        SHOW 'rename("d3", "c"), a directory onto a file = ', eax
        SYSCALL2 SYS_rename, c, d3f
        SHOW 'rename("c", "d3/f") into a directory = ', eax
        mov esi, d3f
        call show
        EXIT 0

; make: create the file at esi holding ecx bytes from edi.
make:
        push ecx
        SYSCALL3 SYS_open, esi, O_WRONLY|O_CREAT|O_EXCL, 0o644
        mov [fd], eax
        pop edx
        SYSCALL3 SYS_write, [fd], edi, edx
        SYSCALL1 SYS_close, [fd]
        ret

; show: print the content of the file at esi.
show:
        SYSCALL3 SYS_open, esi, O_RDONLY, 0
        mov [fd], eax
        SYSCALL3 SYS_read, [fd], buf, 64
        PRINT "  "
        call print_str
        SHOWDATA " holds ", buf
        SYSCALL1 SYS_close, [fd]
        ret
