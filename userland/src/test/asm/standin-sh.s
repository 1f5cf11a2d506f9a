; A stand-in for /bin/sh in the tests of init and of the ringos command: it runs one-word
; commands, from `-c "COMMAND ARG"` or one per line from fd 0 (with a "$ " prompt when its
; argv has -i), and exits with the last command's status at the end of its input.
;
;   echo TEXT   TEXT and a newline on fd 1           err TEXT   the same on fd 2
;   exit N      exit with status N                   kill N     send itself signal N
;   args        its argv, one per line               env        its environment, one per line
;   session     "leader" if it leads its session, then "tty" if fd 0 is its controlling terminal
;   orphan      makes a grandchild that is orphaned and exits; says "reaped" once init reaped it
;   once        the first time (no /tmp/once yet): makes /tmp/once and kills itself with SIGKILL
;   raw         switches the terminal to raw mode, reads one key and prints its code
;   winsize     the terminal's window size: "ROWS COLUMNS"
;   mounts      copies /proc/mounts to fd 1
; Anything else: "sh: NAME: not found" on fd 2, status 127.

SYS_EXIT    equ 1
SYS_FORK    equ 2
SYS_READ    equ 3
SYS_WRITE   equ 4
SYS_OPEN    equ 5
SYS_CLOSE   equ 6
SYS_GETPID  equ 20
SYS_KILL    equ 37
SYS_IOCTL   equ 54
SYS_WAIT4   equ 114
SYS_GETSID  equ 147
SYS_YIELD   equ 158
O_CREAT     equ 0x40
O_EXCL      equ 0x80
O_WRONLY    equ 1
TCGETS      equ 0x5401
TCSETS      equ 0x5402
TIOCGPGRP   equ 0x540F
TIOCGWINSZ  equ 0x5413
ICANON      equ 2
ECHO        equ 8

section .text
global _start
_start:
        mov ebp, esp
        mov eax, [ebp]
        lea eax, [ebp+eax*4+8]
        mov [envp], eax
        ; -i anywhere in argv: interactive, prompt before each line
        mov ecx, 1
.scan:
        cmp ecx, [ebp]
        jae .scanned
        mov esi, [ebp+ecx*4+4]
        cmp word [esi], '-i'
        jne .next
        cmp byte [esi+2], 0
        jne .next
        mov byte [interactive], 1
.next:
        inc ecx
        jmp .scan
.scanned:
        ; -c COMMAND: run that one command
        cmp dword [ebp], 3
        jb .loop
        mov esi, [ebp+8]
        cmp word [esi], '-c'
        jne .loop
        mov esi, [ebp+12]
        call run
        mov ebx, [last]
        jmp exit

.loop:
        cmp byte [interactive], 0
        je .read
        mov esi, prompt
        mov ebx, 1
        call print
.read:
        call getline                ; esi: the line, NUL-terminated; eax 0 at end of input
        test eax, eax
        jz .end
        call run
        jmp .loop
.end:
        mov ebx, [last]
exit:
        mov eax, SYS_EXIT
        int 0x80

; run: the command in the string at esi; sets [last] to its status.
run:
        mov dword [last], 0
        mov edi, esi                ; edi: the argument, after the first blank (or the empty end)
.word:
        mov al, [edi]
        test al, al
        jz .split
        cmp al, ' '
        je .blank
        inc edi
        jmp .word
.blank:
        mov byte [edi], 0
        inc edi
.split:
        mov ebx, commands
.find:
        mov edx, [ebx]              ; the name
        test edx, edx
        jz .unknown
        push esi
.compare:
        mov al, [esi]
        cmp al, [edx]
        jne .differ
        test al, al
        jz .found
        inc esi
        inc edx
        jmp .compare
.differ:
        pop esi
        add ebx, 8
        jmp .find
.found:
        pop esi
        jmp [ebx+4]
.unknown:
        push esi
        mov esi, not_found_1
        mov ebx, 2
        call print
        pop esi
        call print
        mov esi, not_found_2
        call print
        mov dword [last], 127
        ret

do_echo:
        mov esi, edi
        mov ebx, 1
        call print
        call newline
        ret
do_err:
        mov esi, edi
        mov ebx, 2
        call print
        call newline
        ret
do_exit:
        call number
        mov ebx, eax
        jmp exit
do_kill:
        call number
        mov ecx, eax
        mov eax, SYS_GETPID
        int 0x80
        mov ebx, eax
        mov eax, SYS_KILL
        int 0x80
        ret
do_args:
        lea edi, [ebp+4]
        jmp print_list
do_env:
        mov edi, [envp]
print_list:                         ; the NULL-terminated list of strings at edi, one per line
        mov esi, [edi]
        test esi, esi
        jz .done
        mov ebx, 1
        call print
        call newline
        add edi, 4
        jmp print_list
.done:
        ret
do_session:
        mov eax, SYS_GETPID
        int 0x80
        mov edi, eax
        mov eax, SYS_GETSID
        xor ebx, ebx
        int 0x80
        cmp eax, edi
        jne .tty
        mov esi, leader_text
        mov ebx, 1
        call print
.tty:
        mov eax, SYS_IOCTL
        xor ebx, ebx
        mov ecx, TIOCGPGRP
        mov edx, scratch
        int 0x80
        test eax, eax
        jnz .end
        mov esi, tty_text
        mov ebx, 1
        call print
.end:
        call newline
        ret
do_orphan:
        mov eax, SYS_FORK
        int 0x80
        test eax, eax
        jnz .parent
        mov eax, SYS_FORK           ; the child: a grandchild, then exit at once
        int 0x80
        test eax, eax
        jz .grandchild
        mov eax, SYS_EXIT
        xor ebx, ebx
        int 0x80
.grandchild:
        mov ecx, 20                 ; outlive the child a little, then exit: an orphan's death
.linger:
        mov eax, SYS_YIELD
        int 0x80
        dec ecx
        jnz .linger
        mov eax, SYS_EXIT
        xor ebx, ebx
        int 0x80
.parent:
        mov edi, eax
        inc edi                     ; the grandchild's pid: the next one handed out
        mov eax, SYS_WAIT4
        mov ebx, -1
        mov ecx, scratch
        xor edx, edx
        xor esi, esi
        int 0x80
        mov ecx, 1000               ; until kill(pid, 0) says there is no such process
.poll:
        push ecx
        mov eax, SYS_KILL
        mov ebx, edi
        xor ecx, ecx
        int 0x80
        pop ecx
        test eax, eax
        jnz .gone
        push ecx
        mov eax, SYS_YIELD
        int 0x80
        pop ecx
        dec ecx
        jnz .poll
        mov esi, not_reaped_text
        jmp .say
.gone:
        mov esi, reaped_text
.say:
        mov ebx, 1
        call print
        ret
do_once:
        mov eax, SYS_OPEN
        mov ebx, once_path
        mov ecx, O_CREAT | O_EXCL | O_WRONLY
        mov edx, 0644q
        int 0x80
        test eax, eax
        js .again
        mov eax, SYS_GETPID
        int 0x80
        mov ebx, eax
        mov eax, SYS_KILL
        mov ecx, 9
        int 0x80
.again:
        ret
do_raw:
        mov eax, SYS_IOCTL
        xor ebx, ebx
        mov ecx, TCGETS
        mov edx, termios
        int 0x80
        and dword [termios+12], ~(ICANON | ECHO)
        mov eax, SYS_IOCTL
        mov ecx, TCSETS
        int 0x80
        mov eax, SYS_READ
        xor ebx, ebx
        mov ecx, scratch
        mov edx, 1
        int 0x80
        or dword [termios+12], ICANON | ECHO
        mov eax, SYS_IOCTL
        xor ebx, ebx
        mov ecx, TCSETS
        mov edx, termios
        int 0x80
        mov esi, key_text
        mov ebx, 1
        call print
        movzx eax, byte [scratch]
        call print_decimal
        call newline
        ret
do_winsize:
        mov eax, SYS_IOCTL
        xor ebx, ebx
        mov ecx, TIOCGWINSZ
        mov edx, scratch
        int 0x80
        movzx eax, word [scratch]
        call print_decimal
        mov esi, space
        call print
        movzx eax, word [scratch+2]
        call print_decimal
        call newline
        ret
do_mounts:
        mov eax, SYS_OPEN
        mov ebx, mounts_path
        xor ecx, ecx
        int 0x80
        mov edi, eax
.copy:
        mov eax, SYS_READ
        mov ebx, edi
        mov ecx, line
        mov edx, 256
        int 0x80
        test eax, eax
        jle .done
        mov edx, eax
        mov eax, SYS_WRITE
        mov ebx, 1
        mov ecx, line
        int 0x80
        jmp .copy
.done:
        mov eax, SYS_CLOSE
        mov ebx, edi
        int 0x80
        ret

; number: the decimal number at edi, in eax.
number:
        xor eax, eax
        mov esi, edi
.digit:
        movzx ecx, byte [esi]
        sub ecx, '0'
        cmp ecx, 9
        ja .done
        imul eax, eax, 10
        add eax, ecx
        inc esi
        jmp .digit
.done:
        ret

; getline: the next line of fd 0 (without its newline) at esi, NUL-terminated; eax 0 at the end.
getline:
        xor edx, edx                ; length so far
.byte:
        mov eax, [in_pos]
        cmp eax, [in_end]
        jb .take
        push edx
        mov eax, SYS_READ
        xor ebx, ebx
        mov ecx, input
        mov edx, 4096
        int 0x80
        pop edx
        mov dword [in_pos], 0
        test eax, eax
        jle .eof
        mov [in_end], eax
        jmp .byte
.take:
        mov cl, [input+eax]
        inc dword [in_pos]
        cmp cl, 10
        je .line
        cmp edx, 255
        jae .byte
        mov [line+edx], cl
        inc edx
        jmp .byte
.eof:
        mov dword [in_end], 0
        test edx, edx
        jz .none
.line:
        mov byte [line+edx], 0
        mov esi, line
        mov eax, 1
        ret
.none:
        xor eax, eax
        ret

; print: the string at esi to fd ebx. newline: "\n" to fd ebx. Both keep ebx, esi, edi.
print:
        push ecx
        push edx
        mov ecx, esi
        xor edx, edx
.length:
        cmp byte [esi+edx], 0
        je .write
        inc edx
        jmp .length
.write:
        mov eax, SYS_WRITE
        int 0x80
        pop edx
        pop ecx
        ret
newline:
        push esi
        mov esi, nl
        call print
        pop esi
        ret

; print_decimal: eax in decimal to fd 1.
print_decimal:
        push esi
        mov esi, digits_end
        mov byte [esi], 0
        mov ecx, 10
.digit:
        xor edx, edx
        div ecx
        add dl, '0'
        dec esi
        mov [esi], dl
        test eax, eax
        jnz .digit
        mov ebx, 1
        call print
        pop esi
        ret

section .data
commands:
        dd c_echo, do_echo, c_err, do_err, c_exit, do_exit, c_kill, do_kill, c_args, do_args
        dd c_env, do_env, c_session, do_session, c_orphan, do_orphan, c_once, do_once
        dd c_raw, do_raw, c_winsize, do_winsize, c_mounts, do_mounts, 0, 0
c_echo:     db "echo", 0
c_err:      db "err", 0
c_exit:     db "exit", 0
c_kill:     db "kill", 0
c_args:     db "args", 0
c_env:      db "env", 0
c_session:  db "session", 0
c_orphan:   db "orphan", 0
c_once:     db "once", 0
c_raw:      db "raw", 0
c_winsize:  db "winsize", 0
c_mounts:   db "mounts", 0
prompt:     db "$ ", 0
nl:         db 10, 0
space:      db " ", 0
leader_text: db "leader ", 0
tty_text:   db "tty", 0
reaped_text: db "reaped", 10, 0
not_reaped_text: db "not reaped", 10, 0
not_found_1: db "sh: ", 0
not_found_2: db ": not found", 10, 0
key_text:   db "key ", 0
once_path:  db "/tmp/once", 0
mounts_path: db "/proc/mounts", 0

section .bss
envp:       resd 1
last:       resd 1
in_pos:     resd 1
in_end:     resd 1
scratch:    resd 4
termios:    resb 64
interactive: resb 1
digits:     resb 11
digits_end: resb 1
line:       resb 260
input:      resb 4096
