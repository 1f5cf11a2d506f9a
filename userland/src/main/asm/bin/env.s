; env [-i] [-u NAME]... [NAME=VALUE]... [COMMAND [ARG]...]: runs COMMAND (found along PATH) in
; the environment changed as asked, or prints that environment.
%include "lib.inc"
%include "util.inc"

main:
        push ebp
        mov ebp, esp
        push ebx
        push esi
        push edi
        push usage
        push dword [ebp+12]
        push dword [ebp+8]
        call util_help
        add esp, 12
.opt:   push optstring
        push dword [ebp+12]
        push dword [ebp+8]
        call getopt
        add esp, 12
        cmp eax, -1
        je .args
        cmp eax, 'i'
        je .clear
        cmp eax, 'u'
        je .unset
        mov eax, 125
        jmp .out
.clear: call clearenv
        jmp .opt
.unset: push dword [optarg]
        call unsetenv
        add esp, 4
        test eax, eax
        jz .opt
        push dword [optarg]
        push cannotunset
        push dword [util_prog]
        call util_error
        add esp, 12
        mov eax, 125
        jmp .out
.args:  mov ebx, [optind]
        mov esi, [ebp+12]
        ; a lone "-" is -i
        cmp ebx, [ebp+8]
        jge .print
        mov eax, [esi+ebx*4]
        cmp word [eax], '-'
        jne .assign
        call clearenv
        inc ebx
.assign:
        cmp ebx, [ebp+8]
        jge .print
        mov edi, [esi+ebx*4]
        push '='
        push edi
        call strchr
        add esp, 8
        test eax, eax
        jz .run
        mov byte [eax], 0
        push 1
        inc eax
        push eax
        push edi
        call setenv
        add esp, 12
        test eax, eax
        jnz .badset
        inc ebx
        jmp .assign
.badset:
        push edi
        push cannotset
        push dword [util_prog]
        call util_error
        add esp, 12
        mov eax, 125
        jmp .out
.print: mov esi, [environ]
.line:  mov eax, [esi]
        test eax, eax
        jz .printed
        push eax
        call puts
        add esp, 4
        add esi, 4
        jmp .line
.printed:
        xor eax, eax
        jmp .out
.run:   lea eax, [esi+ebx*4]
        push eax
        call execvp
        add esp, 4
        mov ebx, 127
        cmp dword [errno], ENOENT
        je .say
        mov ebx, 126
.say:
        push edi
        push 0
        push dword [util_prog]
        call util_error
        add esp, 12
        mov eax, ebx
.out:   pop edi
        pop esi
        pop ebx
        pop ebp
        ret

; execvp(argv): execve of argv[0], looked up along PATH when it holds no "/"; returns -1 with
; errno (ENOENT when no directory had it, else the last other error)
execvp:
        push ebp
        mov ebp, esp
        push ebx
        push esi
        push edi
        mov ebx, [ebp+8]
        mov edi, [ebx]
        push '/'
        push edi
        call strchr
        add esp, 8
        test eax, eax
        jz .search
        push dword [environ]
        push ebx
        push edi
        call execve
        add esp, 12
        jmp .out
.search:
        mov dword [seen], ENOENT
        push path_name
        call getenv
        add esp, 4
        test eax, eax
        jnz .have
        mov eax, default_path
.have:  mov esi, eax
.dir:   ; copy the directory up to ':' or the end into buf, then "/" and the name
        mov ecx, buf
.copy:  mov al, [esi]
        test al, al
        jz .cut
        cmp al, ':'
        je .cut
        cmp ecx, buf+PATH_MAX-1
        jae .skip
        mov [ecx], al
        inc ecx
.skip:  inc esi
        jmp .copy
.cut:   cmp ecx, buf
        jne .slash
        mov byte [ecx], '.'         ; an empty entry is the working directory
        inc ecx
.slash: mov byte [ecx], '/'
        mov byte [ecx+1], 0
        push ecx
        push edi
        call strlen
        add esp, 4
        pop ecx
        lea edx, [ecx+eax+2]
        cmp edx, buf+PATH_MAX
        jae .next
        push edi
        push buf
        call strcat
        add esp, 8
        push dword [environ]
        push ebx
        push buf
        call execve
        add esp, 12
        mov eax, [errno]
        cmp eax, ENOENT
        je .next
        cmp eax, ENOTDIR
        je .next
        mov [seen], eax
.next:  cmp byte [esi], 0
        je .none
        inc esi
        jmp .dir
.none:  mov eax, [seen]
        mov [errno], eax
        mov eax, -1
.out:   pop edi
        pop esi
        pop ebx
        pop ebp
        ret

PATH_MAX equ 4096

section .rodata
optstring:      db "iu:", 0
path_name:      db "PATH", 0
default_path:   db "/bin:/sbin", 0
cannotunset:    db "cannot unset", 0
cannotset:      db "cannot set", 0
usage:          db "Usage: env [-i] [-u NAME]... [NAME=VALUE]... [COMMAND [ARG]...]", 10
                db "Set each NAME to VALUE in the environment and run COMMAND; without COMMAND, print the environment.", 10, 10
                db "  -i, -     start with an empty environment", 10
                db "  -u NAME   remove variable from the environment", 10, 0

section .bss
seen:           resd 1
buf:            resb PATH_MAX
