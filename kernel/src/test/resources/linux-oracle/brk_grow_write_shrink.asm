; brk_grow_write_shrink: brk(0) reports the break; it grows, the memory is usable and zero, shrinks, and bad requests change nothing.
%include "oracle.inc"
section .bss
stuff:  resb 100
end_of_bss:
base:   resd 1          ; brk(0)
page:   resd 1          ; first page boundary at or above base
pid:    resd 1
status: resd 1
section .text
global _start
_start:
        SYSCALL1 SYS_brk, 0
        mov [base], eax
        cmp eax, end_of_bss
        YES_IF jae, "brk(0) >= end of .bss: "
        add eax, 4095
        and eax, ~4095
        mov [page], eax
        mov ebx, [page]
        add ebx, 8192
        SYSCALL1 SYS_brk, ebx
        mov ebx, [page]
        add ebx, 8192
        cmp eax, ebx
        YES_IF je, "brk(page + 8192) returned the new break: "
        SYSCALL1 SYS_brk, 0
        mov ebx, [page]
        add ebx, 8192
        cmp eax, ebx
        YES_IF je, "brk(0) agrees: "
        mov edi, [page]                 ; new memory reads as zero, takes writes
        mov eax, [edi]
        or eax, [edi+8188]
        cmp eax, 0
        YES_IF je, "new memory is zero: "
        mov dword [edi], 0x11223344
        mov dword [edi+8188], 0x55667788
        SHOWX "read back low: ", [edi]
        SHOWX "read back high: ", [edi+8188]
        SYSCALL1 SYS_brk, [base]         ; shrink to the start
        cmp eax, [base]
        YES_IF je, "brk(base) shrank back: "
        mov ebx, [page]
        add ebx, 4096
        SYSCALL1 SYS_brk, ebx           ; and grow again: the page is fresh
        mov edi, [page]
        SHOWX "regrown memory: ", [edi]
        SYSCALL1 SYS_brk, 1             ; below the data: refused, break unchanged
        mov ebx, [page]
        add ebx, 4096
        cmp eax, ebx
        YES_IF je, "brk(1) returned the unchanged break: "
        mov eax, SYS_fork               ; beyond the break is unmapped again
        int 0x80
        test eax, eax
        jnz .parent
        mov edi, [page]
        mov eax, [edi+4096]
        EXIT 0
.parent:
        mov [pid], eax
        SYSCALL3 SYS_waitpid, [pid], status, 0
        mov eax, [status]
        and eax, 0x7f
        SHOW "child reading past the break died of signal ", eax
        EXIT 0
