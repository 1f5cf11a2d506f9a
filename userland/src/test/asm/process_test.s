; Processes and signals through the library: fork (which flushes first), waitpid and wait with
; the status decoded, execve of this program, exit flushing and _exit not, ids, groups and
; sessions, signal handlers with raise and kill, masks and pending sets, sleep and uname, isatty
; and the terminal calls on a non-terminal.
%include "lib.inc"
%include "check.inc"

main:
        push ebx
        push esi
        push edi
        mov esi, [esp+16]           ; argc
        mov edi, [esp+20]           ; argv
        cmp esi, 2
        jl .parent
        ; "child N": the exec'd copy; exits with N after printing its argv and an env var
        c1 getenv, greeting
        show "exec'd: GREETING=%s", eax
        c2 parse_int_quick, [edi+8], 0
        show2 "exec'd: argv[1]=%s, exiting with %d", [edi+4], eax
        push eax
        call exit

.parent:
        ; --- fork: the child prints (buffered) and exits; the parent's earlier output is not
        ; printed twice, since fork flushed it ---
        say "before fork"
        c0 fork
        test eax, eax
        jnz .forked
        say "child: exit flushes this"
        c1 exit, 3
.forked:
        mov ebx, eax
        c3 waitpid, ebx, status, 0
        cmp eax, ebx
        jne .wrong
        call decode
        ; --- a child that prints and leaves with _exit: its buffered text is lost ---
        c0 fork
        test eax, eax
        jnz .forked2
        say "child: lost"
        c1 _exit, 4
.forked2:
        c1 wait, status
        call decode
        mov dword [errno], 0
        c1 wait, status
        show2 "wait with no children -> %d errno %d", eax, [errno]
        ; --- a child killed by a signal ---
        c0 fork
        test eax, eax
        jnz .forked3
        c0 pause
        c1 exit, 0
.forked3:
        mov ebx, eax
        c0 sched_yield
        c2 kill, ebx, SIGTERM
        show "kill -> %d", eax
        c3 waitpid, ebx, status, 0
        call decode
        ; --- execve this program with arguments and an environment ---
        c0 fork
        test eax, eax
        jnz .forked4
        mov eax, [edi]
        mov [child_argv], eax
        c3 execve, [edi], child_argv, child_env
        show2 "execve failed -> %d errno %d", eax, [errno]
        c1 exit, 1
.forked4:
        c1 wait, status
        call decode
        mov dword [errno], 0
        c3 execve, missing, child_argv, child_env
        show2 "execve(missing) -> %d errno %d", eax, [errno]

        ; --- ids, groups, sessions ---
        c0 getpid
        mov ebx, eax
        show "getpid -> %d", eax
        c0 getppid
        show "getppid -> %d", eax
        c0 getuid
        show "getuid -> %d", eax
        c0 geteuid
        show "geteuid -> %d", eax
        c0 getgid
        show "getgid -> %d", eax
        c0 getegid
        show "getegid -> %d", eax
        c0 getpgrp
        show "getpgrp -> %d", eax
        c2 setpgid, 0, 0
        show "setpgid(0, 0) -> %d", eax
        c0 getpgrp
        cmp eax, ebx
        jne .pgrp
        say "now its own group leader"
.pgrp:  c0 setsid
        show2 "setsid as a group leader -> %d errno %d", eax, [errno]
        c1 getsid, 0
        mov [tmp], eax
        c1 getpgid, 0
        show2 "getsid -> %d, getpgid -> %d", [tmp], eax
        c0 fork
        test eax, eax
        jnz .forked5
        c0 setsid                   ; the child is no group leader: it may
        mov ebx, eax
        c0 getpid
        xor eax, ebx                ; 0 when the new session is the child's
        c1 exit, eax
.forked5:
        c1 wait, status
        call decode

        ; --- signal handlers ---
        c2 signal, SIGUSR1, handler
        show "signal(SIGUSR1) -> %d (SIG_DFL)", eax
        c1 raise, SIGUSR1
        show2 "raise -> %d, handled %d", eax, [handled]
        c0 getpid
        c2 kill, eax, SIGUSR1
        show2 "kill(self) -> %d, handled %d", eax, [handled]
        c2 signal, SIGUSR1, SIG_IGN
        sub eax, handler
        show "signal(SIGUSR1, SIG_IGN) -> handler+%d", eax
        c1 raise, SIGUSR1
        show "ignored: handled %d", [handled]
        mov dword [errno], 0
        c2 signal, SIGKILL, handler
        show2 "signal(SIGKILL) -> %d errno %d", eax, [errno]
        c2 signal, 0, handler
        show2 "signal(0) -> %d errno %d", eax, [errno]
        ; sigaction without SA_SIGINFO: the plain restorer
        mov dword [action+SIGACTION_HANDLER], handler
        mov dword [action+SIGACTION_FLAGS], 0
        c1 sigemptyset, action+SIGACTION_MASK
        c3 sigaction, SIGUSR2, action, 0
        show "sigaction(SIGUSR2) -> %d", eax
        c1 raise, SIGUSR2
        show "after SIGUSR2: handled %d", [handled]
        c3 sigaction, SIGUSR2, 0, old_action
        mov eax, [old_action+SIGACTION_HANDLER]
        sub eax, handler
        mov ecx, [old_action+SIGACTION_FLAGS]
        and ecx, SA_RESTORER
        show2 "old action: handler+%d, SA_RESTORER %x", eax, ecx
        ; blocked signals wait, then arrive when unblocked
        c1 sigemptyset, set
        c2 sigaddset, set, SIGUSR2
        c3 sigprocmask, SIG_BLOCK, set, 0
        show "sigprocmask(SIG_BLOCK) -> %d", eax
        c1 raise, SIGUSR2
        show "blocked: handled %d", [handled]
        c1 sigpending, pending
        c2 sigismember, pending, SIGUSR2
        mov [tmp], eax
        c2 sigismember, pending, SIGUSR1
        show2 "pending: SIGUSR2 %d, SIGUSR1 %d", [tmp], eax
        c3 sigprocmask, SIG_UNBLOCK, set, 0
        show "unblocked: handled %d", [handled]
        ; the set helpers
        c1 sigfillset, set
        c2 sigdelset, set, SIGINT
        c2 sigismember, set, SIGINT
        mov [tmp], eax
        c2 sigismember, set, 64
        show2 "filled less SIGINT: SIGINT %d, 64 %d", [tmp], eax
        mov dword [errno], 0
        c2 sigaddset, set, 65
        show2 "sigaddset(65) -> %d errno %d", eax, [errno]
        c2 sigismember, set, 0
        show "sigismember(0) -> %d", eax

        ; --- time and the system's name ---
        mov dword [errno], 0
        c1 sleep, 2
        show2 "sleep(2) -> %d errno %d", eax, [errno]
        mov dword [errno], 0
        c1 uname, uts
        show2 "uname -> %d errno %d", eax, [errno]

        ; --- terminals: the test's descriptors are not ---
        c1 isatty, STDIN_FILENO
        show2 "isatty(0) -> %d errno %d", eax, [errno]
        mov dword [errno], 0
        c1 isatty, 42
        show2 "isatty(42) -> %d errno %d", eax, [errno]
        mov dword [errno], 0
        c1 tcgetpgrp, STDIN_FILENO
        show2 "tcgetpgrp(0) -> %d errno %d", eax, [errno]
        mov dword [errno], 0
        c2 tcsetpgrp, STDIN_FILENO, ebx
        show2 "tcsetpgrp(0) -> %d errno %d", eax, [errno]
        mov dword [errno], 0
        c2 tcgetattr, STDIN_FILENO, termios
        show2 "tcgetattr(0) -> %d errno %d", eax, [errno]
        mov dword [errno], 0
        c3 tcsetattr, STDIN_FILENO, 7, termios
        show2 "tcsetattr(bad action) -> %d errno %d", eax, [errno]
        mov dword [errno], 0
        c3 ioctl, STDIN_FILENO, TIOCGWINSZ, winsize
        show2 "ioctl(TIOCGWINSZ) -> %d errno %d", eax, [errno]

        ; --- the raw stubs give -errno and leave errno alone ---
        mov dword [errno], 0
        c1 sys_close, 99
        show2 "sys_close(99) -> %d errno %d", eax, [errno]
        c3 sys_write, STDOUT_FILENO, 0, 0
        show "sys_write of nothing -> %d", eax
        c1 sbrk, 0
        mov ebx, eax
        c1 sbrk, 4096
        cmp eax, ebx
        jne .sbrk
        c1 sbrk, 0
        sub eax, ebx
        show "sbrk grew the break by %d", eax
.sbrk:  say "exiting with 7 through main's return"
        mov eax, 7
        pop edi
        pop esi
        pop ebx
        ret
.wrong: show "waitpid returned %d", eax
        mov eax, 1
        pop edi
        pop esi
        pop ebx
        ret

; handler(sig): counts
handler:
        inc dword [handled]
        ret

; parse_int_quick(s, unused) -> atoi(s)
parse_int_quick:
        c1 atoi, [esp+4]
        ret

; decode: prints how the child in [status] ended
decode:
        mov eax, [status]
        mov ecx, eax
        and ecx, 0x7F
        jnz .signalled
        shr eax, 8
        and eax, 0xFF
        show "child exited with %d", eax
        ret
.signalled:
        show "child killed by signal %d", ecx
        ret

section .rodata
greeting:       db "GREETING", 0
missing:        db "/no/such/program", 0
child_arg:      db "child", 0
child_code:     db "5", 0
hello_var:      db "GREETING=hi", 0
child_env:      dd hello_var, 0

section .data
child_argv:     dd 0, child_arg, child_code, 0

section .bss
tmp:            resd 1
status:         resd 1
handled:        resd 1
action:         resb SIGACTION_SIZE
old_action:     resb SIGACTION_SIZE
set:            resb SIGSET_SIZE
pending:        resb SIGSET_SIZE
uts:            resb UTSNAME_SIZE
termios:        resb TERMIOS_SIZE
winsize:        resb WINSIZE_SIZE
