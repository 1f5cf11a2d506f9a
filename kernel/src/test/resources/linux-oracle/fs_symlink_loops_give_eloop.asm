; fs_symlink_loops_give_eloop: a -> b -> a and self -> self give -40 (ELOOP) to open and stat64 but not lstat64; a chain of 40 links still resolves, 41 do not.
%include "oracle.inc"
section .data
a:      db "a", 0
b:      db "b", 0
self:   db "self", 0
asub:   db "a/x", 0
name1:  db "c00", 0
name2:  db "c00", 0
extra:  db "extra", 0
section .bss
st:     resb STAT64_LEN
section .text
global _start
_start:
        WORKDIR "fs_symlink_loops_give_eloop.d"
        SYSCALL2 SYS_symlink, b, a
        SHOW 'symlink("b", "a") = ', eax
        SYSCALL2 SYS_symlink, a, b
        SHOW 'symlink("a", "b") = ', eax
        SYSCALL3 SYS_open, a, O_RDONLY, 0
        SHOW 'open("a", O_RDONLY) = ', eax
        SYSCALL3 SYS_open, a, O_WRONLY|O_CREAT, 0o644
        SHOW 'open("a", O_WRONLY|O_CREAT) = ', eax
        SYSCALL3 SYS_open, asub, O_RDONLY, 0
        SHOW 'open("a/x", O_RDONLY) = ', eax
        SYSCALL2 SYS_stat64, a, st
        SHOW 'stat64("a") = ', eax
        SYSCALL2 SYS_lstat64, a, st
        SHOW 'lstat64("a") = ', eax
        SHOWO "  st_mode = ", [st+ST_MODE]
        SYSCALL1 SYS_chdir, a
        SHOW 'chdir("a") = ', eax
        SYSCALL2 SYS_symlink, self, self
        SHOW 'symlink("self", "self") = ', eax
        SYSCALL3 SYS_open, self, O_RDONLY, 0
        SHOW 'open("self", O_RDONLY) = ', eax
        SYSCALL1 SYS_unlink, self
        SHOW 'unlink("self") = ', eax

        SYSCALL3 SYS_open, name1, O_WRONLY|O_CREAT|O_EXCL, 0o644
        mov ebx, eax
        mov eax, SYS_close
        int 0x80
        mov ecx, 1                      ; c00 is the file; c01 -> c00, …, c40 -> c39
.chain: mov eax, ecx
        dec eax
        mov edi, name1
        call set_name
        mov eax, ecx
        mov edi, name2
        call set_name
        push ecx
        SYSCALL2 SYS_symlink, name1, name2
        pop ecx
        test eax, eax
        jnz .failed
        inc ecx
        cmp ecx, 40
        jbe .chain
        PRINTLN "c00 is a file; c01 -> c00, c02 -> c01, ..., c40 -> c39"
        SYSCALL3 SYS_open, name2, O_RDONLY, 0
        SHOW 'open("c40") through 40 links = ', eax
        SYSCALL2 SYS_stat64, name2, st
        SHOW 'stat64("c40") = ', eax
        SYSCALL2 SYS_symlink, name2, extra
        SHOW 'symlink("c40", "extra") = ', eax
        SYSCALL3 SYS_open, extra, O_RDONLY, 0
        SHOW 'open("extra") through 41 links = ', eax
        SYSCALL2 SYS_stat64, extra, st
        SHOW 'stat64("extra") = ', eax
        EXIT 0
.failed:
        SHOW "symlink failed: ", eax
        EXIT 1

; set_name: write eax (0..99) as two digits at edi+1.
set_name:
        push eax
        push ebx
        push edx
        mov edx, 0
        mov ebx, 10
        div ebx
        add al, '0'
        add dl, '0'
        mov [edi+1], al
        mov [edi+2], dl
        pop edx
        pop ebx
        pop eax
        ret
