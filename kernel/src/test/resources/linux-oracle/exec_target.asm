; exec_target: the image other programs execve; prints argc, every argv and envp string, exits with argc.
%include "oracle.inc"
section .text
global _start
_start:
        mov ebp, esp
        SHOW "exec_target: argc=", [ebp]
        mov edi, 0
.argv:  mov esi, [ebp+4+edi*4]
        test esi, esi
        jz .env
        PRINT "argv["
        mov eax, edi
        call print_dec
        PRINT ']="'
        call print_str
        PRINTLN '"'
        inc edi
        jmp .argv
.env:   lea ebx, [ebp+8+edi*4]        ; envp: just past argv's NULL
        mov edi, 0
.envp:  mov esi, [ebx+edi*4]
        test esi, esi
        jz .done
        PRINT "envp["
        mov eax, edi
        call print_dec
        PRINT ']="'
        call print_str
        PRINTLN '"'
        inc edi
        jmp .envp
.done:  SHOW "exec_target: envc=", edi
        mov ebx, [ebp]
        call do_exit
