; kill [-s SIG | -SIG | -N] PID...: sends a signal (TERM by default) to the processes (a
; negative PID is a process group, after "--"); kill -l lists the signal names, kill -l N and
; kill -l NAME convert one. Names may be given with or without "SIG".
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
        mov dword [signal_number], SIGTERM
        cmp ebx, [ebp+8]
        jge .nopid
        mov edi, [esi+ebx*4]
        cmp byte [edi], '-'
        jne .pids
        cmp word [edi+1], 'l'       ; -l and its NUL
        je .list
        cmp word [edi+1], 's'
        je .dash_s
        cmp word [edi+1], '-'       ; "--"
        jne .sig
        inc ebx
        jmp .pids
.dash_s:
        inc ebx
        cmp ebx, [ebp+8]
        jge .nopid
        mov edi, [esi+ebx*4]
        push edi
        call signal_of
        add esp, 4
        jmp .got
.sig:   inc edi                     ; the name or number after the "-"
        push edi
        call signal_of
        add esp, 4
.got:   test eax, eax
        js .badsig
        mov [signal_number], eax
        inc ebx
        cmp ebx, [ebp+8]
        jge .pids
        mov eax, [esi+ebx*4]
        cmp word [eax], '--'
        jne .pids
        cmp byte [eax+2], 0
        jne .pids
        inc ebx
.pids:  cmp ebx, [ebp+8]
        jge .nopid
        xor edi, edi                ; the exit status
.pid:   cmp ebx, [ebp+8]
        jge .done
        push pid
        push 10
        push dword [esi+ebx*4]
        call parse_int
        add esp, 12
        test eax, eax
        jnz .badpid
        push dword [signal_number]
        push dword [pid]
        call kill
        add esp, 8
        test eax, eax
        jz .next
        push dword [errno]
        call strerror
        add esp, 4
        push eax
        push dword [esi+ebx*4]
        push dword [util_prog]
        push failed
        push STDERR_FILENO
        call fprintf
        add esp, 20
        mov edi, 1
        jmp .next
.badpid:
        push dword [esi+ebx*4]
        push dword [util_prog]
        push badarg
        push STDERR_FILENO
        call fprintf
        add esp, 16
        mov edi, 1
.next:  inc ebx
        jmp .pid
.done:  mov eax, edi
        jmp .out
.list:  inc ebx
        cmp ebx, [ebp+8]
        jl .convert
        mov ebx, 1
.all:   push dword [names+ebx*4-4]
        push STDOUT_FILENO
        call fputs
        add esp, 8
        inc ebx
        cmp ebx, NAMED
        ja .nl
        push ' '
        call putchar
        add esp, 4
        jmp .all
.nl:    push 10
        call putchar
        add esp, 4
        xor eax, eax
        jmp .out
.convert:
        mov edi, [esi+ebx*4]
        push number
        push 10
        push edi
        call parse_int
        add esp, 12
        test eax, eax
        jnz .byname
        mov eax, [number]
        cmp eax, 128
        jbe .small
        sub eax, 128                ; an exit status of a killed process, as shells show it
.small: cmp eax, 1
        jl .badsig
        cmp eax, NAMED
        jg .badsig
        push dword [names+eax*4-4]
        call puts
        add esp, 4
        xor eax, eax
        jmp .out
.byname:
        push edi
        call signal_of
        add esp, 4
        test eax, eax
        js .badsig
        push eax
        push decimal
        call printf
        add esp, 8
        xor eax, eax
        jmp .out
.badsig:
        push edi
        push dword [util_prog]
        push badsignal
        push STDERR_FILENO
        call fprintf
        add esp, 16
        mov eax, 2
        jmp .out
.nopid: push dword [util_prog]
        push nopid
        push STDERR_FILENO
        call fprintf
        add esp, 12
        mov eax, 2
.out:   pop edi
        pop esi
        pop ebx
        pop ebp
        ret

; signal_of(text) -> the signal a number (0-31) or a name (with or without SIG) gives, or -1
signal_of:
        push ebx
        push esi
        mov esi, [esp+12]
        push number
        push 10
        push esi
        call parse_int
        add esp, 12
        test eax, eax
        jnz .name
        mov eax, [number]
        cmp eax, 0
        jl .bad
        cmp eax, NAMED
        jg .bad
        jmp .out
.name:  cmp byte [esi], 'S'
        jne .look
        cmp byte [esi+1], 'I'
        jne .look
        cmp byte [esi+2], 'G'
        jne .look
        add esi, 3
.look:  mov ebx, 1
.each:  cmp ebx, NAMED
        jg .bad
        push dword [names+ebx*4-4]
        push esi
        call strcmp
        add esp, 8
        test eax, eax
        jz .found
        inc ebx
        jmp .each
.found: mov eax, ebx
        jmp .out
.bad:   mov eax, -1
.out:   pop esi
        pop ebx
        ret

NAMED equ 31                        ; the signals with names

section .rodata
names:      dd s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15, s16
            dd s17, s18, s19, s20, s21, s22, s23, s24, s25, s26, s27, s28, s29, s30, s31
s1:  db "HUP", 0
s2:  db "INT", 0
s3:  db "QUIT", 0
s4:  db "ILL", 0
s5:  db "TRAP", 0
s6:  db "ABRT", 0
s7:  db "BUS", 0
s8:  db "FPE", 0
s9:  db "KILL", 0
s10: db "USR1", 0
s11: db "SEGV", 0
s12: db "USR2", 0
s13: db "PIPE", 0
s14: db "ALRM", 0
s15: db "TERM", 0
s16: db "STKFLT", 0
s17: db "CHLD", 0
s18: db "CONT", 0
s19: db "STOP", 0
s20: db "TSTP", 0
s21: db "TTIN", 0
s22: db "TTOU", 0
s23: db "URG", 0
s24: db "XCPU", 0
s25: db "XFSZ", 0
s26: db "VTALRM", 0
s27: db "PROF", 0
s28: db "WINCH", 0
s29: db "POLL", 0
s30: db "PWR", 0
s31: db "SYS", 0
decimal:    db "%d", 10, 0
failed:     db "%s: (%s): %s", 10, 0
badarg:     db "%s: invalid argument %s", 10, 0
badsignal:  db "%s: unknown signal: %s", 10, 0
nopid:      db "%s: not enough arguments", 10, 0
usage:      db "Usage: kill [-s SIGNAL | -SIGNAL] PID...", 10
            db "       kill -l [SIGNAL]", 10
            db "Send a signal (TERM by default) to processes; a negative PID, after --, is a process group.", 10, 10
            db "  -s SIGNAL, -SIGNAL   the signal, by name (HUP, SIGHUP) or number", 10
            db "  -l [SIGNAL]          list the signal names, or convert one to a name or number", 10, 0

section .bss
signal_number:  resd 1
pid:            resd 1
number:         resd 1
