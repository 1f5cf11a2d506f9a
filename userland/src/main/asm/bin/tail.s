; tail [-n [+]N] [FILE]...: the last N (10) lines of each FILE (standard input for "-" or none),
; or with +N the lines from the Nth on; a "==> FILE <==" header each when there are several.
%include "lib.inc"
%include "util.inc"

main:
        push ebp
        mov ebp, esp
        push usage
        push dword [ebp+12]
        push dword [ebp+8]
        call util_help
        add esp, 12
        mov dword [lines], 10
.opt:   push optstring
        push dword [ebp+12]
        push dword [ebp+8]
        call getopt
        add esp, 12
        cmp eax, -1
        je .opts
        cmp eax, 'n'
        je .n
        mov eax, 2
        jmp .out
.n:     mov eax, [optarg]
        cmp byte [eax], '+'
        jne .num
        mov byte [from_start], 1
        inc eax
.num:   push lines
        push 10
        push eax
        call parse_uint
        add esp, 12
        test eax, eax
        jz .opt
        push dword [optarg]
        push dword [util_prog]
        push badcount
        push STDERR_FILENO
        call fprintf
        add esp, 16
        mov eax, 1
        jmp .out
.opts:  push tail_of
        push dword [optind]
        push dword [ebp+12]
        push dword [ebp+8]
        call util_each_file
        add esp, 16
.out:   pop ebp
        ret

; tail_of(fd) -> 0 after writing the lines asked for of all fd holds, or 1 after an error
tail_of:
        push ebx
        push esi
        push edi
        mov dword [used], 0
.read:  mov eax, [room]
        sub eax, [used]
        cmp eax, 1024
        jae .in
        mov eax, [room]
        add eax, eax
        add eax, 4096
        mov [room], eax
        push eax
        push dword [text]
        call realloc
        add esp, 8
        test eax, eax
        jz .fail
        mov [text], eax
.in:    mov eax, [room]
        sub eax, [used]
        push eax
        mov eax, [text]
        add eax, [used]
        push eax
        push dword [esp+24]
        call read
        add esp, 12
        test eax, eax
        js .fail
        jz .got
        add [used], eax
        jmp .read
.got:   mov esi, [text]
        mov edi, esi
        add edi, [used]             ; the end
        cmp byte [from_start], 0
        jne .forward
        ; backward: skip a final newline, then find the Nth newline from the end
        mov ebx, [lines]
        mov ecx, edi
        test ebx, ebx
        jz .from_ecx
        cmp ecx, esi
        je .from_ecx
        dec ecx
        cmp byte [ecx], 10
        je .back
        inc ecx
.back:  cmp ecx, esi
        je .from_ecx
        dec ecx
        cmp byte [ecx], 10
        jne .back
        dec ebx
        jnz .back
        inc ecx
        jmp .from_ecx
.forward:
        ; +N: from line N (1 and 0 are the whole text)
        mov ebx, [lines]
        mov ecx, esi
.fwd:   cmp ebx, 1
        jbe .from_ecx
        cmp ecx, edi
        jae .from_ecx
        cmp byte [ecx], 10
        jne .fnext
        dec ebx
.fnext: inc ecx
        jmp .fwd
.from_ecx:
        mov eax, edi
        sub eax, ecx
        push eax
        push ecx
        push STDOUT_FILENO
        call write
        add esp, 12
        xor eax, eax
        jmp .out
.fail:  push dword [esp+16]
        push errorreading
        push dword [util_prog]
        call util_error
        add esp, 12
        mov eax, 1
.out:   pop edi
        pop esi
        pop ebx
        ret

section .rodata
optstring:      db "n:", 0
badcount:       db "%s: invalid number of lines: '%s'", 10, 0
errorreading:   db "error reading", 0
usage:          db "Usage: tail [-n [+]N] [FILE]...", 10
                db "Print the last 10 lines of each FILE to standard output.", 10
                db "With more than one FILE, precede each with a header giving the file name.", 10
                db "With no FILE, or when FILE is -, read standard input.", 10, 10
                db "  -n N   output the last N lines, instead of the last 10;", 10
                db "         or use -n +N to output starting with line N", 10, 0

section .bss
lines:          resd 1
from_start:     resb 1
text:           resd 1
room:           resd 1
used:           resd 1
