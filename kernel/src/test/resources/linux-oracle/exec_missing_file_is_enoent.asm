; exec_missing_file_is_enoent: execve of a path that does not exist fails with -2 and the caller keeps running.
%include "oracle.inc"
section .data
p1:     db "./no_such_program", 0
p2:     db "/no/such/dir/program", 0
p3:     db "", 0
argv:   dd p1, 0
envp:   dd 0
section .text
global _start
_start:
        SYSCALL3 SYS_execve, p1, argv, envp
        SHOW "execve(./no_such_program) = ", eax
        SYSCALL3 SYS_execve, p2, argv, envp
        SHOW "execve(/no/such/dir/program) = ", eax
        SYSCALL3 SYS_execve, p3, argv, envp
        SHOW 'execve("") = ', eax
        PRINTLN "still running after the failed execs: yes"
        EXIT 0
