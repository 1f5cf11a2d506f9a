; sessions_setsid_getsid: setsid in a fresh child makes a session and group; a group leader's setsid fails with -1 (EPERM).
%include "oracle.inc"
NOPID   equ 0x3fffffff
section .bss
ppid_:  resd 1
psid:   resd 1
pgrp:   resd 1
me:     resd 1
pid:    resd 1
status: resd 1
section .text
global _start
_start:
        mov eax, SYS_getpid
        int 0x80
        mov [ppid_], eax
        SYSCALL1 SYS_getsid, 0
        mov [psid], eax
        mov eax, SYS_getpgrp
        int 0x80
        mov [pgrp], eax
        SYSCALL1 SYS_getsid, [ppid_]
        cmp eax, [psid]
        YES_IF je, "parent: getsid(getpid()) == getsid(0): "
        ; child 1: a new session
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent
        mov eax, SYS_getpid
        int 0x80
        mov [me], eax
        SYSCALL1 SYS_getsid, 0
        cmp eax, [psid]
        YES_IF je, "child: starts in the parent's session: "
        mov eax, SYS_setsid
        int 0x80
        cmp eax, [me]
        YES_IF je, "child: setsid() returned its pid: "
        SYSCALL1 SYS_getsid, 0
        cmp eax, [me]
        YES_IF je, "child: getsid(0) == getpid(): "
        mov eax, SYS_getpgrp
        int 0x80
        cmp eax, [me]
        YES_IF je, "child: getpgrp() == getpid(): "
        SYSCALL1 SYS_getsid, [ppid_]
        cmp eax, [psid]
        YES_IF je, "child: getsid(parent) == parent's session: "
        mov eax, SYS_setsid
        int 0x80
        SHOW "child: setsid() again = ", eax
        SYSCALL2 SYS_setpgid, 0, [pgrp]
        SHOW "child: setpgid(0, group in another session) = ", eax
        SYSCALL1 SYS_getsid, NOPID
        SHOW "child: getsid(no such pid) = ", eax
        EXIT 0
.parent:
        mov [pid], eax
        SYSCALL3 SYS_waitpid, [pid], status, 0
        SHOWX "parent: child 1 status=", [status]
        ; child 2: becomes a group leader first, then setsid fails
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent2
        SYSCALL2 SYS_setpgid, 0, 0
        SHOW "child 2: setpgid(0, 0) = ", eax
        mov eax, SYS_setsid
        int 0x80
        SHOW "child 2: setsid() as group leader = ", eax
        SYSCALL1 SYS_getsid, 0
        cmp eax, [psid]
        YES_IF je, "child 2: still in the parent's session: "
        EXIT 0
.parent2:
        mov [pid], eax
        SYSCALL3 SYS_waitpid, [pid], status, 0
        SHOWX "parent: child 2 status=", [status]
        EXIT 0
