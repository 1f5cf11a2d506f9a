; Test programs for the shell, one executable under several names (the name it was run by
; chooses):
;   tcat          copies stdin to stdout
;   targs ARG...  each argument in [brackets], one per line
;   tkill N       kills itself with signal N
;   tenv NAME     the value of NAME, or "NAME unset" (status 1)
%include "lib.inc"

main:
        push ebp
        mov ebp, esp
        push ebx
        push esi
        mov esi, [ebp+12]
        push '/'
        push dword [esi]
        call strrchr
        add esp, 8
        mov ebx, [esi]
        test eax, eax
        jz .named
        lea ebx, [eax+1]
.named:
        push ebx
        push name_cat
        call strcmp
        add esp, 8
        test eax, eax
        jz .cat
        push ebx
        push name_args
        call strcmp
        add esp, 8
        test eax, eax
        jz .args
        push ebx
        push name_kill
        call strcmp
        add esp, 8
        test eax, eax
        jz .kill
        push ebx
        push name_env
        call strcmp
        add esp, 8
        test eax, eax
        jz .env
        mov eax, 2
        jmp .return
.cat:   push 4096
        push buffer
        push STDIN_FILENO
        call read
        add esp, 12
        test eax, eax
        jle .zero
        push eax
        push buffer
        push STDOUT_FILENO
        call write
        add esp, 12
        jmp .cat
.args:  mov ebx, 1
.arg:   cmp ebx, [ebp+8]
        jae .zero
        push dword [esi+ebx*4]
        push format_arg
        call printf
        add esp, 8
        inc ebx
        jmp .arg
.kill:  push dword [esi+4]
        call atoi
        add esp, 4
        push eax
        call getpid
        push eax
        call kill
        add esp, 8
        jmp .zero
.env:   push dword [esi+4]
        call getenv
        add esp, 4
        test eax, eax
        jz .unset
        push eax
        call puts
        add esp, 4
        jmp .zero
.unset: push dword [esi+4]
        push format_unset
        call printf
        add esp, 8
        mov eax, 1
        jmp .return
.zero:  xor eax, eax
.return:
        pop esi
        pop ebx
        pop ebp
        ret

section .rodata
name_cat:       db "tcat", 0
name_args:      db "targs", 0
name_kill:      db "tkill", 0
name_env:       db "tenv", 0
format_arg:     db "[%s]", 10, 0
format_unset:   db "%s unset", 10, 0

section .bss
buffer:         resb 4096
