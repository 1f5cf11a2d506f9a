; fork-wait.s — fork makes a copy-on-write child; the child says hello and exits with 7; the
; parent waits for it and prints the exit status it got (wait4's status >> 8).
;
;   ./ringos run --trace=sched,mm examples/kernel/fork-wait.s

SYS_EXIT  equ 1
SYS_FORK  equ 2
SYS_WRITE equ 4
SYS_WAIT4 equ 114

section .text
global _start
_start:
        mov eax, SYS_FORK
        int 0x80
        test eax, eax
        jnz .parent
        mov ecx, child_says         ; the child
        mov edx, child_len
        call write
        mov eax, SYS_EXIT
        mov ebx, 7
        int 0x80
.parent:
        mov ebx, eax                ; wait4(child, &status, 0, NULL)
        mov eax, SYS_WAIT4
        mov ecx, status
        xor edx, edx
        xor esi, esi
        int 0x80
        mov eax, [status]
        shr eax, 8                  ; WEXITSTATUS
        add al, '0'
        mov [digit], al
        mov ecx, parent_says
        mov edx, parent_len
        call write
        mov eax, SYS_EXIT
        xor ebx, ebx
        int 0x80

write:  mov eax, SYS_WRITE
        mov ebx, 1
        int 0x80
        ret

section .data
child_says:  db "child: hello", 10
child_len    equ $ - child_says
parent_says: db "parent: child exited with "
digit:       db "?", 10
parent_len   equ $ - parent_says

section .bss
status: resd 1
