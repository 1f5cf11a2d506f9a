; input.inc: read_line, getchar and fgetc over stdin and a file. The first argument picks:
;   lines   read_line(0) into a 16-byte buffer until the end, each piece shown
;   chars   getchar until EOF, twice at the end
;   share   stdin unbuffered: a program the parent execs goes on where its line ended
;   keep    stdin buffered: the parent's buffer holds what that program would have read
;   file    read_line on a file opened by path, and the errors
%include "lib.inc"
%include "check.inc"

main:
        push ebx
        push esi
        mov eax, [esp+16]           ; argv
        mov esi, [eax+4]
        c2 strcmp, esi, lines_mode
        test eax, eax
        jz .lines
        c2 strcmp, esi, chars_mode
        test eax, eax
        jz .chars
        c2 strcmp, esi, share_mode
        test eax, eax
        jz .share
        c2 strcmp, esi, keep_mode
        test eax, eax
        jz .keep
        c2 strcmp, esi, file_mode
        test eax, eax
        jz .file
        mov eax, 2
        jmp .done

.lines: c1 read_lines, STDIN_FILENO
        jmp .ok

.chars: xor ebx, ebx
.char:  c0 getchar
        cmp eax, EOF
        je .chars_end
        inc ebx
        cmp eax, 10
        jne .show
        mov eax, '|'
.show:  c1 putchar, eax
        jmp .char
.chars_end:
        c0 getchar
        show2 "%d characters, then %d", ebx, eax
        jmp .ok

.share: c4 setvbuf, STDIN_FILENO, 0, _IONBF, 0
        show "setvbuf -> %d", eax
.keep:  c3 read_line, STDIN_FILENO, buffer, 64
        show "parent read [%s]", buffer
        c0 fork
        test eax, eax
        jnz .wait
        mov eax, [esp+16]
        mov eax, [eax]
        mov [lines_argv], eax
        c3 execve, eax, lines_argv, [environ]
        c1 exit, 127
.wait:  c1 wait, 0
        jmp .ok

.file:  c2 open, path, O_RDONLY
        mov ebx, eax
        c1 read_lines, ebx
        c1 close, ebx
        mov dword [errno], 0
        c3 read_line, ebx, buffer, 64
        show2 "read_line(closed) -> %d errno %d", eax, [errno]
        mov dword [errno], 0
        c3 read_line, STDIN_FILENO, buffer, 1
        show2 "read_line(size 1) -> %d errno %d", eax, [errno]
        mov dword [errno], 0
        c1 fgetc, 40
        show2 "fgetc(40) -> %d errno %d", eax, [errno]
        c2 open, path, O_RDONLY
        mov ebx, eax
        c1 fgetc, ebx
        show "fgetc -> %c", eax
        c3 read_line, ebx, buffer, 64
        show "then read_line [%s]", buffer
        c3 lseek, ebx, 0, SEEK_SET
        c3 read_line, ebx, buffer, 64
        show "after lseek [%s]", buffer
.ok:    xor eax, eax
.done:  pop esi
        pop ebx
        ret

; read_lines(fd): read_line into a 16-byte buffer until the end, each result on a line with its
; newline shown as \n
read_lines:
        push ebx
.next:  c3 read_line, [esp+16], buffer, 16
        mov ebx, eax
        test eax, eax
        jle .end
        c1 chomp, buffer
        cmp eax, ebx
        je .whole
        show2 "%d [%s\n]", ebx, buffer
        jmp .next
.whole: show2 "%d [%s]", ebx, buffer
        jmp .next
.end:   show "end: %d", ebx
        pop ebx
        ret

section .rodata
lines_mode:     db "lines", 0
chars_mode:     db "chars", 0
share_mode:     db "share", 0
keep_mode:      db "keep", 0
file_mode:      db "file", 0
path:           db "/data/lines", 0

section .data
lines_argv:     dd 0, lines_mode, 0

section .bss
buffer:         resb 64
