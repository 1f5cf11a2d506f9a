; orphan_reparented_away_from_exited_parent: when its parent exits, a grandchild's getppid() changes to someone else.
%include "oracle.inc"
section .data
act:    dd on_usr1, 0, 0, 0
section .bss
top:    resd 1          ; the original process
mid:    resd 1          ; its child, the grandchild's parent
got:    resd 1
status: resd 1
section .text
global _start
on_usr1:
        mov dword [got], 1
        ret
_start:
        SYSCALL3 SYS_sigaction, SIGUSR1, act, 0
        mov eax, SYS_getpid
        int 0x80
        mov [top], eax
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .top
        mov eax, SYS_getpid             ; middle process
        int 0x80
        mov [mid], eax
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .mid_exit
        mov eax, SYS_getppid            ; grandchild
        int 0x80
        cmp eax, [mid]
        YES_IF je, "grandchild: getppid() == its parent at first: "
        SYSCALL2 SYS_kill, [mid], SIGUSR1     ; now the middle process may exit
.wait:  mov eax, SYS_getppid            ; until the middle process is gone
        int 0x80
        cmp eax, [mid]
        jne .moved
        mov eax, SYS_sched_yield
        int 0x80
        jmp .wait
.moved: cmp eax, [mid]
        YES_IF jne, "grandchild: getppid() changed after its parent exited: "
        cmp eax, 0
        YES_IF jg, "grandchild: new parent > 0: "
        SYSCALL2 SYS_kill, [top], SIGUSR1     ; tell the top process we are done
        EXIT 0
.mid_exit:
        cmp dword [got], 0              ; until the grandchild has looked
        jne .mid_go
        mov eax, SYS_sched_yield
        int 0x80
        jmp .mid_exit
.mid_go:
        EXIT 5
.top:   mov ebx, eax
        mov eax, SYS_waitpid
        mov ecx, status
        mov edx, 0
        int 0x80                        ; print nothing until the grandchild has reported
.spin:  cmp dword [got], 0
        jne .done
        mov eax, SYS_sched_yield
        int 0x80
        jmp .spin
.done:  PRINTLN "top: grandchild reported"
        SHOWX "top: middle process status=", [status]
        EXIT 0
