; errno.inc: strerror and strerrorname_np for every number (the test compares them with the
; kernel's table), perror, and errno set by failing calls.
%include "lib.inc"
%include "check.inc"

main:
        push ebx
        mov ebx, -1
.each:  c1 strerrorname_np, ebx
        push eax
        c1 strerror, ebx
        pop ecx
        push eax
        push ecx
        push ebx
        push line_format
        call printf
        add esp, 16
        inc ebx
        cmp ebx, 136
        jle .each
        ; a failing call sets errno; perror prints it on stderr, and keeps it
        c2 open, missing, O_RDONLY
        show2 "open -> %d errno %d", eax, [errno]
        c1 perror, missing
        show "errno after perror %d", [errno]
        c1 perror, empty
        c1 perror, 0
        mov dword [errno], 999
        c1 perror, odd
        mov dword [errno], 0
        c1 perror, fine
        c1 close, 77
        c1 perror, close_text
        xor eax, eax
        pop ebx
        ret

section .rodata
line_format:    db "%d %s %s", 10, 0
missing:        db "/no/such/file", 0
empty:          db 0
odd:            db "odd", 0
fine:           db "fine", 0
close_text:     db "close", 0
