; args.inc: getopt over the program's own arguments with the options "ab:c" (or ":ab:c" when
; the first argument is "quiet"), then the operands; help_requested; a second scan after
; resetting optind.
%include "lib.inc"
%include "check.inc"

main:
        push ebx
        push esi
        push edi
        mov esi, [esp+16]           ; argc
        mov edi, [esp+20]           ; argv
        c2 help_requested, esi, edi
        show "help requested: %d", eax
        mov ebx, options
        cmp esi, 2
        jl .scan
        push quiet
        push dword [edi+4]
        call strcmp
        add esp, 8
        test eax, eax
        jnz .scan
        mov ebx, quiet_options
        mov dword [optind], 2       ; past "quiet"
.scan:  call scan
        ; again from the start: the same answers
        mov dword [optind], 1
        cmp ebx, options
        je .again
        mov dword [optind], 2
.again: say "again:"
        call scan
        xor eax, eax
        pop edi
        pop esi
        pop ebx
        ret

; scan: getopt(esi, edi, ebx) until -1, each answer on a line, then the operands
scan:
.next:  c3 getopt, esi, edi, ebx
        cmp eax, -1
        je .operands
        cmp eax, '?'
        je .bad
        cmp eax, ':'
        je .bad
        mov ecx, [optarg]
        test ecx, ecx
        jnz .witharg
        show "option %c", eax
        jmp .next
.witharg:
        show2 "option %c with [%s]", eax, ecx
        jmp .next
.bad:   show2 "answer %c for option %c", eax, [optopt]
        jmp .next
.operands:
        mov ecx, [optind]
.operand:
        cmp ecx, esi
        jge .done
        push ecx
        show "operand [%s]", [edi+ecx*4]
        pop ecx
        inc ecx
        jmp .operand
.done:  ret

section .rodata
options:        db "ab:c", 0
quiet_options:  db ":ab:c", 0
quiet:          db "quiet", 0
