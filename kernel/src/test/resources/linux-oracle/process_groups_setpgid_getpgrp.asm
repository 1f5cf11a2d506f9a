; process_groups_setpgid_getpgrp: a child inherits the group, makes its own, moves back; the parent groups a child and kills the group.
%include "oracle.inc"
NOPID   equ 0x3fffffff
section .bss
ppid_:  resd 1          ; the parent's pid
pgrp:   resd 1          ; the parent's process group
me:     resd 1
pid:    resd 1
status: resd 1
section .text
global _start
_start:
        mov eax, SYS_getpid
        int 0x80
        mov [ppid_], eax
        mov eax, SYS_getpgrp
        int 0x80
        mov [pgrp], eax
        SYSCALL1 SYS_getpgid, 0
        cmp eax, [pgrp]
        YES_IF je, "parent: getpgid(0) == getpgrp(): "
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent
        mov eax, SYS_getpid
        int 0x80
        mov [me], eax
        mov eax, SYS_getpgrp
        int 0x80
        cmp eax, [pgrp]
        YES_IF je, "child: inherited the parent's group: "
        SYSCALL2 SYS_setpgid, 0, 0
        SHOW "child: setpgid(0, 0) = ", eax
        mov eax, SYS_getpgrp
        int 0x80
        cmp eax, [me]
        YES_IF je, "child: getpgrp() == getpid(): "
        SYSCALL1 SYS_getpgid, [ppid_]
        cmp eax, [pgrp]
        YES_IF je, "child: getpgid(parent) == parent's group: "
        SYSCALL2 SYS_setpgid, 0, [pgrp]
        SHOW "child: setpgid(0, parent's group) = ", eax
        mov eax, SYS_getpgrp
        int 0x80
        cmp eax, [pgrp]
        YES_IF je, "child: back in the parent's group: "
        SYSCALL2 SYS_setpgid, 0, NOPID
        SHOW "child: setpgid(0, no such group) = ", eax
        SYSCALL2 SYS_setpgid, -1, 0
        SHOW "child: setpgid(-1, 0) = ", eax
        SYSCALL2 SYS_setpgid, 0, -1
        SHOW "child: setpgid(0, -1) = ", eax
        SYSCALL1 SYS_getpgid, NOPID
        SHOW "child: getpgid(no such pid) = ", eax
        EXIT 0
.parent:
        mov [pid], eax
        SYSCALL3 SYS_waitpid, [pid], status, 0
        SYSCALL2 SYS_setpgid, [pid], [pid]
        SHOW "parent: setpgid(reaped child, itself) = ", eax
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent2
.loop:  mov eax, SYS_pause
        int 0x80
        jmp .loop
.parent2:
        mov [pid], eax
        SYSCALL2 SYS_setpgid, [pid], [pid]
        SHOW "parent: setpgid(child, child) = ", eax
        SYSCALL1 SYS_getpgid, [pid]
        cmp eax, [pid]
        YES_IF je, "parent: getpgid(child) == child: "
        mov ebx, [pid]
        neg ebx
        SYSCALL2 SYS_kill, ebx, SIGKILL
        SHOW "parent: kill(-child, SIGKILL) = ", eax
        SYSCALL3 SYS_waitpid, [pid], status, 0
        SHOWX "parent: child status=", [status]
        EXIT 0
