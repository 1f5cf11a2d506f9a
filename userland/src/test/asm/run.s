; run WORD...: runs command lines given as words, for the tests of the utilities: ";" ends a
; pipeline, "|" joins two commands of one. A command is /bin/NAME (or NAME itself when it
; holds a "/"), started with its words as argv, so argv[0] is NAME as a shell passes it. After
; every pipeline but the last, a status other than 0 is written as "[N]" on stdout; run exits
; with the last pipeline's status (128 + N for a command killed by signal N).
%include "lib.inc"

main:
        push ebp
        mov ebp, esp
        push ebx
        push esi
        push edi
        mov esi, [ebp+12]
        add esi, 4                  ; the first word
.line:  mov dword [input], 0        ; the next command reads fd 0
        mov dword [count], 0
.cmd:   mov ebx, esi                ; the command's first word
.scan:  mov eax, [esi]
        test eax, eax
        jz .last
        cmp word [eax], ';'
        je .endpipe
        cmp word [eax], '|'
        je .pipe
        add esi, 4
        jmp .scan
.pipe:  mov dword [esi], 0          ; cut argv here
        add esi, 4
        push fds
        call pipe
        add esp, 4
        push dword [fds+4]
        push ebx
        call start
        add esp, 8
        push dword [fds+4]
        call close
        add esp, 4
        mov eax, [fds]
        mov [input], eax
        jmp .cmd
.endpipe:
        mov dword [esi], 0
        add esi, 4
        push 1
        push ebx
        call start
        add esp, 8
        call reap
        test eax, eax
        jz .line
        push eax
        push mark
        call printf
        add esp, 8
        jmp .line
.last:  push 1
        push ebx
        call start
        add esp, 8
        call reap
        pop edi
        pop esi
        pop ebx
        pop ebp
        ret

; start(words, outfd): forks a child that runs words with [input] as fd 0 and outfd as fd 1
start:
        push ebx
        call fork
        test eax, eax
        jz .child
        inc dword [count]
        mov [lastpid], eax
        mov eax, [input]
        test eax, eax
        jz .done
        push eax
        call close
        add esp, 4
.done:  pop ebx
        ret
.child: mov eax, [input]
        test eax, eax
        jz .out
        push 0
        push eax
        call dup2
        add esp, 8
        push dword [input]
        call close
        add esp, 4
.out:   mov eax, [esp+12]
        cmp eax, 1
        je .exec
        push 1
        push eax
        call dup2
        add esp, 8
        push dword [esp+12]
        call close
        add esp, 4
        push dword [fds]
        call close
        add esp, 4
.exec:  mov ebx, [esp+8]
        mov eax, [ebx]
        push '/'
        push eax
        call strchr
        add esp, 8
        test eax, eax
        jnz .asis
        push bin
        push path
        call strcpy
        add esp, 8
        push dword [ebx]
        push path
        call strcat
        add esp, 8
        mov eax, path
        jmp .go
.asis:  mov eax, [ebx]
.go:    push dword [environ]
        push ebx
        push eax
        call execve
        add esp, 12
        push dword [ebx]
        push notfound
        push STDERR_FILENO
        call fprintf
        add esp, 12
        push 127
        call exit

; reap() -> the status of the pipeline's last command, once all its commands ended
reap:
        push ebx
        xor ebx, ebx
.loop:  cmp dword [count], 0
        je .done
        push 0
        push status
        push -1
        call waitpid
        add esp, 12
        test eax, eax
        js .done
        dec dword [count]
        cmp eax, [lastpid]
        jne .loop
        mov ecx, [status]
        mov ebx, ecx
        and ebx, 0x7F
        jz .exited
        add ebx, 128
        jmp .loop
.exited:
        shr ecx, 8
        and ecx, 0xFF
        mov ebx, ecx
        jmp .loop
.done:  mov eax, ebx
        pop ebx
        ret

section .rodata
bin:        db "/bin/", 0
mark:       db "[%d]", 10, 0
notfound:   db "run: %s: not found", 10, 0

section .bss
input:      resd 1
count:      resd 1
lastpid:    resd 1
status:     resd 1
fds:        resd 2
path:       resb 256
