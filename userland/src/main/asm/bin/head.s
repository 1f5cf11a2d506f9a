; head [-n N] [FILE]...: the first N (10) lines of each FILE (standard input for "-" or none),
; under a "==> FILE <==" header when there are several.
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
.opts:  mov esi, [ebp+12]
        mov ebx, [optind]
        xor edi, edi
        mov eax, [ebp+8]
        sub eax, ebx
        cmp eax, 1
        jle .one
        mov byte [headers], 1
.one:   test eax, eax
        jnz .each
        push STDIN_FILENO
        call copy_lines
        add esp, 4
        or edi, eax
        jmp .done
.each:  cmp ebx, [ebp+8]
        jge .done
        push dword [esi+ebx*4]
        call util_open_in
        add esp, 4
        test eax, eax
        jns .opened
        push dword [esi+ebx*4]
        push cannotopen
        push dword [util_prog]
        call util_error
        add esp, 12
        mov edi, 1
        jmp .next
.opened:
        push eax
        cmp byte [headers], 0
        je .body
        mov eax, [esi+ebx*4]
        cmp word [eax], '-'
        jne .named
        mov eax, stdin_name
.named: push eax
        mov eax, header
        cmp ebx, [optind]
        jne .fmt
        inc eax                     ; the first header has no blank line before it
.fmt:   push eax
        call printf
        add esp, 8
.body:  call copy_lines
        or edi, eax
        pop eax
        test eax, eax
        jz .next
        push eax
        call close
        add esp, 4
.next:  inc ebx
        jmp .each
.done:  mov eax, edi
.out:   pop edi
        pop esi
        pop ebx
        pop ebp
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
cannotopen:     db "cannot open", 0
errorreading:   db "error reading", 0
stdin_name:     db "standard input", 0
header:         db 10, "==> %s <==", 10, 0
usage:          db "Usage: head [-n N] [FILE]...", 10
                db "Print the first 10 lines of each FILE to standard output.", 10
                db "With more than one FILE, precede each with a header giving the file name.", 10
                db "With no FILE, or when FILE is -, read standard input.", 10, 10
                db "  -n N   print the first N lines instead of the first 10", 10, 0

section .bss
lines:          resd 1
headers:        resb 1
buf:            resb BUF
