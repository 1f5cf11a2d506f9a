; yes [STRING]...: writes the STRINGs (or "y") and a newline, again and again, until writing fails.
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
        mov esi, [ebp+12]
        mov ebx, 1
        cmp ebx, [ebp+8]
        jl .join
        push y
        push line
        call strcpy
        add esp, 8
        jmp .joined
.join:  push dword [esi+ebx*4]
        call strlen
        add esp, 4
        mov edi, eax
        push line
        call strlen
        add esp, 4
        add eax, edi
        cmp eax, LINE_MAX - 2
        jae .joined                 ; longer than the buffer: the words that fit
        push dword [esi+ebx*4]
        push line
        call strcat
        add esp, 8
        inc ebx
        cmp ebx, [ebp+8]
        jge .joined
        push space
        push line
        call strcat
        add esp, 8
        jmp .join
.joined:
        push newline
        push line
        call strcat
        add esp, 8
        push line
        call strlen
        add esp, 4
        mov esi, eax                ; one line's length
        xor edi, edi                ; the bytes in block
.fill:  lea eax, [edi+esi]
        cmp eax, BLOCK
        ja .filled
        push esi
        push line
        lea eax, [block+edi]
        push eax
        call memcpy
        add esp, 12
        add edi, esi
        jmp .fill
.filled:
.loop:  push edi
        push block
        push STDOUT_FILENO
        call write
        add esp, 12
        test eax, eax
        jg .loop                    ; a short write loses nothing that matters: all lines are the same
        mov eax, 1
        pop edi
        pop esi
        pop ebx
        pop ebp
        ret

LINE_MAX    equ 4096
BLOCK       equ 8192

section .rodata
y:          db "y", 0
space:      db " ", 0
newline:    db 10, 0
usage:      db "Usage: yes [STRING]...", 10, "Repeatedly output a line with all specified STRING(s), or 'y'.", 10, 0

section .bss
line:       resb LINE_MAX
block:      resb BLOCK
