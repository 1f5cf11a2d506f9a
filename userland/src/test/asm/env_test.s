; env.inc: environ from _start, getenv, setenv (new, replaced, kept), unsetenv, clearenv, and
; main's envp.
%include "lib.inc"
%include "check.inc"

main:
        push ebx
        mov eax, [esp+16]           ; envp
        cmp eax, [environ]
        jne .differ
        say "environ is main's envp"
.differ:
        call dump
        c1 getenv, home
        show "HOME=%s", eax
        c1 getenv, hom
        show "getenv(HOM) = %d", eax
        c1 getenv, homer
        show "getenv(HOMER) = %d", eax
        c1 getenv, empty_name
        show "EMPTY=[%s]", eax
        c3 setenv, home, root, 0
        show "setenv(HOME, /root, 0) -> %d", eax
        c1 getenv, home
        show "HOME=%s", eax
        c3 setenv, home, root, 1
        show "setenv(HOME, /root, 1) -> %d", eax
        c1 getenv, home
        show "HOME=%s", eax
        ; many new variables: the array has to grow more than once
        xor ebx, ebx
.add:   push ebx
        push var_format
        push 16
        push name
        call snprintf
        add esp, 16
        c3 setenv, name, name, 1
        test eax, eax
        jnz .failed
        inc ebx
        cmp ebx, 40
        jb .add
        c1 getenv, v0
        show "V0=%s", eax
        c1 getenv, v39
        show "V39=%s", eax
        c1 getenv, home
        show "HOME=%s", eax
        ; unsetenv every V
        xor ebx, ebx
.remove:
        push ebx
        push var_format
        push 16
        push name
        call snprintf
        add esp, 16
        c1 unsetenv, name
        inc ebx
        cmp ebx, 40
        jb .remove
        c1 unsetenv, path
        show "unsetenv(PATH) -> %d", eax
        c1 unsetenv, path
        show "unsetenv(PATH) again -> %d", eax
        call dump
        ; bad names
        mov dword [errno], 0
        c3 setenv, bad_name, root, 1
        show2 "setenv(A=B) -> %d errno %d", eax, [errno]
        mov dword [errno], 0
        c3 setenv, empty, root, 1
        show2 "setenv('') -> %d errno %d", eax, [errno]
        mov dword [errno], 0
        c1 unsetenv, 0
        show2 "unsetenv(NULL) -> %d errno %d", eax, [errno]
        c3 setenv, empty_name, empty, 1
        c1 getenv, empty_name
        show "EMPTY=[%s]", eax
        c0 clearenv
        show "clearenv -> %d", eax
        call dump
        c1 getenv, home
        show "getenv(HOME) = %d", eax
        c3 setenv, home, root, 0
        call dump
        xor eax, eax
        pop ebx
        ret
.failed:
        show "setenv failed at %d", ebx
        mov eax, 1
        pop ebx
        ret

; dump: every entry of environ, one per line, in brackets
dump:
        push ebx
        mov ebx, [environ]
        say "environ:"
.loop:  mov eax, [ebx]
        test eax, eax
        jz .done
        show "  [%s]", eax
        add ebx, 4
        jmp .loop
.done:  pop ebx
        ret

section .rodata
home:       db "HOME", 0
hom:        db "HOM", 0
homer:      db "HOMER", 0
path:       db "PATH", 0
root:       db "/root", 0
empty:      db 0
empty_name: db "EMPTY", 0
bad_name:   db "A=B", 0
var_format: db "V%d", 0
v0:         db "V0", 0
v39:        db "V39", 0

section .bss
name:       resb 16
