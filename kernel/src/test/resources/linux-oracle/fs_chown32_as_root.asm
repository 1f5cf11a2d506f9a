; fs_chown32_as_root: root's chown32 sets owner and group (-1 keeps one), follows symlinks, and clears the set-user-ID and set-group-ID bits of a regular file; a directory keeps them.
; linux-oracle: needs root
%include "oracle.inc"
section .data
f:      db "f", 0
l:      db "l", 0
d:      db "d", 0
nope:   db "nope", 0
section .bss
st:     resb STAT64_LEN
section .text
global _start
_start:
        WORKDIR "fs_chown32_as_root.d"
        SYSCALL3 SYS_open, f, O_WRONLY|O_CREAT|O_EXCL, 0o644
        mov ebx, eax
        mov eax, SYS_close
        int 0x80
        mov esi, f
        call show
        SYSCALL3 SYS_chown32, f, 1000, 1000
        SHOW 'chown32("f", 1000, 1000) = ', eax
        call show
        SYSCALL3 SYS_chown32, f, -1, 2000
        SHOW 'chown32("f", -1, 2000) = ', eax
        call show
        SYSCALL3 SYS_chown32, f, 3000, -1
        SHOW 'chown32("f", 3000, -1) = ', eax
        call show
        SYSCALL2 SYS_chmod, f, 0o6755
        SHOW 'chmod("f", 06755) = ', eax
        call show
        SYSCALL3 SYS_chown32, f, -1, -1
        SHOW 'chown32("f", -1, -1) = ', eax
        call show
        SYSCALL2 SYS_chmod, f, 0o6755
        SYSCALL3 SYS_chown32, f, 0, 0
        SHOW 'chmod("f", 06755), chown32("f", 0, 0) = ', eax
        call show
        SYSCALL2 SYS_symlink, f, l
        SYSCALL3 SYS_chown32, l, 4000, 4000
        SHOW 'chown32("l", 4000, 4000), l -> f = ', eax
        call show
        mov esi, l
        SYSCALL2 SYS_lstat64, l, st
        PRINT "  lstat64(l): "
        call show_ids
        SYSCALL2 SYS_mkdir, d, 0o755
        SYSCALL2 SYS_chmod, d, 0o6755
        mov esi, d
        call show
        SYSCALL3 SYS_chown32, d, 1000, 1000
        SHOW 'chown32("d", 1000, 1000) = ', eax
        call show
        SYSCALL3 SYS_chown32, nope, 0, 0
        SHOW 'chown32("nope", 0, 0) = ', eax
        EXIT 0

; show: print the stat64 of the path at esi: owner, group and mode.
show:
        SYSCALL2 SYS_stat64, esi, st
        PRINT "  "
        call print_str
        PRINT ": "
show_ids:
        PRINT "st_uid "
        mov eax, [st+ST_UID]
        call print_dec
        PRINT ", st_gid "
        mov eax, [st+ST_GID]
        call print_dec
        SHOWO ", st_mode ", [st+ST_MODE]
        ret
