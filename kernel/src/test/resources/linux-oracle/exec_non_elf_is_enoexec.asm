; exec_non_elf_is_enoexec: execve of an executable text file (not ELF, no #!) fails with -8 (record.sh creates ./not_an_elf).
%include "oracle.inc"
section .data
path:   db "./not_an_elf", 0
argv:   dd path, 0
envp:   dd 0
section .text
global _start
_start:
        SYSCALL3 SYS_execve, path, argv, envp
        SHOW "execve(./not_an_elf) = ", eax
        PRINTLN "still running: yes"
        EXIT 0
