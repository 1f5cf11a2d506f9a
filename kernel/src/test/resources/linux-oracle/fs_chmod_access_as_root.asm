; fs_chmod_access_as_root: chmod sets all 07777 bits; access() as root passes R_OK and W_OK whatever the mode, but X_OK on a file needs some x bit (directories are always searchable); execve needs an x bit even for root, and fails with -26 while the file is open for writing.
; linux-oracle: needs root
%include "oracle.inc"
section .data
f:      db "f", 0
fx:     db "./f", 0
d:      db "d", 0
nope:   db "nope", 0
under:  db "f/x", 0
argv:   dd fx, 0
envp:   dd 0
section .bss
st:     resb STAT64_LEN
section .text
global _start
_start:
        WORKDIR "fs_chmod_access_as_root.d"
        mov eax, SYS_getuid32
        int 0x80
        SHOW "getuid32() = ", eax
        mov eax, SYS_geteuid32
        int 0x80
        SHOW "geteuid32() = ", eax
        SYSCALL3 SYS_open, f, O_WRONLY|O_CREAT|O_EXCL, 0o644
        mov ebx, eax
        mov eax, SYS_close
        int 0x80
        PRINTLN 'created "f" with mode 0644 (it holds nothing: not an executable)'
        mov eax, 0o7777
        call chmod_f
        mov eax, 0o600
        call chmod_f
        SYSCALL2 SYS_chmod, nope, 0o644
        SHOW 'chmod("nope", 0644) = ', eax
        SYSCALL2 SYS_chmod, under, 0o644
        SHOW 'chmod("f/x", 0644) = ', eax

        mov eax, 0o644
        call chmod_f
        call access_f
        mov eax, 0
        call chmod_f
        call access_f
        mov eax, 0o100
        call chmod_f
        call access_f
        mov eax, 0o001
        call chmod_f
        call access_f
        SYSCALL3 SYS_open, f, O_RDWR, 0
        SHOW 'open("f", O_RDWR) with mode 0001 = ', eax
        SYSCALL2 SYS_access, f, 8
        SHOW 'access("f", 8) = ', eax
        SYSCALL2 SYS_access, nope, F_OK
        SHOW 'access("nope", F_OK) = ', eax
        SYSCALL2 SYS_access, under, F_OK
        SHOW 'access("f/x", F_OK) = ', eax

        SYSCALL2 SYS_mkdir, d, 0
        SHOW 'mkdir("d", 0) = ', eax
        SYSCALL2 SYS_access, d, X_OK
        SHOW '  access("d", X_OK) = ', eax
        SYSCALL2 SYS_access, d, R_OK|W_OK
        SHOW '  access("d", R_OK|W_OK) = ', eax

        mov eax, 0o644
        call chmod_f
        SYSCALL3 SYS_execve, fx, argv, envp
        SHOW '  execve("./f") = ', eax
        mov eax, 0o100
        call chmod_f
        SYSCALL3 SYS_execve, fx, argv, envp
        SHOW '  execve("./f") while fd 3 has it open for writing = ', eax
        SYSCALL1 SYS_close, 3
        SYSCALL3 SYS_execve, fx, argv, envp
        SHOW '  execve("./f") after close(3) = ', eax
        SYSCALL3 SYS_execve, d, argv, envp
        SHOW 'execve("d"), a directory = ', eax
        EXIT 0

; chmod_f: chmod("f", eax) and print the result and st_mode.
chmod_f:
        PRINT 'chmod("f", '
        call print_oct
        mov ecx, eax
        SYSCALL2 SYS_chmod, f, ecx
        SHOW ") = ", eax
        SYSCALL2 SYS_stat64, f, st
        SHOWO "  st_mode = ", [st+ST_MODE]
        ret

; access_f: access("f", …) for each mode.
access_f:
        SYSCALL2 SYS_access, f, F_OK
        SHOW '  access("f", F_OK) = ', eax
        SYSCALL2 SYS_access, f, R_OK
        SHOW '  access("f", R_OK) = ', eax
        SYSCALL2 SYS_access, f, W_OK
        SHOW '  access("f", W_OK) = ', eax
        SYSCALL2 SYS_access, f, X_OK
        SHOW '  access("f", X_OK) = ', eax
        SYSCALL2 SYS_access, f, R_OK|W_OK|X_OK
        SHOW '  access("f", R_OK|W_OK|X_OK) = ', eax
        ret
