; The rest of the call wrappers (creat, link, chmod, chown, truncate, openat, fchdir, readv and
; writev, pipe2, dup3, wait4, getdents64, mknod, mount, umount, gettid, setuid, setgid) and the
; output buffering modes, watched through a non-blocking pipe with the raw sys_read (C read
; would flush first).
%include "lib.inc"
%include "check.inc"

main:
        push ebx
        push esi
        push edi
        ; --- files ---
        c2 creat, file, 0x1FF       ; 0777, less the umask 022
        mov ebx, eax
        show "creat -> %d", eax
        c2 fchmod, ebx, 0x180       ; 0600
        show "fchmod -> %d", eax
        c2 ftruncate, ebx, 10
        show "ftruncate -> %d", eax
        c2 fstat, ebx, st
        mov eax, [st+ST_MODE]
        and eax, 0xFFF
        show2 "mode %o size %d", eax, [st+ST_SIZE]
        c1 close, ebx
        c2 chmod, file, 0x1A4       ; 0644
        c2 truncate, file, 3
        c3 chown, file, 5, 6
        show "chown -> %d", eax
        c2 stat, file, st
        mov eax, [st+ST_MODE]
        and eax, 0xFFF
        show2 "mode %o size %d", eax, [st+ST_SIZE]
        show2 "owner %d group %d", [st+ST_UID], [st+ST_GID]
        c2 link, file, hard
        show "link -> %d", eax
        c2 stat, file, st
        show "links %d", [st+ST_NLINK]
        c2 mknod, fifo, S_IFIFO | 0x1A4
        show "mknod(fifo) -> %d", eax
        c2 lstat, fifo, st
        mov eax, [st+ST_MODE]
        and eax, S_IFMT
        show "fifo type %x", eax
        ; openat and fchdir against a directory descriptor
        c2 open, tmp, O_RDONLY | O_DIRECTORY
        mov ebx, eax
        c4 openat, ebx, hard_name, O_RDONLY, 0
        mov esi, eax
        c2 fstat, esi, st
        show "openat: size %d", [st+ST_SIZE]
        c1 close, esi
        c1 fchdir, ebx
        show "fchdir -> %d", eax
        c2 getcwd, buffer, 64
        show "cwd [%s]", buffer
        ; getdents64 directly: the first record is "."
        c3 getdents64, ebx, buffer, 64
        mov ecx, eax
        movzx eax, word [buffer+D_RECLEN]
        lea edx, [buffer+D_NAME]
        show2 "getdents64: first [%s] reclen %d", edx, eax
        c1 close, ebx
        ; readv and writev
        c3 open, vec_file, O_RDWR | O_CREAT, 0x1A4
        mov ebx, eax
        c3 writev, ebx, out_vec, 2
        show "writev -> %d", eax
        c3 lseek, ebx, 0, SEEK_SET
        c3 readv, ebx, in_vec, 2
        show "readv -> %d", eax
        mov byte [part1+3], 0
        mov byte [part2+5], 0
        show2 "readv parts [%s] [%s]", part1, part2
        c1 close, ebx
        c1 unlink, hard
        c1 unlink, file
        c1 unlink, fifo
        c1 unlink, vec_file

        ; --- pipe2, dup3 ---
        c2 pipe2, fds, O_CLOEXEC
        c3 fcntl, [fds], F_GETFD, 0
        show "pipe2(O_CLOEXEC): FD_CLOEXEC %d", eax
        c3 dup3, [fds], 20, O_CLOEXEC
        show "dup3 -> %d", eax
        c3 fcntl, 20, F_GETFD, 0
        show "dup3(O_CLOEXEC): FD_CLOEXEC %d", eax
        c3 dup3, 20, 20, 0
        show2 "dup3 onto itself -> %d errno %d", eax, [errno]
        c1 close, 20
        c1 close, [fds]
        c1 close, [fds+4]

        ; --- mount a ramfs, use it, unmount it ---
        c2 mkdir, mnt, 0x1ED
        c4 mount, none, mnt, ramfs, 0
        show "mount -> %d", eax
        c2 creat, mnt_file, 0x1A4
        c1 close, eax
        c1 umount, mnt
        show "umount -> %d", eax
        c2 access, mnt_file, F_OK
        show "the file is gone with the mount: %d", eax

        ; --- ids and wait4 ---
        c0 gettid
        mov ebx, eax
        c0 getpid
        cmp eax, ebx
        jne .tid
        say "gettid is getpid"
.tid:   c0 fork
        test eax, eax
        jnz .parent
        c1 setgid, 30
        c1 setuid, 20
        c0 getuid
        mov ebx, eax
        c0 getgid
        show2 "child: uid %d gid %d", ebx, eax
        mov dword [errno], 0
        c1 setuid, 0
        show2 "child: setuid(0) -> %d errno %d", eax, [errno]
        c1 exit, 9
.parent:
        mov ebx, eax
        c4 wait4, ebx, status, 0, 0
        cmp eax, ebx
        jne .bad
        mov eax, [status]
        shr eax, 8
        show "wait4: exit code %d", eax

        ; --- output buffering, seen through a non-blocking pipe ---
        c2 pipe2, fds, O_NONBLOCK
        mov ebx, [fds+4]            ; the writer, buffered by default
        c2 fputs, ebx, partial
        call drain
        c1 fflush, ebx
        show "fflush -> %d", eax
        call drain
        c4 setvbuf, ebx, 0, _IOLBF, 0
        show "setvbuf(_IOLBF) -> %d", eax
        c2 fputs, ebx, partial
        call drain
        c2 fputs, ebx, newline
        call drain
        c4 setvbuf, ebx, 0, _IONBF, 0
        c2 fputs, ebx, partial
        call drain
        c4 setvbuf, ebx, 0, _IOFBF, 0
        xor esi, esi
.fill:  c2 fputc, ebx, 'x'          ; 1500 bytes: a full buffer goes out on its own
        inc esi
        cmp esi, 1500
        jb .fill
        call drain
        c1 close, ebx               ; the rest
        call drain
        c4 setvbuf, 99, 0, _IOFBF, 0
        show2 "setvbuf(99) -> %d errno %d", eax, [errno]
        c4 setvbuf, 1, 0, 3, 0
        show2 "setvbuf(mode 3) -> %d errno %d", eax, [errno]
        xor eax, eax
        jmp .done
.bad:   show "wait4 -> %d", eax
        mov eax, 1
.done:  pop edi
        pop esi
        pop ebx
        ret

; drain: reads what the pipe holds with the raw call and says how much, and how it starts
drain:
        c3 sys_read, [fds], big, 4096
        test eax, eax
        js .empty
        mov byte [big+eax], 0
        cmp eax, 20
        jb .short
        mov byte [big+20], 0
.short: show2 "pipe gave %d [%s]", eax, big
        ret
.empty: show "pipe empty (%d)", eax
        ret

section .rodata
file:       db "/tmp/file", 0
hard:       db "/tmp/hard", 0
hard_name:  db "hard", 0
fifo:       db "/tmp/fifo", 0
tmp:        db "/tmp", 0
vec_file:   db "/tmp/vec", 0
mnt:        db "/mnt", 0
mnt_file:   db "/mnt/x", 0
none:       db "none", 0
ramfs:      db "ramfs", 0
partial:    db "a", 10, "b", 0
newline:    db 10, 0
hello:      db "hello"
world:      db " world"
out_vec:    dd hello, 5, world, 6

section .data
in_vec:     dd part1, 3, part2, 8

section .bss
st:         resb STAT_SIZE
buffer:     resb 64
part1:      resb 4
part2:      resb 9
fds:        resd 2
status:     resd 1
big:        resb 4100
