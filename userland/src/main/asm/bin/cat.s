; cat [FILE]...: copies each FILE (standard input for "-" or when there is none) to stdout.
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
        xor edi, edi                ; the exit status
.opt:   push optstring
        push dword [ebp+12]
        push dword [ebp+8]
        call getopt
        add esp, 12
        cmp eax, -1
        je .files
        cmp eax, 'u'
        je .opt
        mov eax, 2
        jmp .out
.files: mov ebx, [optind]
        cmp ebx, [ebp+8]
        jl .each
        push dash
        call one
        add esp, 4
        or edi, eax
        jmp .done
.each:  cmp ebx, [ebp+8]
        jge .done
        mov eax, [ebp+12]
        push dword [eax+ebx*4]
        call one
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

; one(name) -> 0, or 1 after saying what went wrong
one:
        push ebx
        push dword [esp+8]
        call util_open_in
        add esp, 4
        test eax, eax
        js .fail
        mov ebx, eax
        push STDOUT_FILENO
        push eax
        call util_copy
        add esp, 8
        push eax
        test ebx, ebx
        jz .kept
        push ebx
        call close
        add esp, 4
.kept:  pop eax
        test eax, eax
        js .fail
        xor eax, eax
        pop ebx
        ret
.fail:  push dword [esp+8]
        push 0
        push dword [util_prog]
        call util_error
        add esp, 12
        mov eax, 1
        pop ebx
        ret

section .rodata
optstring:  db "u", 0
dash:       db "-", 0
usage:      db "Usage: cat [FILE]...", 10
            db "Concatenate FILEs to standard output; with no FILE, or when FILE is -, read standard input.", 10, 0
