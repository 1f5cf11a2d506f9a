; fs_exec_probe: the image fs_cloexec_across_exec execs; for each fd given in argv, fstat64s it and writes a line into it if open; exits with the number open.
%include "oracle.inc"
section .data
line:   db "written by fs_exec_probe", 10
linelen equ $ - line
section .bss
st:     resb STAT64_LEN
open_count: resd 1
section .text
global _start
_start:
        mov ebp, esp
        cmp dword [ebp], 1
        jg .args
        PRINTLN "fs_exec_probe: no fds given"
        EXIT 0
.args:  mov edi, 1
.next:  mov esi, [ebp+4+edi*4]
        test esi, esi
        jz .done
        call parse_dec
        mov ebx, eax
        PRINT "fs_exec_probe: fd "
        call print_dec
        SYSCALL2 SYS_fstat64, ebx, st
        test eax, eax
        jz .open
        SHOW " closed: fstat64 = ", eax
        inc edi
        jmp .next
.open:  inc dword [open_count]
        SYSCALL3 SYS_write, ebx, line, linelen
        SHOW " open: write = ", eax
        inc edi
        jmp .next
.done:  mov ebx, [open_count]
        call do_exit

; parse_dec: eax = the unsigned decimal at esi.
parse_dec:
        push ebx
        push esi
        mov eax, 0
.digit: movzx ebx, byte [esi]
        sub ebx, '0'
        jb .end
        cmp ebx, 9
        ja .end
        imul eax, eax, 10
        add eax, ebx
        inc esi
        jmp .digit
.end:   pop esi
        pop ebx
        ret
