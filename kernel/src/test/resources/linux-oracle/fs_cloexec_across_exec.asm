; fs_cloexec_across_exec: after fork and execve only the fds without FD_CLOEXEC are open (O_CLOEXEC, F_DUPFD_CLOEXEC and F_SETFD close; dup and pipe do not); what the new image writes lands in the shared open files.
%include "oracle.inc"
section .data
keep:   db "keep", 0
drop:   db "drop", 0
probe:  db "../fs_exec_probe", 0
a0:     db "fs_exec_probe", 0
a3:     db "3", 0
a4:     db "4", 0
a5:     db "5", 0
a6:     db "6", 0
a7:     db "7", 0
a8:     db "8", 0
a9:     db "9", 0
a10:    db "10", 0
argv:   dd a0, a3, a4, a5, a6, a7, a8, a9, a10, 0
envp:   dd 0
section .bss
fds:    resd 2
pid:    resd 1
status: resd 1
buf:    resb 128
section .text
global _start
_start:
        WORKDIR "fs_cloexec_across_exec.d"
        SYSCALL3 SYS_open, keep, O_RDWR|O_CREAT|O_EXCL, 0o644
        SHOW 'open("keep", O_RDWR|O_CREAT|O_EXCL) = ', eax
        SYSCALL3 SYS_open, drop, O_RDWR|O_CREAT|O_EXCL|O_CLOEXEC, 0o644
        SHOW 'open("drop", O_RDWR|O_CREAT|O_EXCL|O_CLOEXEC) = ', eax
        SYSCALL3 SYS_fcntl, 3, F_DUPFD_CLOEXEC, 0
        SHOW "fcntl(3, F_DUPFD_CLOEXEC, 0) = ", eax
        SYSCALL1 SYS_dup, 3
        SHOW "dup(3) = ", eax
        SYSCALL3 SYS_fcntl, 6, F_SETFD, FD_CLOEXEC
        SHOW "fcntl(6, F_SETFD, FD_CLOEXEC) = ", eax
        SYSCALL1 SYS_dup, 4
        SHOW "dup(4) = ", eax
        SYSCALL1 SYS_pipe, fds
        SHOW "pipe() = ", eax
        SHOW "  read end ", [fds]
        SHOW "  write end ", [fds+4]
        SYSCALL3 SYS_fcntl, 8, F_SETFD, FD_CLOEXEC
        SYSCALL3 SYS_fcntl, 8, F_SETFD, 0
        PRINTLN "fcntl(8, F_SETFD, FD_CLOEXEC) and back to 0"
        PRINTLN "fork; the child execs fs_exec_probe 3 4 5 6 7 8 9 10"
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent
        SYSCALL3 SYS_execve, probe, argv, envp
        SHOW "child: execve returned ", eax
        EXIT 100
.parent:
        mov [pid], eax
        SYSCALL3 SYS_waitpid, [pid], status, 0
        SHOWX "parent: child status = ", [status]
        SYSCALL3 SYS_lseek, 3, 0, SEEK_CUR
        SHOW "parent: lseek(3, 0, SEEK_CUR) = ", eax
        SYSCALL3 SYS_lseek, 3, 0, SEEK_SET
        SYSCALL3 SYS_read, 3, buf, 128
        SHOWDATA "parent: keep holds ", buf
        SYSCALL3 SYS_lseek, 4, 0, SEEK_SET
        SYSCALL3 SYS_read, 4, buf, 128
        SHOWDATA "parent: drop holds ", buf
        SYSCALL1 SYS_close, 9
        SYSCALL3 SYS_read, 8, buf, 128
        SHOWDATA "parent: read(pipe) = ", buf
        EXIT 0
