; pipe_one_mib_between_parent_and_child: one blocking write of 1 MiB into a pipe completes while a child reads it in 3000-byte pieces; the child's count and checksum match the parent's.
%include "oracle.inc"
SIZE    equ 1048576
section .bss
fds:    resd 2
pid:    resd 1
status: resd 1
expect: resd 1
total:  resd 1
hash:   resd 1
reads:  resd 1
data:   resb SIZE
piece:  resb 3000
section .text
global _start
_start:
        mov ecx, 0                      ; data[i] = i * 7 + (i >> 8)
.fill:  mov eax, ecx
        imul eax, eax, 7
        mov edx, ecx
        shr edx, 8
        add eax, edx
        mov [data+ecx], al
        inc ecx
        cmp ecx, SIZE
        jb .fill
        mov esi, data
        mov ecx, SIZE
        call checksum
        mov [expect], eax
        SHOWX "parent: checksum of the 1 MiB = ", [expect]
        SYSCALL1 SYS_pipe, fds
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent

        SYSCALL1 SYS_close, [fds+4]
        mov dword [hash], 2166136261
.read:  SYSCALL3 SYS_read, [fds], piece, 3000
        cmp eax, 0
        jl .error
        je .eof
        add [total], eax
        inc dword [reads]
        mov ecx, eax
        mov esi, piece
        mov eax, [hash]
        call checksum_more
        mov [hash], eax
        jmp .read
.eof:   SHOW "child: bytes read until EOF = ", [total]
        SHOWX "child: checksum = ", [hash]
        mov eax, [reads]
        cmp eax, SIZE / 3000
        YES_IF ja, "child: it took more than one read: "
        mov eax, [hash]
        cmp eax, [expect]
        jne .differ
        EXIT 0
.differ: EXIT 2
.error: SHOW "child: read failed: ", eax
        EXIT 1

.parent:
        mov [pid], eax
        SYSCALL1 SYS_close, [fds]
        SYSCALL3 SYS_write, [fds+4], data, SIZE
        SHOW "parent: write(w, 1 MiB) = ", eax
        SYSCALL1 SYS_close, [fds+4]
        SYSCALL3 SYS_waitpid, [pid], status, 0
        SHOWX "parent: child status = ", [status]
        EXIT 0

; checksum: eax = 32-bit FNV-1a of the ecx bytes at esi: h = (h ^ byte) * 16777619 from 2166136261.
checksum:
        mov eax, 2166136261
; checksum_more: the same, continuing from h in eax.
checksum_more:
        push ebx
        push ecx
        push esi
.next:  test ecx, ecx
        jz .done
        movzx ebx, byte [esi]
        xor eax, ebx
        imul eax, eax, 16777619
        inc esi
        dec ecx
        jmp .next
.done:  pop esi
        pop ecx
        pop ebx
        ret
