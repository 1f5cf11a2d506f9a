; seq [FIRST [INCREMENT]] LAST: the integers from FIRST (1) to LAST, INCREMENT (1) apart, one
; per line. A negative number is an operand, not an option.
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
        ; an argument "-x" that is not a number is an option, and seq has none
        mov eax, [ebp+8]
        cmp eax, 2
        jl .missing
        cmp eax, 4
        jg .extra
        mov dword [first], 1
        mov dword [step], 1
.args:  cmp ebx, [ebp+8]
        jge .parsed
        mov edi, [esi+ebx*4]
        cmp byte [edi], '-'
        jne .number
        movzx eax, byte [edi+1]
        sub eax, '0'
        cmp eax, 9
        jbe .number
        movzx eax, byte [edi+1]
        push eax
        push dword [util_prog]
        push badoption
        push STDERR_FILENO
        call fprintf
        add esp, 16
        mov eax, 2
        jmp .out
.number:
        lea eax, [values+ebx*4-4]
        push eax
        push 10
        push edi
        call parse_int
        add esp, 12
        test eax, eax
        jz .next
        push edi
        push dword [util_prog]
        push badnumber
        push STDERR_FILENO
        call fprintf
        add esp, 16
        mov eax, 1
        jmp .out
.next:  inc ebx
        jmp .args
.parsed:
        mov eax, [ebp+8]
        cmp eax, 2
        jne .two
        mov eax, [values]
        mov [last], eax
        jmp .run
.two:   cmp eax, 3
        jne .three
        mov eax, [values]
        mov [first], eax
        mov eax, [values+4]
        mov [last], eax
        jmp .run
.three: mov eax, [values]
        mov [first], eax
        mov eax, [values+4]
        mov [step], eax
        mov eax, [values+8]
        mov [last], eax
        test dword [step], -1
        jnz .run
        push dword [esi+8]
        push dword [util_prog]
        push zerostep
        push STDERR_FILENO
        call fprintf
        add esp, 16
        mov eax, 1
        jmp .out
.run:   mov ebx, [first]
.loop:  mov eax, [step]
        test eax, eax
        js .down
        cmp ebx, [last]
        jg .done
        jmp .print
.down:  cmp ebx, [last]
        jl .done
.print: push ebx
        push line
        call printf
        add esp, 8
        add ebx, [step]
        jo .done                    ; past INT_MAX or INT_MIN: the end
        jmp .loop
.done:  xor eax, eax
        jmp .out
.missing:
        push dword [util_prog]
        push missing
        push STDERR_FILENO
        call fprintf
        add esp, 12
        mov eax, 1
        jmp .out
.extra: push dword [esi+16]
        push dword [util_prog]
        push extra
        push STDERR_FILENO
        call fprintf
        add esp, 16
        mov eax, 1
.out:   pop edi
        pop esi
        pop ebx
        pop ebp
        ret

section .rodata
line:       db "%d", 10, 0
missing:    db "%s: missing operand", 10, 0
extra:      db "%s: extra operand '%s'", 10, 0
badoption:  db "%s: invalid option -- '%c'", 10, 0
badnumber:  db "%s: invalid argument: '%s'", 10, 0
zerostep:   db "%s: invalid Zero increment value: '%s'", 10, 0
usage:      db "Usage: seq [FIRST [INCREMENT]] LAST", 10
            db "Print the integers from FIRST to LAST, in steps of INCREMENT.", 10
            db "FIRST and INCREMENT are 1 when they are not given.", 10, 0

section .bss
values:     resd 3
first:      resd 1
step:       resd 1
last:       resd 1
