; /bin/sh: a POSIX-style shell.
;
;   sh -c STRING [NAME [ARG...]]   run STRING; $0 is NAME, $1... the ARGs
;   sh FILE [ARG...]               run the script FILE
;   sh [-i]                        read commands from stdin; interactive with -i or on a terminal
;
; How a line goes through it:
;   lex.inc      the text is cut into tokens: words (kept as written, quotes and all) and
;                operators (; & | && || and redirections)
;   run.inc      lists, and-or lists, pipelines and simple commands are run straight from the
;                token array: there is no syntax tree, because there are no compound commands
;   expand.inc   each word of a simple command is expanded when the command runs: parameters,
;                field splitting of what they gave, quote removal
;   search.inc   a command name becomes a builtin or a file (PATH search)
;   builtins.inc the commands the shell runs itself
;   vars.inc     shell variables; exported ones live in the environment (environ)
;
; Memory: the text of a command and everything made from it (tokens, expanded words) live in
; an arena that is emptied before the next command is read; variables are malloc'd.

%include "lib.inc"

TEXT_SIZE       equ 16384       ; the text of one command, continuation lines included
ARENA_SIZE      equ 65536
MAX_TOKENS      equ 1024
MAX_FIELDS      equ 512
MAX_REDIRS      equ 32
MAX_PIPELINE    equ 64
PATH_MAX        equ 4096

%include "sh/lex.inc"
%include "sh/vars.inc"
%include "sh/expand.inc"
%include "sh/search.inc"
%include "sh/run.inc"
%include "sh/builtins.inc"

section .text

; main(argc, argv, envp): reads the options, then the commands, and exits with the last status.
main:
        push ebp
        mov ebp, esp
        push ebx
        push esi
        push edi
        mov ebx, 1                  ; ebx: index of the next argument
        mov esi, [ebp+12]           ; argv
        mov eax, [esi]
        mov [arg0], eax
.option:
        cmp ebx, [ebp+8]
        jae .options_done
        mov edi, [esi+ebx*4]
        cmp byte [edi], '-'
        jne .options_done
        cmp byte [edi+1], 0
        je .options_done            ; "-" alone is an operand
        cmp word [edi], '--'
        jne .letters
        cmp byte [edi+2], 0
        jne .letters
        inc ebx                     ; "--" ends the options
        jmp .options_done
.letters:
        inc edi
.letter:
        movzx eax, byte [edi]
        test eax, eax
        jz .next_option
        cmp al, 'c'
        jne .not_c
        mov byte [opt_c], 1
        jmp .next_letter
.not_c: cmp al, 'i'
        jne .not_i
        mov byte [interactive], 1
        jmp .next_letter
.not_i: cmp al, 'e'
        jne .not_e
        mov byte [opt_errexit], 1
        jmp .next_letter
.not_e: cmp al, 'x'
        jne .not_x
        mov byte [opt_xtrace], 1
        jmp .next_letter
.not_x: cmp al, 's'
        je .next_letter             ; -s: read stdin, which is what we do without operands
        push eax
        push bad_option
        push STDERR_FILENO
        call fprintf
        add esp, 12
        mov eax, 2
        jmp .return
.next_letter:
        inc edi
        jmp .letter
.next_option:
        inc ebx
        jmp .option
.options_done:
        cmp byte [opt_c], 0
        je .no_c
        ; -c STRING [NAME [ARG...]]
        cmp ebx, [ebp+8]
        jb .have_string
        push c_needs_string
        push STDERR_FILENO
        call fputs
        add esp, 8
        mov eax, 2
        jmp .return
.have_string:
        mov eax, [esi+ebx*4]
        mov [c_string], eax
        inc ebx
        cmp ebx, [ebp+8]
        jae .positionals
        mov eax, [esi+ebx*4]        ; NAME becomes $0
        mov [arg0], eax
        inc ebx
        jmp .positionals
.no_c:
        cmp ebx, [ebp+8]
        jae .positionals            ; no operand: stdin
        ; sh FILE [ARG...]: read the script on a descriptor of its own, >= 10, closed on exec
        mov eax, [esi+ebx*4]
        mov [arg0], eax
        push 0
        push O_RDONLY
        push eax
        call open
        add esp, 12
        test eax, eax
        js .no_script
        mov edi, eax
        push 10
        push F_DUPFD_CLOEXEC
        push edi
        call fcntl
        add esp, 12
        mov [input_fd], eax
        push edi
        call close
        add esp, 4
        inc ebx
        jmp .positionals
.no_script:
        push dword [errno]
        call strerror
        add esp, 4
        push eax
        push dword [arg0]
        push cannot_open
        push STDERR_FILENO
        call fprintf
        add esp, 16
        mov eax, 127
        jmp .return

.positionals:
        ; $1... are the arguments left
        lea eax, [esi+ebx*4]
        mov [pos_argv], eax
        mov eax, [ebp+8]
        sub eax, ebx
        mov [pos_count], eax

        call getpid
        mov [shell_pid], eax

        cmp byte [opt_c], 0
        je .read_commands
        ; -c: the whole string is one text
        push dword [c_string]
        call run_string
        add esp, 4
        jmp .finish

.read_commands:
        cmp dword [input_fd], 0
        jne .loop
        ; Commands from stdin, a byte at a time so that what we have not read is left for the
        ; commands we run (`sh < script` where a command reads the rest).
        push 0
        push _IONBF
        push 0
        push STDIN_FILENO
        call setvbuf
        add esp, 16
        push STDIN_FILENO
        call isatty
        add esp, 4
        or [interactive], al
.loop:
        call read_command
        test eax, eax
        jz .finish                  ; end of input
        js .loop                    ; a syntax error: already reported
        call run_tokens
        jmp .loop
.finish:
        push dword [last_status]
        call exit

.return:
        pop edi
        pop esi
        pop ebx
        pop ebp
        ret

; run_string(text): lexes and runs a whole text (-c), ending the shell on a syntax error
run_string:
        push dword [esp+4]
        call lex
        add esp, 4
        test eax, eax
        jz .run
        cmp eax, LEX_INCOMPLETE
        jne .error
        push unexpected_end
        push STDERR_FILENO
        call fputs
        add esp, 8
.error: push 2
        call exit
.run:   call run_tokens
        ret

; read_command() -> 1 with a command lexed into the tokens, 0 at the end of the input, -1
; after a syntax error (reported, $? is 2). Reads more lines while the command is unfinished.
read_command:
        push ebx
        xor ebx, ebx                ; ebx: the length of the text so far
        call prompt1
.more:
        mov eax, TEXT_SIZE
        sub eax, ebx
        cmp eax, 2
        jl .too_long
        push eax
        lea eax, [text+ebx]
        push eax
        push dword [input_fd]
        call read_line
        add esp, 12
        test eax, eax
        jle .end_of_input
        add ebx, eax
        push text
        call lex
        add esp, 4
        test eax, eax
        jz .complete
        cmp eax, LEX_INCOMPLETE
        jne .syntax_error
        call prompt2
        jmp .more
.complete:
        mov eax, 1
        pop ebx
        ret
.end_of_input:
        test ebx, ebx
        jz .done                    ; nothing begun: the end
        push unexpected_end
        push STDERR_FILENO
        call fputs
        add esp, 8
.syntax_error:
        mov dword [last_status], 2
        cmp byte [interactive], 0
        jne .error_return
        push 2                      ; a script with a syntax error stops, as in every sh
        call exit
.too_long:
        push line_too_long
        push STDERR_FILENO
        call fputs
        add esp, 8
        jmp .syntax_error
.error_return:
        mov eax, -1
        pop ebx
        ret
.done:  xor eax, eax
        pop ebx
        ret

; prompt1(): when interactive, "CWD$ " (or "CWD# " for root) on stderr
prompt1:
        cmp byte [interactive], 0
        je .done
        push PATH_MAX
        push cwd_buf
        call getcwd
        add esp, 8
        test eax, eax
        jnz .have_cwd
        mov byte [cwd_buf], 0
.have_cwd:
        call geteuid
        mov ecx, '$'
        test eax, eax
        jnz .user
        mov ecx, '#'
.user:  push ecx
        push cwd_buf
        push prompt_format
        push STDERR_FILENO
        call fprintf
        add esp, 16
.done:  ret

; prompt2(): when interactive, "> " for a continuation line
prompt2:
        cmp byte [interactive], 0
        je .done
        push continuation
        push STDERR_FILENO
        call fputs
        add esp, 8
.done:  ret

section .rodata
bad_option:     db "sh: -%c: invalid option", 10, 0
c_needs_string: db "sh: -c: option requires an argument", 10, 0
cannot_open:    db "sh: %s: %s", 10, 0
unexpected_end: db "sh: syntax error: unexpected end of file", 10, 0
line_too_long:  db "sh: command too long", 10, 0
prompt_format:  db "%s%c ", 0
continuation:   db "> ", 0

section .data
input_fd:       dd 0            ; where commands come from: stdin or the script

section .bss
opt_c:          resb 1
interactive:    resb 1
opt_errexit:    resb 1
opt_xtrace:     resb 1
c_string:       resd 1
arg0:           resd 1          ; $0
pos_argv:       resd 1          ; $1...: an array of pointers
pos_count:      resd 1          ; $#
shell_pid:      resd 1          ; $$
last_status:    resd 1          ; $?
last_background: resd 1         ; $! (0: none yet)
text:           resb TEXT_SIZE
cwd_buf:        resb PATH_MAX
