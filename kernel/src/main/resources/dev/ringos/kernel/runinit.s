; /sbin/init for `ringos run PROGRAM ARGS...`: PID 1 runs argv[1..] as its child with the same
; environment, reaps every process that ends up its child (orphans included) until that one has
; exited, then exits with its status as a shell reports it: the exit code, or 128 + the signal.
; The kernel stops the machine when init exits.

SYS_EXIT    equ 1
SYS_FORK    equ 2
SYS_WRITE   equ 4
SYS_EXECVE  equ 11
SYS_WAIT4   equ 114
ENOENT      equ 2

section .text
global _start
_start:
        mov ebp, esp                ; [ebp] argc, [ebp+4] argv[0], [ebp+8] argv[1] ...
        mov eax, SYS_FORK
        int 0x80
        test eax, eax
        jz .child
        mov edi, eax                ; the program's pid
.reap:
        mov eax, SYS_WAIT4
        mov ebx, -1
        mov ecx, status
        xor edx, edx
        xor esi, esi
        int 0x80
        test eax, eax
        js .done                    ; ECHILD: nothing left (cannot happen while the program lives)
        cmp eax, edi
        jne .reap                   ; an orphan: reaped, go on
        mov eax, [status]
        mov ebx, eax
        and ebx, 0x7f               ; WTERMSIG
        jz .exited
        add ebx, 128
        jmp .exit
.exited:
        movzx ebx, ah               ; WEXITSTATUS
.exit:
        mov eax, SYS_EXIT
        int 0x80
.done:
        mov ebx, 127
        jmp .exit

.child:
        mov ebx, [ebp+8]            ; path = argv[1]
        lea ecx, [ebp+8]            ; argv = &argv[1]
        mov eax, [ebp]
        lea edx, [ebp+eax*4+8]      ; envp: after argv's NULL
        mov eax, SYS_EXECVE
        int 0x80
        ; execve failed: say so, exit 127 if there is no such file, else 126, as shells do.
        mov esi, eax
        mov eax, SYS_WRITE
        mov ebx, 2
        mov ecx, failed
        mov edx, failed_len
        int 0x80
        mov ebx, 126
        cmp esi, -ENOENT
        jne .child_exit
        mov ebx, 127
.child_exit:
        mov eax, SYS_EXIT
        int 0x80

section .data
failed: db "init: cannot execute the program", 10
failed_len equ $ - failed

section .bss
status: resd 1
