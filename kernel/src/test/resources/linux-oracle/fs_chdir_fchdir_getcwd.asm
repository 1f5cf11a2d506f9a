; fs_chdir_fchdir_getcwd: getcwd follows chdir and fchdir into a new directory and back with ".." (only the last component is printed: the starting directory differs between hosts); -34 for a short buffer; a removed cwd makes getcwd -2 while ".." still works.
%include "oracle.inc"
section .data
wd:     db "fs_chdir_fchdir_getcwd.d", 0
subname: db "sub", 0
inside: db "inside", 0
subinside: db "sub/inside", 0
f:      db "f", 0
gone:   db "gone", 0
upgone: db "../gone", 0
x:      db "x", 0
y:      db "y", 0
up:     db "..", 0
nope:   db "nope", 0
empty:  db 0
section .bss
fd:     resd 1
subfd:  resd 1
len:    resd 1
start:  resb 4096
workdir: resb 4096
expect: resb 4096
cwd:    resb 4096
st:     resb STAT64_LEN
section .text
global _start
_start:
        SYSCALL1 SYS_umask, 0o22
        SYSCALL2 SYS_getcwd, start, 4096
        mov [len], eax
        mov esi, start
        call str_len
        inc eax
        cmp eax, [len]
        YES_IF je, "getcwd(buf, 4096) returns strlen(buf) + 1: "
        cmp byte [start], '/'
        YES_IF je, "  the path starts with /: "
        SYSCALL2 SYS_mkdir, wd, 0o755
        SYSCALL1 SYS_chdir, wd
        SHOW 'chdir("fs_chdir_fchdir_getcwd.d") = ', eax
        mov esi, start
        mov edi, wd
        call expect_cwd
        mov esi, expect
        mov edi, workdir
        mov ecx, 4096
        rep movsb

        SYSCALL2 SYS_mkdir, subname, 0o755
        SYSCALL1 SYS_chdir, subname
        SHOW 'chdir("sub") = ', eax
        mov esi, workdir
        mov edi, subname
        call expect_cwd
        SYSCALL3 SYS_open, inside, O_WRONLY|O_CREAT|O_EXCL, 0o644
        SHOW 'open("inside", O_WRONLY|O_CREAT|O_EXCL) = ', eax
        mov ebx, eax
        mov eax, SYS_close
        int 0x80
        SYSCALL1 SYS_chdir, up
        SHOW 'chdir("..") = ', eax
        call same_as_workdir
        SYSCALL2 SYS_stat64, subinside, st
        SHOW '  stat64("sub/inside") = ', eax

        SYSCALL3 SYS_open, f, O_RDONLY|O_CREAT, 0o644
        mov [fd], eax
        SYSCALL1 SYS_chdir, nope
        SHOW 'chdir("nope") = ', eax
        SYSCALL1 SYS_chdir, f
        SHOW 'chdir("f"), a file = ', eax
        SYSCALL1 SYS_chdir, empty
        SHOW 'chdir("") = ', eax
        SYSCALL1 SYS_chdir, KERNEL_ADDR
        SHOW "chdir(KERNEL_ADDR) = ", eax
        call same_as_workdir

        SYSCALL3 SYS_open, subname, O_RDONLY|O_DIRECTORY, 0
        mov [subfd], eax
        SYSCALL1 SYS_fchdir, [subfd]
        SHOW 'fchdir(open("sub")) = ', eax
        mov esi, workdir
        mov edi, subname
        call expect_cwd
        SYSCALL1 SYS_chdir, up
        SYSCALL1 SYS_fchdir, [fd]
        SHOW 'fchdir(open("f")), a file = ', eax
        SYSCALL1 SYS_fchdir, 99
        SHOW "fchdir(99) = ", eax
        call same_as_workdir

        mov esi, workdir
        call str_len
        mov [len], eax
        SYSCALL2 SYS_getcwd, cwd, 1
        SHOW "getcwd(buf, 1) = ", eax
        SYSCALL2 SYS_getcwd, cwd, 0
        SHOW "getcwd(buf, 0) = ", eax
        SYSCALL2 SYS_getcwd, cwd, [len]
        SHOW "getcwd(buf, strlen(cwd)) = ", eax
        mov ecx, [len]
        inc ecx
        SYSCALL2 SYS_getcwd, cwd, ecx
        mov ecx, [len]
        inc ecx
        cmp eax, ecx
        YES_IF je, "getcwd(buf, strlen(cwd) + 1) succeeds: "
        SYSCALL2 SYS_getcwd, KERNEL_ADDR, 4096
        SHOW "getcwd(KERNEL_ADDR, 4096) = ", eax

        SYSCALL2 SYS_mkdir, gone, 0o755
        SYSCALL1 SYS_chdir, gone
        SHOW 'chdir("gone") = ', eax
        SYSCALL1 SYS_rmdir, upgone
        SHOW 'rmdir("../gone") = ', eax
        SYSCALL2 SYS_getcwd, cwd, 4096
        SHOW "  getcwd = ", eax
        SYSCALL3 SYS_open, x, O_WRONLY|O_CREAT, 0o644
        SHOW '  open("x", O_WRONLY|O_CREAT) = ', eax
        SYSCALL2 SYS_mkdir, y, 0o755
        SHOW '  mkdir("y") = ', eax
        SYSCALL1 SYS_chdir, up
        SHOW '  chdir("..") = ', eax
        call same_as_workdir
        EXIT 0

; expect_cwd: getcwd must be the path at esi joined with the name at edi; print the last component.
expect_cwd:
        push esi
        push edi
        mov ebx, edi
        mov edi, expect
.copy:  mov al, [esi]
        mov [edi], al
        inc esi
        inc edi
        test al, al
        jnz .copy
        dec edi
        cmp edi, expect+1
        jne .slash
        cmp byte [expect], '/'          ; the root: no second slash
        je .name
.slash: mov byte [edi], '/'
        inc edi
.name:  mov esi, ebx
.copy2: mov al, [esi]
        mov [edi], al
        inc esi
        inc edi
        test al, al
        jnz .copy2
        SYSCALL2 SYS_getcwd, cwd, 4096
        mov esi, cwd
        call str_len
        mov ecx, eax
.back:  dec ecx
        cmp byte [cwd+ecx], '/'
        jne .back
        lea esi, [cwd+ecx+1]
        PRINT "  getcwd's last component: "
        call print_str
        call print_nl
        mov esi, cwd
        mov edi, expect
        call str_cmp
        cmp eax, 0
        YES_IF je, "  getcwd = the previous cwd + / + that name: "
        pop edi
        pop esi
        ret

; same_as_workdir: print whether getcwd is the program's directory.
same_as_workdir:
        SYSCALL2 SYS_getcwd, cwd, 4096
        mov esi, cwd
        mov edi, workdir
        call str_cmp
        cmp eax, 0
        YES_IF je, "  getcwd = fs_chdir_fchdir_getcwd.d: "
        ret
