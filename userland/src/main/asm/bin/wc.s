; wc [-lwc] [FILE]...: counts the lines, words and bytes of each FILE (standard input for "-"
; or none), and their totals when there are several, in GNU wc's columns.
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
        je .opts
        cmp eax, 'l'
        je .l
        cmp eax, 'w'
        je .w
        cmp eax, 'c'
        je .c
        mov eax, 2
        jmp .out
.l:     mov byte [show+0], 1
        jmp .opt
.w:     mov byte [show+1], 1
        jmp .opt
.c:     mov byte [show+2], 1
        jmp .opt
.opts:  movzx eax, byte [show]
        movzx ecx, byte [show+1]
        add eax, ecx
        movzx ecx, byte [show+2]
        add eax, ecx
        mov [shown], eax
        test eax, eax
        jnz .shown
        mov dword [show], 0x010101
        mov dword [shown], 3
.shown: mov esi, [ebp+12]
        mov ebx, [optind]
        mov eax, [ebp+8]
        sub eax, ebx
        mov [nfiles], eax
        ; the width: 1 for one count of one input, else the digits of the regular files'
        ; total size, at least 7 when one is not a regular file (or is standard input)
        mov dword [width], 1
        cmp eax, 1
        jg .measure
        cmp dword [shown], 1
        je .count
.measure:
        cmp eax, 0
        jne .files
        mov dword [width], 7
        jmp .count
.files: xor edi, edi                ; the regular files' total
        mov ecx, ebx
.size:  cmp ecx, [ebp+8]
        jge .digits
        push ecx
        push st
        push dword [esi+ecx*4]
        mov eax, [esi+ecx*4]
        cmp word [eax], '-'
        je .notreg
        call stat
        add esp, 8
        pop ecx
        test eax, eax
        jnz .nextsize
        mov eax, [st+ST_MODE]
        and eax, S_IFMT
        cmp eax, S_IFREG
        jne .seven
        add edi, [st+ST_SIZE]
        jmp .nextsize
.notreg:
        add esp, 8
        pop ecx
.seven: mov byte [minimum], 7
.nextsize:
        inc ecx
        jmp .size
.digits:
        mov eax, edi
        mov ecx, 10
        mov dword [width], 1
.digit: cmp eax, 10
        jb .min
        xor edx, edx
        div ecx
        inc dword [width]
        jmp .digit
.min:   movzx eax, byte [minimum]
        cmp [width], eax
        jae .count
        mov [width], eax
.count: xor edi, edi                ; the exit status
        cmp dword [nfiles], 0
        jne .each
        push 0
        push STDIN_FILENO
        call count
        add esp, 8
        or edi, eax
        jmp .done
.each:  cmp ebx, [ebp+8]
        jge .total
        push dword [esi+ebx*4]
        call util_open_in
        add esp, 4
        test eax, eax
        jns .opened
        push dword [esi+ebx*4]
        push 0
        push dword [util_prog]
        call util_error
        add esp, 12
        mov edi, 1
        jmp .next
.opened:
        push eax
        push dword [esi+ebx*4]
        push eax
        call count
        add esp, 8
        or edi, eax
        pop eax
        test eax, eax
        jz .next
        push eax
        call close
        add esp, 4
.next:  inc ebx
        jmp .each
.total: cmp dword [nfiles], 1
        jle .done
        mov eax, [totals]
        mov [counts], eax
        mov eax, [totals+4]
        mov [counts+4], eax
        mov eax, [totals+8]
        mov [counts+8], eax
        push total
        call report
        add esp, 4
.done:  mov eax, edi
.out:   pop edi
        pop esi
        pop ebx
        pop ebp
        ret

; count(fd, name) -> 0 after reporting fd's counts under name (none for 0), or 1 after an error
count:
        push ebx
        push esi
        push edi
        xor ebx, ebx                ; lines
        xor edi, edi                ; words
        mov dword [counts+8], 0     ; bytes
        mov byte [inword], 0
.read:  push BUF
        push buf
        push dword [esp+24]
        call read
        add esp, 12
        test eax, eax
        jz .end
        js .fail
        add [counts+8], eax
        mov esi, buf
        lea edx, [buf+eax]
.byte:  cmp esi, edx
        jae .read
        movzx eax, byte [esi]
        inc esi
        cmp eax, 10
        jne .space
        inc ebx
.space: cmp eax, ' '
        je .white
        cmp eax, 9
        jb .black
        cmp eax, 13
        jbe .white
.black: cmp byte [inword], 0
        jne .byte
        mov byte [inword], 1
        inc edi
        jmp .byte
.white: mov byte [inword], 0
        jmp .byte
.end:   mov [counts], ebx
        mov [counts+4], edi
        add [totals], ebx
        add [totals+4], edi
        mov eax, [counts+8]
        add [totals+8], eax
        push dword [esp+20]
        call report
        add esp, 4
        xor eax, eax
        jmp .out
.fail:  push dword [esp+20]
        push 0
        push dword [util_prog]
        call util_error
        add esp, 12
        mov eax, 1
.out:   pop edi
        pop esi
        pop ebx
        ret

; report(name): the shown counts, each in [width] columns, then " name" unless name is 0
report:
        push ebx
        push esi
        xor ebx, ebx
        xor esi, esi                ; 1 after the first column
.col:   cmp ebx, 3
        jge .name
        cmp byte [show+ebx], 0
        je .skip
        test esi, esi
        jz .first
        push ' '
        call putchar
        add esp, 4
.first: mov esi, 1
        push dword [counts+ebx*4]
        push dword [width]
        call print_padded
        add esp, 8
.skip:  inc ebx
        jmp .col
.name:  mov eax, [esp+12]
        test eax, eax
        jz .nl
        push eax
        push named
        call printf
        add esp, 8
.nl:    push 10
        call putchar
        add esp, 4
        pop esi
        pop ebx
        ret

; print_padded(width, value): value in decimal, right-aligned in width columns
print_padded:
        push ebx
        push 10
        push digits
        push dword [esp+20]
        call utoa
        add esp, 12
        mov ebx, [esp+8]
        sub ebx, eax
.pad:   cmp ebx, 0
        jle .num
        push ' '
        call putchar
        add esp, 4
        dec ebx
        jmp .pad
.num:   push digits
        push STDOUT_FILENO
        call fputs
        add esp, 8
        pop ebx
        ret

BUF equ 4096

section .rodata
optstring:  db "lwc", 0
total:      db "total", 0
named:      db " %s", 0
usage:      db "Usage: wc [-lwc] [FILE]...", 10
            db "Print newline, word, and byte counts for each FILE, and a total line if", 10
            db "more than one FILE is specified.  With no FILE, or when FILE is -, read standard input.", 10, 10
            db "  -c     print the byte counts", 10
            db "  -l     print the newline counts", 10
            db "  -w     print the word counts", 10, 0

section .bss
show:       resb 4
shown:      resd 1
nfiles:     resd 1
width:      resd 1
minimum:    resb 1
inword:     resb 1
counts:     resd 3
totals:     resd 3
digits:     resb 12
st:         resb STAT_SIZE
buf:        resb BUF
