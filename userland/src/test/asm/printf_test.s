; printf and friends: every conversion, widths, flags, edge values, snprintf's cutting and
; counting, fprintf to stderr, puts, fputs, putchar, fputc.
%include "lib.inc"
%include "check.inc"

%macro pf 2
section .rodata
%%f: db %1, 10, 0
section .text
        push %2
        push %%f
        call printf
        add esp, 8
%endmacro

main:
        pf "[%d]", 0
        pf "[%d]", 42
        pf "[%d]", -42
        pf "[%d]", INT_MAX
        pf "[%d]", INT_MIN
        pf "[%i]", -7
        pf "[%u]", 0
        pf "[%u]", -1
        pf "[%x]", 0
        pf "[%x]", 255
        pf "[%x]", 0xDEADBEEF
        pf "[%X]", 0xDEADBEEF
        pf "[%o]", 8
        pf "[%o]", 0
        pf "[%s]", abc
        pf "[%s]", 0
        pf "[%s]", empty
        pf "[%c]", 'A'
        pf "[%%]", 0
        pf "[%5d]", 42
        pf "[%-5d]", 42
        pf "[%05d]", 42
        pf "[%05d]", -42
        pf "[%-05d]", -42
        pf "[%5d]", -42
        pf "[%3d]", 12345
        pf "[%11d]", INT_MIN
        pf "[%012d]", INT_MIN
        pf "[%08x]", 0xBEEF
        pf "[%-8x]", 0xBEEF
        pf "[%8s]", abc
        pf "[%-8s]", abc
        pf "[%08s]", abc
        pf "[%2s]", abc
        pf "[%3c]", 'z'
        pf "[%-3c]", 'z'
        pf "[%5u]", 7
        pf "[%q]", 0
        pf "[%5q]", 0
        pf "ends with %", 0

        ; several arguments in one call
        push 'c'
        push -1
        push abc
        push 10
        push several
        call printf
        add esp, 20
        show "printf returned %d", eax

        ; snprintf: cut to the buffer, NUL-terminated, the whole length returned
        push 42
        push hello
        push 8
        push buffer
        call snprintf
        add esp, 16
        show2 "snprintf(8) -> %d [%s]", eax, buffer
        push 42
        push hello
        push 64
        push buffer
        call snprintf
        add esp, 16
        show2 "snprintf(64) -> %d [%s]", eax, buffer
        mov byte [buffer], 'X'
        push 42
        push hello
        push 0
        push buffer
        call snprintf
        add esp, 16
        movzx ecx, byte [buffer]
        show2 "snprintf(0) -> %d, buffer starts %c", eax, ecx
        push 42
        push hello
        push 1
        push buffer
        call snprintf
        add esp, 16
        movzx ecx, byte [buffer]
        show2 "snprintf(1) -> %d, first byte %d", eax, ecx

        ; stderr, and the other writers
        push -5
        push to_stderr
        push STDERR_FILENO
        call fprintf
        add esp, 12
        show "fprintf returned %d", eax
        c1 puts, abc
        show "puts returned %d", eax
        c2 fputs, STDOUT_FILENO, abc
        show "fputs returned %d", eax
        c1 putchar, '!'
        show " putchar returned %d", eax
        c2 fputc, STDOUT_FILENO, 0x1FF     ; written as a byte: 0xFF
        show " fputc returned %d", eax
        c2 fputs, STDERR_FILENO, abc
        c2 fputc, STDERR_FILENO, 10
        ; a bad descriptor
        push 1
        push abc
        push -1
        call fprintf
        add esp, 12
        show2 "fprintf(-1) -> %d errno %d", eax, [errno]
        push abc
        push 99
        call fputs
        add esp, 8
        show2 "fputs(99) -> %d errno %d", eax, [errno]
        xor eax, eax
        ret

section .rodata
abc:        db "abc", 0
empty:      db 0
several:    db "%d %s %d %c|", 10, 0
hello:      db "hello, world %d", 0
to_stderr:  db "to stderr %d", 10, 0

section .bss
buffer:     resb 64
