; /sbin/init: PID 1.
;
;   init              the shell reads commands from the console: interactive on a terminal
;   init ARGS...      the shell runs with ARGS (the kernel passes "-c" "LINE" for `ringos -c`)
;
; It mounts a ramfs on /tmp, starts /bin/sh and reaps every process that ends up its child
; (orphans included) for as long as the machine runs. When the shell exits, init exits with the
; shell's status as a shell reports it (the exit code, or 128 + the signal); the kernel then
; stops the machine and reports that status. An interactive shell that a signal killed is
; started again instead, up to MAX_RESTARTS times.
;
; The kernel has mounted /dev and /proc and opened the console as fds 0, 1 and 2. On a terminal
; the shell gets a session of its own with the console as its controlling terminal, as getty
; gives a login shell one; the shell can then hand the terminal to its jobs.

SYS_EXIT    equ 1
SYS_FORK    equ 2
SYS_WRITE   equ 4
SYS_EXECVE  equ 11
SYS_CHMOD   equ 15
SYS_MOUNT   equ 21
SYS_IOCTL   equ 54
SYS_SETSID  equ 66
SYS_WAIT4   equ 114
ENOENT      equ 2
EINTR       equ 4
TCGETS      equ 0x5401
TIOCSCTTY   equ 0x540E
MAX_RESTARTS equ 10

section .text
global _start
_start:
        mov ebp, esp                ; [ebp] argc, [ebp+4] argv[0] ... NULL, then envp ... NULL
        call mount_tmp
        call shell_environment
        ; On a terminal when TCGETS works on fd 0 (isatty).
        mov eax, SYS_IOCTL
        xor ebx, ebx
        mov ecx, TCGETS
        mov edx, termios
        int 0x80
        test eax, eax
        jnz .arguments
        mov byte [on_terminal], 1
.arguments:
        ; The shell's argv: "sh" and init's own arguments, reusing init's argv array (its NULL
        ; ends both); with none, "-sh" "-i" on a terminal (a login shell, interactive), else "sh".
        cmp dword [ebp], 1
        jbe .no_arguments
        mov dword [ebp+4], sh_name
        lea eax, [ebp+4]
        mov [shell_argv], eax
        jmp .spawn
.no_arguments:
        mov dword [shell_argv], plain_argv
        cmp byte [on_terminal], 0
        je .spawn
        mov dword [shell_argv], login_argv
        mov byte [interactive], 1

.spawn:
        mov eax, SYS_FORK
        int 0x80
        test eax, eax
        jz shell                    ; the child becomes the shell
        js .cannot_fork
        mov edi, eax                ; the shell's pid

.reap:                              ; wait for any child: orphans are reaped here too
        mov eax, SYS_WAIT4
        mov ebx, -1
        mov ecx, status
        xor edx, edx
        xor esi, esi
        int 0x80
        cmp eax, -EINTR
        je .reap
        test eax, eax
        js .no_children             ; ECHILD: cannot happen while the shell lives
        cmp eax, edi
        jne .reap                   ; an orphan: reaped, go on

        ; The shell has ended. Its status as a shell reports it: WEXITSTATUS, or 128 + WTERMSIG.
        mov eax, [status]
        mov ebx, eax
        and ebx, 0x7f               ; WTERMSIG
        jz .exited
        cmp byte [interactive], 0   ; killed by a signal: an interactive shell is started again
        je .signalled
        cmp dword [restarts], MAX_RESTARTS
        jae .signalled
        inc dword [restarts]
        mov esi, killed_text
        call print
        mov eax, ebx
        call print_decimal
        mov esi, again_text
        call print
        jmp .spawn
.signalled:
        add ebx, 128
        jmp exit
.exited:
        movzx ebx, ah               ; WEXITSTATUS
        jmp exit

.cannot_fork:
        mov esi, fork_text
        call print
        mov ebx, 1
        jmp exit
.no_children:
        mov ebx, 127
exit:                               ; ebx: the status; the kernel stops the machine
        mov eax, SYS_EXIT
        int 0x80

; The child: on a terminal, a new session whose controlling terminal is the console (TIOCSCTTY
; with 1 takes it from init's session, which the kernel gave it at boot); then /bin/sh.
shell:
        cmp byte [on_terminal], 0
        je .exec
        mov eax, SYS_SETSID
        int 0x80
        mov eax, SYS_IOCTL
        xor ebx, ebx
        mov ecx, TIOCSCTTY
        mov edx, 1
        int 0x80
.exec:
        mov eax, SYS_EXECVE
        mov ebx, sh_path
        mov ecx, [shell_argv]
        mov edx, shell_env
        int 0x80
        ; execve failed: say so, exit 127 if there is no such file, else 126, as shells do.
        mov edi, eax
        mov esi, exec_text
        call print
        mov ebx, 126
        cmp edi, -ENOENT
        jne exit
        mov ebx, 127
        jmp exit

; A ramfs on /tmp, sticky and writable by all (the image's /tmp is on the root ramfs already,
; but a mount of its own keeps it apart, as tmpfs does on Linux). A failure is reported, not fatal.
mount_tmp:
        mov eax, SYS_MOUNT
        mov ebx, none
        mov ecx, tmp_path
        mov edx, ramfs
        xor esi, esi
        xor edi, edi
        int 0x80
        test eax, eax
        js .failed
        mov eax, SYS_CHMOD
        mov ebx, tmp_path
        mov ecx, 01777q
        int 0x80
        ret
.failed:
        mov esi, mount_text
        call print
        ret

; The shell's environment: fixed entries, then TERM if the kernel passed it to init (the host's).
shell_environment:
        mov eax, [ebp]
        lea esi, [ebp+eax*4+8]      ; envp: after argv's NULL
.next:
        mov edx, [esi]
        test edx, edx
        jz .done
        add esi, 4
        cmp dword [edx], 'TERM'
        jne .next
        cmp byte [edx+4], '='
        jne .next
        mov [shell_env_term], edx
.done:
        ret

; print: writes the NUL-terminated string at esi to fd 2. Keeps every register but eax.
print:
        push ebx
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
        mov ebx, 2
        int 0x80
        pop edx
        pop ecx
        pop ebx
        ret

; print_decimal: writes eax (unsigned) in decimal to fd 2. Keeps every register but eax.
print_decimal:
        push ebx
        push ecx
        push edx
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
        call print
        pop esi
        pop edx
        pop ecx
        pop ebx
        ret

section .data
sh_path:    db "/bin/sh", 0
sh_name:    db "sh", 0
login_name: db "-sh", 0
dash_i:     db "-i", 0
plain_argv: dd sh_name, 0
login_argv: dd login_name, dash_i, 0
shell_env:  dd env_path, env_home, env_user, env_shell
shell_env_term:
            dd 0, 0                 ; TERM=… if known, then the NULL that ends the list
env_path:   db "PATH=/bin:/sbin", 0
env_home:   db "HOME=/root", 0
env_user:   db "USER=root", 0
env_shell:  db "SHELL=/bin/sh", 0
none:       db "none", 0
tmp_path:   db "/tmp", 0
ramfs:      db "ramfs", 0
killed_text: db "init: /bin/sh was killed by signal ", 0
again_text: db "; starting it again", 10, 0
fork_text:  db "init: cannot fork the shell", 10, 0
exec_text:  db "init: cannot execute /bin/sh", 10, 0
mount_text: db "init: cannot mount a ramfs on /tmp", 10, 0

section .bss
status:     resd 1
restarts:   resd 1
shell_argv: resd 1
on_terminal: resb 1
interactive: resb 1
termios:    resb 64
digits:     resb 11
digits_end: resb 1
