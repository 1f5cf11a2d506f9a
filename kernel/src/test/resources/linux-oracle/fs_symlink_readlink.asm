; fs_symlink_readlink: readlink returns the target without a NUL and truncates silently to the buffer; -22 for a non-link or size 0; opens follow links (relative to the link's directory) unless O_NOFOLLOW (-40); O_CREAT through a dangling link creates its target, O_EXCL refuses it; link() links the symlink itself.
%include "oracle.inc"
section .data
target: db "target", 0
ln:     db "ln", 0
dangling: db "dangling", 0
missing: db "missing", 0
empty:  db 0
emptyln: db "emptyln", 0
whatever: db "whatever", 0
nope:   db "nope", 0
d:      db "d", 0
dlink:     db "dlink", 0
dlx:    db "dlink/x", 0
dslashx:     db "d/x", 0
up:     db "d/up", 0
uptarget: db "../target", 0
hardln: db "hardln", 0
hello:  db "hello", 10
section .bss
fd:     resd 1
buf:    resb 64
st:     resb STAT64_LEN
section .text
global _start
_start:
        WORKDIR "fs_symlink_readlink.d"
        SYSCALL3 SYS_open, target, O_WRONLY|O_CREAT|O_EXCL, 0o644
        mov [fd], eax
        SYSCALL3 SYS_write, [fd], hello, 6
        SYSCALL1 SYS_close, [fd]
        PRINTLN "target holds hello\n"
        SYSCALL2 SYS_symlink, target, ln
        SHOW 'symlink("target", "ln") = ', eax
        call fill
        SYSCALL3 SYS_readlink, ln, buf, 64
        SHOWDATA 'readlink("ln", buf, 64) = ', buf
        mov eax, 8
        SHOWDATA "  buf then holds ", buf
        call fill
        SYSCALL3 SYS_readlink, ln, buf, 3
        SHOWDATA 'readlink("ln", buf, 3) = ', buf
        mov eax, 8
        SHOWDATA "  buf then holds ", buf
        SYSCALL3 SYS_readlink, ln, buf, 0
        SHOW 'readlink("ln", buf, 0) = ', eax
        SYSCALL3 SYS_readlink, target, buf, 64
        SHOW 'readlink("target") = ', eax
        SYSCALL3 SYS_readlink, nope, buf, 64
        SHOW 'readlink("nope") = ', eax
        SYSCALL3 SYS_readlink, ln, KERNEL_ADDR, 64
        SHOW 'readlink("ln", KERNEL_ADDR, 64) = ', eax
        SYSCALL2 SYS_symlink, target, ln
        SHOW 'symlink("target", "ln") again = ', eax
        SYSCALL2 SYS_symlink, whatever, target
        SHOW 'symlink("whatever", "target") = ', eax
        SYSCALL2 SYS_symlink, empty, emptyln
        SHOW 'symlink("", "emptyln") = ', eax

        SYSCALL3 SYS_open, ln, O_RDONLY, 0
        SHOW 'open("ln", O_RDONLY) = ', eax
        mov [fd], eax
        SYSCALL3 SYS_read, [fd], buf, 64
        SHOWDATA "  read = ", buf
        SYSCALL1 SYS_close, [fd]
        SYSCALL3 SYS_open, ln, O_RDONLY|O_NOFOLLOW, 0
        SHOW 'open("ln", O_RDONLY|O_NOFOLLOW) = ', eax

        SYSCALL2 SYS_symlink, missing, dangling
        SHOW 'symlink("missing", "dangling") = ', eax
        SYSCALL3 SYS_open, dangling, O_RDONLY, 0
        SHOW 'open("dangling", O_RDONLY) = ', eax
        SYSCALL3 SYS_open, dangling, O_WRONLY|O_CREAT|O_EXCL, 0o644
        SHOW 'open("dangling", O_WRONLY|O_CREAT|O_EXCL) = ', eax
        SYSCALL3 SYS_open, dangling, O_WRONLY|O_CREAT, 0o600
        SHOW 'open("dangling", O_WRONLY|O_CREAT, 0600) = ', eax
        mov ebx, eax
        mov eax, SYS_close
        int 0x80
        SYSCALL2 SYS_stat64, missing, st
        SHOW '  stat64("missing") = ', eax
        SHOWO "  st_mode = ", [st+ST_MODE]

        SYSCALL2 SYS_mkdir, d, 0o755
        SYSCALL2 SYS_symlink, d, dlink
        SHOW 'symlink("d", "dlink") = ', eax
        SYSCALL3 SYS_open, dlx, O_WRONLY|O_CREAT|O_EXCL, 0o644
        SHOW 'open("dlink/x", O_WRONLY|O_CREAT|O_EXCL) = ', eax
        mov ebx, eax
        mov eax, SYS_close
        int 0x80
        SYSCALL2 SYS_stat64, dslashx, st
        SHOW '  stat64("d/x") = ', eax
        SYSCALL2 SYS_symlink, uptarget, up
        SHOW 'symlink("../target", "d/up") = ', eax
        SYSCALL3 SYS_open, up, O_RDONLY, 0
        SHOW 'open("d/up", O_RDONLY) = ', eax
        mov [fd], eax
        SYSCALL3 SYS_read, [fd], buf, 64
        SHOWDATA "  read = ", buf
        SYSCALL1 SYS_close, [fd]

        SYSCALL2 SYS_link, ln, hardln
        SHOW 'link("ln", "hardln") = ', eax
        SYSCALL2 SYS_lstat64, hardln, st
        SHOWO '  lstat64("hardln"): st_mode = ', [st+ST_MODE]
        SHOW '  st_nlink = ', [st+ST_NLINK]
        SYSCALL1 SYS_unlink, ln
        SHOW 'unlink("ln") = ', eax
        SYSCALL2 SYS_stat64, target, st
        SHOW '  stat64("target") = ', eax
        SYSCALL2 SYS_stat64, hardln, st
        SHOW '  stat64("hardln") = ', eax
        EXIT 0

; fill: fill buf with '#'.
fill:
        mov edi, buf
        mov ecx, 64
        mov al, '#'
        rep stosb
        ret
