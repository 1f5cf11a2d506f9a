; exec_passes_argv_and_envp: execve replaces the image; the new one sees exactly the argv and envp passed.
%include "oracle.inc"
section .data
path:   db "./exec_target", 0
a0:     db "./exec_target", 0
a1:     db "first", 0
a2:     db "two words", 0
a3:     db 0
a4:     db "last=arg", 0
e0:     db "A=1", 0
e1:     db "EMPTY=", 0
e2:     db "PATH=/nowhere", 0
e3:     db "NOEQUALS", 0
argv:   dd a0, a1, a2, a3, a4, 0
envp:   dd e0, e1, e2, e3, 0
section .text
global _start
_start:
        PRINTLN "before execve"
        SYSCALL3 SYS_execve, path, argv, envp
        SHOW "execve returned ", eax
        EXIT 1
