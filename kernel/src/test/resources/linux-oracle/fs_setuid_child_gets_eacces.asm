; fs_setuid_child_gets_eacces: a forked child of root calls setuid32(1000); then getuid32 and geteuid32 read 1000, root's 0600 file and 0755 directory refuse it (-13), chmod and chown32 of root's files give -1, a 0777 directory lets it create files it owns, and setuid32(0) fails.
; linux-oracle: needs root
%include "oracle.inc"
section .data
secret: db "secret", 0
public: db "public", 0
new:    db "new", 0
newdir: db "newdir", 0
shared: db "shared", 0
mine:   db "shared/mine", 0
section .bss
pid:    resd 1
status: resd 1
st:     resb STAT64_LEN
section .text
global _start
_start:
        WORKDIR "fs_setuid_child_gets_eacces.d"
        SYSCALL3 SYS_open, secret, O_WRONLY|O_CREAT|O_EXCL, 0o600
        SYSCALL3 SYS_open, public, O_WRONLY|O_CREAT|O_EXCL, 0o644
        SYSCALL2 SYS_mkdir, shared, 0o777
        SYSCALL2 SYS_chmod, shared, 0o777
        SYSCALL1 SYS_close, 3
        SYSCALL1 SYS_close, 4
        PRINTLN "root made secret (0600), public (0644) and shared/ (0777) in its 0755 directory"
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent
        SYSCALL1 SYS_setuid32, 1000
        SHOW "child: setuid32(1000) = ", eax
        mov eax, SYS_getuid32
        int 0x80
        SHOW "child: getuid32() = ", eax
        mov eax, SYS_geteuid32
        int 0x80
        SHOW "child: geteuid32() = ", eax
        SYSCALL3 SYS_open, secret, O_RDONLY, 0
        SHOW 'child: open("secret", O_RDONLY) = ', eax
        SYSCALL2 SYS_stat64, secret, st
        SHOW 'child: stat64("secret") = ', eax
        SYSCALL3 SYS_open, public, O_RDONLY, 0
        SHOW 'child: open("public", O_RDONLY) = ', eax
        SYSCALL1 SYS_close, 3
        SYSCALL3 SYS_open, public, O_WRONLY, 0
        SHOW 'child: open("public", O_WRONLY) = ', eax
        SYSCALL2 SYS_access, public, R_OK
        SHOW 'child: access("public", R_OK) = ', eax
        SYSCALL2 SYS_access, public, W_OK
        SHOW 'child: access("public", W_OK) = ', eax
        SYSCALL3 SYS_open, new, O_WRONLY|O_CREAT, 0o644
        SHOW 'child: open("new", O_WRONLY|O_CREAT) = ', eax
        SYSCALL2 SYS_mkdir, newdir, 0o755
        SHOW 'child: mkdir("newdir") = ', eax
        SYSCALL1 SYS_unlink, public
        SHOW 'child: unlink("public") = ', eax
        SYSCALL2 SYS_chmod, public, 0o666
        SHOW 'child: chmod("public", 0666) = ', eax
        SYSCALL3 SYS_chown32, public, 1000, 1000
        SHOW 'child: chown32("public", 1000, 1000) = ', eax
        SYSCALL3 SYS_open, mine, O_WRONLY|O_CREAT|O_EXCL, 0o644
        SHOW 'child: open("shared/mine", O_WRONLY|O_CREAT|O_EXCL) = ', eax
        SYSCALL2 SYS_fstat64, 3, st
        SHOW "child:   st_uid = ", [st+ST_UID]
        SYSCALL2 SYS_chmod, mine, 0o600
        SHOW 'child: chmod("shared/mine", 0600) = ', eax
        SYSCALL3 SYS_chown32, mine, 0, -1
        SHOW 'child: chown32("shared/mine", 0, -1) = ', eax
        SYSCALL1 SYS_setuid32, 0
        SHOW "child: setuid32(0) = ", eax
        EXIT 0
.parent:
        mov [pid], eax
        SYSCALL3 SYS_waitpid, [pid], status, 0
        SHOWX "parent: child status = ", [status]
        SYSCALL2 SYS_stat64, mine, st
        SHOW 'parent: stat64("shared/mine") = ', eax
        SHOW "parent:   st_uid = ", [st+ST_UID]
        SHOWO "parent:   st_mode = ", [st+ST_MODE]
        SYSCALL2 SYS_stat64, new, st
        SHOW 'parent: stat64("new") = ', eax
        EXIT 0
