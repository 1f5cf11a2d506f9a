; head [-n N] [FILE]...: the first N (10) lines of each FILE (standard input for "-" or none),
; under a "==> FILE <==" header when there are several.
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
.n:     push lines
        push 10
        push dword [optarg]
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
.opts:  push copy_lines
        push dword [optind]
        push dword [ebp+12]
        push dword [ebp+8]
        call util_each_file
        add esp, 16
.out:   pop ebp
        ret

; copy_lines(fd) -> 0 after copying [lines] lines of fd to stdout (reading no further than the
; last of them ends), or 1 after an error
copy_lines:
        push ebx
        push esi
        mov ebx, [lines]
.read:  test ebx, ebx
        jz .end
        push BUF
        push buf
        push dword [esp+20]
        call read
        add esp, 12
        test eax, eax
        jz .end
        js .fail
        mov esi, buf
        lea edx, [buf+eax]
.scan:  cmp esi, edx
        jae .write
        cmp byte [esi], 10
        jne .step
        dec ebx
        jz .last
.step:  inc esi
        jmp .scan
.last:  inc esi
.write: mov eax, esi
        sub eax, buf
        push eax
        push buf
        push STDOUT_FILENO
        call write
        add esp, 12
        jmp .read
.end:   xor eax, eax
        pop esi
        pop ebx
        ret
.fail:  push dword [esp+12]
        push errorreading
        push dword [util_prog]
        call util_error
        add esp, 12
        mov eax, 1
        pop esi
        pop ebx
        ret

BUF equ 4096

section .rodata
optstring:      db "n:", 0
badcount:       db "%s: invalid number of lines: '%s'", 10, 0
errorreading:   db "error reading", 0
usage:          db "Usage: head [-n N] [FILE]...", 10
                db "Print the first 10 lines of each FILE to standard output.", 10
                db "With more than one FILE, precede each with a header giving the file name.", 10
                db "With no FILE, or when FILE is -, read standard input.", 10, 10
                db "  -n N   print the first N lines instead of the first 10", 10, 0

section .bss
lines:          resd 1
buf:            resb BUF
