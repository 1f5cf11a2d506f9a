; On a terminal: isatty, tcgetpgrp, tcgetattr, TIOCGWINSZ, and stdout line-buffered, so the
; complete lines show while the program waits in a raw read and "partial" only at exit.
%include "lib.inc"
%include "check.inc"

main:
        c1 isatty, STDIN_FILENO
        show "isatty(0) %d", eax
        c1 isatty, STDOUT_FILENO
        show "isatty(1) %d", eax
        c1 tcgetpgrp, STDIN_FILENO
        mov [pgrp], eax
        c0 getpgrp
        cmp eax, [pgrp]
        jne .background
        say "in the foreground"
.background:
        c3 ioctl, STDIN_FILENO, TIOCGWINSZ, winsize
        movzx eax, word [winsize+WINSIZE_ROW]
        movzx ecx, word [winsize+WINSIZE_COL]
        show2 "window %d x %d", eax, ecx
        c2 tcgetattr, STDIN_FILENO, termios
        mov eax, [termios+TERMIOS_LFLAG]
        mov ecx, eax
        and eax, ICANON
        and ecx, ECHO
        show2 "ICANON %x ECHO %x", eax, ecx
        c2 fputs, STDOUT_FILENO, partial
        c3 sys_read, STDIN_FILENO, buffer, 10
        show "read %d", eax
        xor eax, eax
        ret

section .rodata
partial:    db "partial ", 0

section .bss
pgrp:       resd 1
winsize:    resb WINSIZE_SIZE
termios:    resb TERMIOS_SIZE
buffer:     resb 10
