; fs_open_flags_and_errors: O_CREAT|O_EXCL, O_TRUNC, O_APPEND, O_DIRECTORY, access modes, creat, paths with ".", ".." and doubled slashes, and the path errors of open.
%include "oracle.inc"
section .data
f:      db "f", 0
g:      db "g", 0
d:      db "d", 0
dot:    db ".", 0
nope:   db "nope", 0
empty:  db 0
under:  db "f/x", 0
slash:  db "f/", 0
newslash: db "new/", 0
nodir:  db "nodir/x", 0
dotf:   db "./f", 0
dupf:   db "d/../f", 0
slashes: db "d//..//./f", 0
fdotdot: db "f/..", 0
ddot:   db "d/.", 0
digits: db "0123456789"
long256: times 256 db 'a'
        db 0
long255: times 255 db 'b'
        db 0
section .bss
fd:     resd 1
buf:    resb 64
st:     resb STAT64_LEN
section .text
global _start
_start:
        WORKDIR "fs_open_flags_and_errors.d"
        SYSCALL3 SYS_open, f, O_WRONLY|O_CREAT|O_EXCL, 0o644
        SHOW 'open("f", O_WRONLY|O_CREAT|O_EXCL, 0644) = ', eax
        mov [fd], eax
        SYSCALL3 SYS_write, [fd], digits, 10
        SHOW "write(fd, 0123456789, 10) = ", eax
        SYSCALL3 SYS_read, [fd], buf, 64
        SHOW "read on the O_WRONLY fd = ", eax
        SYSCALL1 SYS_close, [fd]
        SYSCALL3 SYS_open, f, O_WRONLY|O_CREAT|O_EXCL, 0o644
        SHOW 'open("f", O_WRONLY|O_CREAT|O_EXCL) again = ', eax
        SYSCALL3 SYS_open, f, O_WRONLY|O_CREAT, 0o600
        SHOW 'open("f", O_WRONLY|O_CREAT) without O_EXCL = ', eax
        mov [fd], eax
        SYSCALL2 SYS_fstat64, [fd], st
        SHOWO "  mode stays ", [st+ST_MODE]
        SHOW "  size stays ", [st+ST_SIZE]
        SYSCALL1 SYS_close, [fd]

        SYSCALL3 SYS_open, f, O_RDONLY, 0
        SHOW 'open("f", O_RDONLY) = ', eax
        mov [fd], eax
        SYSCALL3 SYS_write, [fd], digits, 1
        SHOW "write on the O_RDONLY fd = ", eax
        SYSCALL3 SYS_read, [fd], buf, 64
        SHOWDATA "read(fd, buf, 64) = ", buf
        SYSCALL1 SYS_close, [fd]

        SYSCALL3 SYS_open, f, O_WRONLY|O_APPEND, 0
        SHOW 'open("f", O_WRONLY|O_APPEND) = ', eax
        mov [fd], eax
        SYSCALL3 SYS_lseek, [fd], 0, SEEK_CUR
        SHOW "  offset after open = ", eax
        SYSCALL3 SYS_lseek, [fd], 2, SEEK_SET
        SHOW "  lseek(fd, 2, SEEK_SET) = ", eax
        SYSCALL3 SYS_write, [fd], digits, 3
        SHOW "  write(fd, 012, 3) = ", eax
        SYSCALL3 SYS_lseek, [fd], 0, SEEK_CUR
        SHOW "  offset after the write = ", eax
        SYSCALL1 SYS_close, [fd]
        call show_f

        SYSCALL3 SYS_open, f, O_RDWR|O_TRUNC, 0
        SHOW 'open("f", O_RDWR|O_TRUNC) = ', eax
        mov [fd], eax
        SYSCALL2 SYS_fstat64, [fd], st
        SHOW "  size = ", [st+ST_SIZE]
        SYSCALL3 SYS_write, [fd], digits, 4
        SYSCALL1 SYS_close, [fd]
        SYSCALL3 SYS_open, f, O_RDONLY|O_TRUNC, 0
        SHOW 'open("f", O_RDONLY|O_TRUNC) = ', eax
        mov [fd], eax
        SYSCALL2 SYS_fstat64, [fd], st
        SHOW "  size = ", [st+ST_SIZE]
        SYSCALL1 SYS_close, [fd]

        SYSCALL2 SYS_creat, g, 0o600
        SHOW 'creat("g", 0600) = ', eax
        mov [fd], eax
        SYSCALL3 SYS_fcntl, [fd], F_GETFL, 0
        SHOWFL "  fcntl(F_GETFL) = "
        SYSCALL3 SYS_write, [fd], digits, 5
        SYSCALL1 SYS_close, [fd]
        SYSCALL2 SYS_creat, g, 0o644
        SHOW 'creat("g", 0644) again = ', eax
        mov [fd], eax
        SYSCALL2 SYS_fstat64, [fd], st
        SHOWO "  mode = ", [st+ST_MODE]
        SHOW "  size = ", [st+ST_SIZE]
        SYSCALL1 SYS_close, [fd]

        SYSCALL3 SYS_open, f, O_RDONLY|O_DIRECTORY, 0
        SHOW 'open("f", O_RDONLY|O_DIRECTORY) = ', eax
        SYSCALL3 SYS_open, dot, O_RDONLY|O_DIRECTORY, 0
        SHOW 'open(".", O_RDONLY|O_DIRECTORY) = ', eax
        mov [fd], eax
        SYSCALL3 SYS_read, [fd], buf, 64
        SHOW "  read on the directory = ", eax
        SYSCALL3 SYS_write, [fd], digits, 1
        SHOW "  write on the directory = ", eax
        SYSCALL1 SYS_close, [fd]
        SYSCALL3 SYS_open, dot, O_WRONLY, 0
        SHOW 'open(".", O_WRONLY) = ', eax
        SYSCALL3 SYS_open, dot, O_RDWR, 0
        SHOW 'open(".", O_RDWR) = ', eax
        SYSCALL2 SYS_mkdir, d, 0o755
        SYSCALL3 SYS_open, d, O_RDONLY|O_CREAT, 0o644
        SHOW 'open("d", O_RDONLY|O_CREAT) on a directory = ', eax
        SYSCALL3 SYS_open, d, O_RDONLY|O_CREAT|O_EXCL, 0o644
        SHOW 'open("d", O_RDONLY|O_CREAT|O_EXCL) on a directory = ', eax
        mov esi, dotf
        call try_path
        mov esi, dupf
        call try_path
        mov esi, slashes
        call try_path
        mov esi, fdotdot
        call try_path
        mov esi, ddot
        call try_path

        SYSCALL3 SYS_open, nope, O_RDONLY, 0
        SHOW 'open("nope", O_RDONLY) = ', eax
        SYSCALL3 SYS_open, empty, O_RDONLY, 0
        SHOW 'open("", O_RDONLY) = ', eax
        SYSCALL3 SYS_open, empty, O_WRONLY|O_CREAT, 0o644
        SHOW 'open("", O_WRONLY|O_CREAT) = ', eax
        SYSCALL3 SYS_open, under, O_RDONLY, 0
        SHOW 'open("f/x", O_RDONLY) = ', eax
        SYSCALL3 SYS_open, under, O_WRONLY|O_CREAT, 0o644
        SHOW 'open("f/x", O_WRONLY|O_CREAT) = ', eax
        SYSCALL3 SYS_open, slash, O_RDONLY, 0
        SHOW 'open("f/", O_RDONLY) = ', eax
        SYSCALL3 SYS_open, newslash, O_WRONLY|O_CREAT, 0o644
        SHOW 'open("new/", O_WRONLY|O_CREAT) = ', eax
        SYSCALL3 SYS_open, nodir, O_WRONLY|O_CREAT, 0o644
        SHOW 'open("nodir/x", O_WRONLY|O_CREAT) = ', eax
        SYSCALL3 SYS_open, long256, O_RDONLY, 0
        SHOW "open(256-byte name, O_RDONLY) = ", eax
        SYSCALL3 SYS_open, long256, O_WRONLY|O_CREAT, 0o644
        SHOW "open(256-byte name, O_WRONLY|O_CREAT) = ", eax
        SYSCALL3 SYS_open, long255, O_WRONLY|O_CREAT, 0o644
        SHOW "open(255-byte name, O_WRONLY|O_CREAT) = ", eax
        mov ebx, eax
        mov eax, SYS_close
        int 0x80
        SYSCALL1 SYS_unlink, long255
        SHOW "unlink(255-byte name) = ", eax
        SYSCALL3 SYS_open, KERNEL_ADDR, O_RDONLY, 0
        SHOW "open(KERNEL_ADDR, O_RDONLY) = ", eax
        EXIT 0

; try_path: open(esi, O_RDONLY), print the result, close.
try_path:
        PRINT 'open("'
        call print_str
        SYSCALL3 SYS_open, esi, O_RDONLY, 0
        SHOW '", O_RDONLY) = ', eax
        mov ebx, eax
        mov eax, SYS_close
        int 0x80
        ret

; show_f: print the whole content of "f".
show_f:
        SYSCALL3 SYS_open, f, O_RDONLY, 0
        mov [fd], eax
        SYSCALL3 SYS_read, [fd], buf, 64
        SHOWDATA "  f now holds ", buf
        SYSCALL1 SYS_close, [fd]
        ret
