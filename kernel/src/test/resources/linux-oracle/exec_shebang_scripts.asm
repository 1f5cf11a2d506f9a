; exec_shebang_scripts: execve of "#!" scripts: the interpreter gets its own name, the one optional argument (the rest of the line, trimmed, spaces kept), the script's path, then argv[1]...; a script may name a script (nested); an empty interpreter is -8, a missing one -2, a loop -40, a script without x -13.
%include "oracle.inc"
SYS_chmod_ equ 15
section .data
s1:      db "./s1", 0
s1text:  db "#!../exec_target", 10, "not read", 10
s1len    equ $ - s1text
s2:      db "./s2", 0
s2text:  db "#!  ../exec_target   one  two   ", 10
s2len    equ $ - s2text
s3:      db "./s3", 0
s3text:  db "#!", 10
s3len    equ $ - s3text
s4:      db "./s4", 0
s4text:  db "#!./nonexistent", 10
s4len    equ $ - s4text
s5:      db "./s5", 0
s5text:  db "#!./s1", 10
s5len    equ $ - s5text
s6:      db "./s6", 0
s6text:  db "#!./s6", 10
s6len    equ $ - s6text
s7:      db "./s7", 0
a:       db "a", 0
b:       db "b", 0
argv1:   dd s1, a, b, 0
argv2:   dd s2, 0
argv3:   dd s3, 0
argv4:   dd s4, 0
argv5:   dd s5, a, 0
argv6:   dd s6, 0
argv7:   dd s7, 0
envp:    dd 0
section .text
global _start

; make: creat(ebx) with ecx bytes at edx as its text, mode 0755 unless esi is 0644
make:
        push ecx
        push edx
        mov eax, SYS_open
        mov ecx, O_WRONLY|O_CREAT|O_TRUNC
        mov edx, esi
        int 0x80
        mov ebx, eax
        pop ecx
        pop edx
        mov eax, SYS_write
        int 0x80
        mov eax, SYS_close
        int 0x80
        ret

; run: forks; the child execs ebx with argv ecx and reports what execve returned; the parent waits
run:
        push ebx
        push ecx
        mov eax, SYS_fork
        int 0x80
        pop ecx
        pop ebx
        test eax, eax
        jnz .wait
        mov eax, SYS_execve
        mov edx, envp
        int 0x80
        SHOW "execve = ", eax
        EXIT 0
.wait:
        SYSCALL3 SYS_waitpid, -1, 0, 0
        ret

_start:
        WORKDIR "exec_shebang_scripts.d"
        mov esi, 0o755
        mov ebx, s1
        mov ecx, s1len
        mov edx, s1text
        call make
        mov ebx, s2
        mov ecx, s2len
        mov edx, s2text
        call make
        mov ebx, s3
        mov ecx, s3len
        mov edx, s3text
        call make
        mov ebx, s4
        mov ecx, s4len
        mov edx, s4text
        call make
        mov ebx, s5
        mov ecx, s5len
        mov edx, s5text
        call make
        mov ebx, s6
        mov ecx, s6len
        mov edx, s6text
        call make
        mov esi, 0o644
        mov ebx, s7
        mov ecx, s1len
        mov edx, s1text
        call make

        PRINTLN "s1: #!../exec_target"
        mov ebx, s1
        mov ecx, argv1
        call run
        PRINTLN "s2: #!  ../exec_target   one  two   "
        mov ebx, s2
        mov ecx, argv2
        call run
        PRINTLN "s3: #! and nothing"
        mov ebx, s3
        mov ecx, argv3
        call run
        PRINTLN "s4: #!./nonexistent"
        mov ebx, s4
        mov ecx, argv4
        call run
        PRINTLN "s5: #!./s1, itself a script"
        mov ebx, s5
        mov ecx, argv5
        call run
        PRINTLN "s6: #!./s6"
        mov ebx, s6
        mov ecx, argv6
        call run
        PRINTLN "s7: mode 0644"
        mov ebx, s7
        mov ecx, argv7
        call run

        SYSCALL1 SYS_unlink, s1
        SYSCALL1 SYS_unlink, s2
        SYSCALL1 SYS_unlink, s3
        SYSCALL1 SYS_unlink, s4
        SYSCALL1 SYS_unlink, s5
        SYSCALL1 SYS_unlink, s6
        SYSCALL1 SYS_unlink, s7
        EXIT 0
