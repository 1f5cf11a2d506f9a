; sleep NUMBER...: waits for the sum of the NUMBERs of seconds (with a fraction, "0.5", and a
; suffix s, m, h or d), with nanosleep.
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
        mov dword [opterr], 1
.opt:   push optstring
        push dword [ebp+12]
        push dword [ebp+8]
        call getopt
        add esp, 12
        cmp eax, -1
        je .args
        mov eax, 2
        jmp .out
.args:  mov ebx, [optind]
        cmp ebx, [ebp+8]
        jl .each
        push dword [util_prog]
        push missing
        push STDERR_FILENO
        call fprintf
        add esp, 12
        mov eax, 2
        jmp .out
.each:  cmp ebx, [ebp+8]
        jge .sleep
        mov eax, [ebp+12]
        mov esi, [eax+ebx*4]
        push esi
        call add_interval
        add esp, 4
        test eax, eax
        jnz .invalid
        inc ebx
        jmp .each
.invalid:
        push esi
        push dword [util_prog]
        push badtime
        push STDERR_FILENO
        call fprintf
        add esp, 16
        mov eax, 2
        jmp .out
.sleep: push ts
        push ts
        call nanosleep
        add esp, 8
        test eax, eax
        jz .out
        cmp dword [errno], EINTR
        je .sleep                   ; a stop and a continue: sleep the rest
        mov eax, 1
.out:   pop edi
        pop esi
        pop ebx
        pop ebp
        ret

; add_interval(text) -> 0 with the interval added to ts, or -1 when text is not a number
add_interval:
        push ebx
        push esi
        push edi
        mov esi, [esp+16]
        xor ebx, ebx                ; whole seconds
        xor edi, edi                ; nanoseconds
        cmp byte [esi], 0
        je .bad
        mov ecx, 0                  ; digits seen
.whole: movzx eax, byte [esi]
        sub eax, '0'
        cmp eax, 9
        ja .point
        imul ebx, ebx, 10
        add ebx, eax
        inc esi
        inc ecx
        jmp .whole
.point: cmp byte [esi], '.'
        jne .unit
        inc esi
        mov edx, 100000000
.frac:  movzx eax, byte [esi]
        sub eax, '0'
        cmp eax, 9
        ja .unit
        inc ecx
        push edx
        imul eax, edx
        add edi, eax
        pop eax
        xor edx, edx
        push ecx
        mov ecx, 10
        div ecx
        pop ecx
        mov edx, eax
        inc esi
        jmp .frac
.unit:  test ecx, ecx
        jz .bad
        movzx eax, byte [esi]
        mov ecx, 1
        cmp eax, 0
        je .scale
        cmp byte [esi+1], 0
        jne .bad
        cmp eax, 's'
        je .scale
        mov ecx, 60
        cmp eax, 'm'
        je .scale
        mov ecx, 3600
        cmp eax, 'h'
        je .scale
        mov ecx, 86400
        cmp eax, 'd'
        jne .bad
.scale: imul ebx, ecx               ; the fraction scaled: ns * factor, carried into seconds
        mov eax, edi
        mul ecx                     ; edx:eax = ns * factor
        push ebx
        mov ebx, 1000000000
        div ebx                     ; eax whole seconds, edx ns
        pop ebx
        add ebx, eax
        add [ts+TIMESPEC_SEC], ebx
        add edx, [ts+TIMESPEC_NSEC]
        cmp edx, 1000000000
        jb .store
        sub edx, 1000000000
        inc dword [ts+TIMESPEC_SEC]
.store: mov [ts+TIMESPEC_NSEC], edx
        xor eax, eax
        jmp .out
.bad:   mov eax, -1
.out:   pop edi
        pop esi
        pop ebx
        ret

section .rodata
optstring:  db "", 0
missing:    db "%s: missing operand", 10, 0
badtime:    db "%s: invalid time interval '%s'", 10, 0
usage:      db "Usage: sleep NUMBER[SUFFIX]...", 10
            db "Pause for NUMBER seconds, the sum of them when there are several.", 10
            db "SUFFIX may be 's' for seconds (the default), 'm' for minutes, 'h' for hours or 'd' for days;", 10
            db "NUMBER may have a fraction.", 10, 0

section .bss
ts:         resb TIMESPEC_SIZE
