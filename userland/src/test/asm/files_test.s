; The file calls through the library: open, write, read, lseek, close; stat, lstat and fstat
; with the ST_* offsets; directories with opendir and readdir; mkdir, rename, unlink, rmdir,
; symlink, readlink, access, chdir, getcwd, dup, dup2, pipe, fcntl, umask.
%include "lib.inc"
%include "check.inc"

main:
        push ebx
        push esi
        push edi
        ; --- a file written, read back, seeked ---
        c3 open, file, O_WRONLY | O_CREAT | O_TRUNC, 0x1A4      ; 0644
        mov ebx, eax
        show "open for writing -> %d", eax
        c3 write, ebx, text, text_len
        show "write -> %d", eax
        c1 close, ebx
        show "close -> %d", eax
        c2 open, file, O_RDONLY
        mov ebx, eax
        c3 read, ebx, buffer, 100
        mov byte [buffer+eax], 0
        show2 "read -> %d [%s]", eax, buffer
        c3 read, ebx, buffer, 100
        show "read at the end -> %d", eax
        c3 lseek, ebx, 6, SEEK_SET
        show "lseek -> %d", eax
        c3 read, ebx, buffer, 5
        mov byte [buffer+eax], 0
        show2 "read -> %d [%s]", eax, buffer
        c3 lseek, ebx, -3, SEEK_END
        show "lseek from the end -> %d", eax
        mov dword [errno], 0
        c3 lseek, ebx, -100, SEEK_SET
        show2 "lseek before the start -> %d errno %d", eax, [errno]
        ; --- fstat on it, stat and lstat on a linkpath to it ---
        c2 fstat, ebx, st
        mov eax, [st+ST_MODE]
        and eax, S_IFMT
        cmp eax, S_IFREG
        jne .notreg
        say "fstat: a regular file"
.notreg:
        mov eax, [st+ST_MODE]
        and eax, 0xFFF
        show "  permissions %o", eax
        show "  size %d", [st+ST_SIZE]
        show "  links %d", [st+ST_NLINK]
        mov eax, [st+ST_INO]
        cmp eax, [st+ST_INO32]
        jne .inos
        say "  the inode numbers agree"
.inos:  c1 close, ebx
        c2 symlink, file, linkpath
        show "symlink -> %d", eax
        c2 stat, linkpath, st
        mov eax, [st+ST_MODE]
        and eax, S_IFMT
        show2 "stat(linkpath) -> type %x size %d", eax, [st+ST_SIZE]
        c2 lstat, linkpath, st
        mov eax, [st+ST_MODE]
        and eax, S_IFMT
        show2 "lstat(linkpath) -> type %x size %d", eax, [st+ST_SIZE]
        c3 readlink, linkpath, buffer, 100
        mov byte [buffer+eax], 0
        show2 "readlink -> %d [%s]", eax, buffer
        mov dword [errno], 0
        c2 stat, missing, st
        show2 "stat(missing) -> %d errno %d", eax, [errno]
        c2 access, file, R_OK
        show "access(R_OK) -> %d", eax
        c2 access, missing, F_OK
        show2 "access(missing) -> %d errno %d", eax, [errno]

        ; --- directories ---
        c2 mkdir, dir, 0x1ED        ; 0755
        show "mkdir -> %d", eax
        c2 mkdir, dir, 0x1ED
        show2 "mkdir again -> %d errno %d", eax, [errno]
        c2 rename, file, moved
        show "rename -> %d", eax
        c1 chdir, dir
        show "chdir -> %d", eax
        c2 getcwd, buffer, 100
        sub eax, buffer
        show2 "getcwd -> buffer+%d [%s]", eax, buffer
        mov dword [errno], 0
        c2 getcwd, buffer, 3
        show2 "getcwd(3) -> %d errno %d", eax, [errno]
        c1 chdir, up
        c1 list, listed
        c1 list, dir
        c1 list, many
        mov dword [errno], 0
        c1 opendir, missing
        show2 "opendir(missing) -> %d errno %d", eax, [errno]
        c1 opendir, listed_a
        show2 "opendir(a file) -> %d errno %d", eax, [errno]
        ; rewinddir starts over
        c1 opendir, listed
        mov ebx, eax
        c1 readdir, ebx
        c1 readdir, ebx
        c1 readdir, ebx
        lea eax, [eax+D_NAME]
        show "third entry [%s]", eax
        c1 rewinddir, ebx
        c1 readdir, ebx
        lea eax, [eax+D_NAME]
        show "after rewinddir [%s]", eax
        c1 dirfd, ebx
        show "dirfd -> %d", eax
        c1 closedir, ebx
        show "closedir -> %d", eax
        c1 unlink, moved
        show "unlink -> %d", eax
        c1 rmdir, dir
        show "rmdir -> %d", eax
        c1 rmdir, dir
        show2 "rmdir again -> %d errno %d", eax, [errno]

        ; --- descriptors: dup, dup2, fcntl, pipe, umask ---
        c1 fflush, STDOUT_FILENO    ; what stdout holds goes before what the copy writes
        c1 dup, STDOUT_FILENO
        mov ebx, eax
        show "dup(1) -> %d", eax
        c2 fputs, ebx, via_dup
        c1 close, ebx               ; flushes what fputs buffered for it
        c2 open, listed_a, O_RDONLY
        mov ebx, eax
        c2 dup2, ebx, 9
        show "dup2 -> %d", eax
        c3 read, 9, buffer, 100
        mov byte [buffer+eax], 0
        show "read from 9 [%s]", buffer
        c3 fcntl, 9, F_GETFD, 0
        show "fcntl(F_GETFD) -> %d", eax
        c3 fcntl, 9, F_SETFD, FD_CLOEXEC
        c3 fcntl, 9, F_GETFD, 0
        show "fcntl(F_GETFD) after F_SETFD -> %d", eax
        c1 close, 9
        c1 close, ebx
        c1 pipe, fds
        show "pipe -> %d", eax
        c3 write, [fds+4], text, 5
        c3 read, [fds], buffer, 100
        mov byte [buffer+eax], 0
        show2 "through the pipe %d [%s]", eax, buffer
        c1 close, [fds+4]
        c3 read, [fds], buffer, 100
        show "read after the writer closed -> %d", eax
        c1 close, [fds]
        c1 umask, 0x12
        c1 umask, 0x3F
        show "umask -> %o", eax
        c1 close, 55
        show2 "close(55) -> %d errno %d", eax, [errno]
        xor eax, eax
        pop edi
        pop esi
        pop ebx
        ret

; list(path): the entries of a directory, sorted by nothing but the listing, with their types;
; "many" counts instead
list:
        push ebx
        push esi
        push edi
        mov esi, [esp+16]
        c1 opendir, esi
        mov ebx, eax
        show "listing %s", esi
        xor edi, edi
.next:  c1 readdir, ebx
        test eax, eax
        jz .end
        inc edi
        push eax
        c2 strcmp, esi, many
        test eax, eax
        pop eax
        jz .next
        movzx ecx, byte [eax+D_TYPE]
        lea eax, [eax+D_NAME]
        show2 "  %s type %d", eax, ecx
        jmp .next
.end:   show "  %d entries", edi
        c1 closedir, ebx
        pop edi
        pop esi
        pop ebx
        ret

section .rodata
file:       db "/tmp/f", 0
linkpath:   db "/tmp/l", 0
missing:    db "/tmp/missing", 0
dir:        db "/tmp/d", 0
moved:      db "/tmp/d/g", 0
up:         db "..", 0
listed:     db "/data", 0
listed_a:   db "/data/a", 0
many:       db "/many", 0
text:       db "hello world, again"
text_len    equ $ - text
via_dup:    db "through a dup", 10, 0

section .bss
buffer:     resb 128
st:         resb STAT_SIZE
fds:        resd 2
