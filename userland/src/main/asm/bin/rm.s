; rm [-rf] FILE...: removes files; -r removes directories and what they hold, -f is silent
; about files that are not there (and about no operands at all).
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
        xor edi, edi
.opt:   push optstring
        push dword [ebp+12]
        push dword [ebp+8]
        call getopt
        add esp, 12
        cmp eax, -1
        je .files
        cmp eax, 'f'
        je .force
        cmp eax, 'r'
        je .rec
        cmp eax, 'R'
        je .rec
        mov eax, 2
        jmp .out
.force: mov byte [force], 1
        jmp .opt
.rec:   mov byte [recursive], 1
        jmp .opt
.files: mov ebx, [optind]
        cmp ebx, [ebp+8]
        jl .each
        xor eax, eax
        cmp byte [force], 0
        jne .out
        push dword [util_prog]
        push missing
        push STDERR_FILENO
        call fprintf
        add esp, 12
        mov eax, 1
        jmp .out
.each:  cmp ebx, [ebp+8]
        jge .done
        mov eax, [ebp+12]
        push dword [eax+ebx*4]
        call remove_path
        add esp, 4
        or edi, eax
        inc ebx
        jmp .each
.done:  mov eax, edi
.out:   pop edi
        pop esi
        pop ebx
        pop ebp
        ret

; remove_path(path) -> 0, or 1 after a message
remove_path:
        push ebp
        mov ebp, esp
        push ebx
        push esi
        push edi
        sub esp, STAT_SIZE
        mov esi, [ebp+8]
        mov eax, esp
        push eax
        push esi
        call lstat
        add esp, 8
        test eax, eax
        jz .found
        cmp byte [force], 0
        je .fail
        cmp dword [errno], ENOENT
        jne .fail
        xor eax, eax
        jmp .out
.found: mov eax, [esp+ST_MODE]
        and eax, S_IFMT
        cmp eax, S_IFDIR
        je .dir
        push esi
        call unlink
        add esp, 4
        test eax, eax
        jnz .fail
        jmp .out
.dir:   cmp byte [recursive], 0
        jne .tree
        mov dword [errno], EISDIR
        jmp .fail
.tree:  push esi
        call list_names             ; eax: the names, NUL after each, an empty one last
        add esp, 4
        test eax, eax
        jz .fail
        mov ebx, eax
        xor edi, edi                ; the status of what is inside
        push ebx                    ; kept to free
.child: cmp byte [ebx], 0
        je .inside
        push esi
        call strlen
        mov [esp], eax
        push ebx
        call strlen
        add esp, 4
        pop ecx
        lea eax, [eax+ecx+2]
        push eax
        call malloc
        add esp, 4
        test eax, eax
        jz .nomem
        push eax
        push ebx
        push esi
        push pathfmt
        push 4096
        push eax
        call snprintf
        add esp, 20
        call remove_path            ; the new path is on the stack
        or edi, eax
        call free
        add esp, 4
        push ebx
        call strlen
        add esp, 4
        lea ebx, [ebx+eax+1]
        jmp .child
.nomem: mov edi, 1
.inside:
        call free
        add esp, 4
        test edi, edi
        jnz .keep                   ; something inside stayed: so does the directory, as with GNU rm
        push esi
        call rmdir
        add esp, 4
        test eax, eax
        jnz .fail
        jmp .out
.keep:  mov eax, 1
        jmp .out
.fail:  push esi
        push cannot
        push dword [util_prog]
        call util_error
        add esp, 12
        mov eax, 1
.out:   add esp, STAT_SIZE
        pop edi
        pop esi
        pop ebx
        pop ebp
        ret

; list_names(dir) -> a malloc'd block: each entry's name but . and .., NUL after each, and an
; empty name at the end; 0 with errno. The names are read before anything is removed.
list_names:
        push ebx
        push esi
        push edi
        push dword [esp+16]
        call opendir
        add esp, 4
        test eax, eax
        jz .out
        mov ebx, eax
        mov dword [names], 0
        mov dword [used], 0
.next:  push ebx
        call readdir
        add esp, 4
        test eax, eax
        jz .end
        lea esi, [eax+D_NAME]
        cmp word [esi], '.'
        je .next
        cmp word [esi], '..'
        jne .keep
        cmp byte [esi+2], 0
        je .next
.keep:  push esi
        call strlen
        add esp, 4
        lea edi, [eax+1]
        mov eax, [used]
        lea eax, [eax+edi+1]
        push eax
        push dword [names]
        call realloc
        add esp, 8
        test eax, eax
        jz .end
        mov [names], eax
        push edi
        push esi
        add eax, [used]
        push eax
        call memcpy
        add esp, 12
        add [used], edi
        jmp .next
.end:   push ebx
        call closedir
        add esp, 4
        mov eax, [used]
        inc eax
        push eax
        push dword [names]
        call realloc                ; room for the empty name at the end
        add esp, 8
        test eax, eax
        jz .out
        mov [names], eax
        add eax, [used]
        mov byte [eax], 0
        mov eax, [names]
.out:   pop edi
        pop esi
        pop ebx
        ret

section .rodata
optstring:  db "frR", 0
cannot:     db "cannot remove", 0
pathfmt:    db "%s/%s", 0
missing:    db "%s: missing operand", 10, 0
usage:      db "Usage: rm [-rf] FILE...", 10
            db "Remove the FILE(s).", 10, 10
            db "  -f     ignore nonexistent files, never prompt", 10
            db "  -r, -R remove directories and their contents recursively", 10, 0

section .bss
force:      resb 1
recursive:  resb 1
names:      resd 1
used:       resd 1
