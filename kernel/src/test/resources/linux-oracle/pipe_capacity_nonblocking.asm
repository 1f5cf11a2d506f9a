; pipe_capacity_nonblocking: an O_NONBLOCK pipe takes 65536 bytes (one 70000-byte write is cut to 65536, or sixteen 4096-byte writes) and then -11; the bytes come back in order.
%include "oracle.inc"
section .bss
fds:    resd 2
total:  resd 1
writes: resd 1
sum:    resd 1
data:   resb 70000
back:   resb 70000
section .text
global _start
_start:
        mov ecx, 0                      ; data[i] = i * 7 + (i >> 8), a pattern without a short period
.fill:  mov eax, ecx
        imul eax, eax, 7
        mov edx, ecx
        shr edx, 8
        add eax, edx
        mov [data+ecx], al
        inc ecx
        cmp ecx, 70000
        jb .fill

        SYSCALL2 SYS_pipe2, fds, O_NONBLOCK
        SHOW "pipe2(fds, O_NONBLOCK) = ", eax
        SYSCALL3 SYS_write, [fds+4], data, 70000
        SHOW "write(w, 70000 bytes) = ", eax
        SYSCALL3 SYS_write, [fds+4], data, 1
        SHOW "write(w, 1 byte) on the full pipe = ", eax
        SYSCALL3 SYS_read, [fds], back, 70000
        SHOW "read(r, 70000) = ", eax
        mov ecx, 0
.cmp1:  mov al, [data+ecx]
        cmp al, [back+ecx]
        jne .differ1
        inc ecx
        cmp ecx, 65536
        jb .cmp1
.differ1:
        cmp ecx, 65536
        YES_IF je, "  the same bytes in order: "
        SYSCALL3 SYS_read, [fds], back, 70000
        SHOW "read(r) on the empty pipe = ", eax

        mov dword [total], 0
        mov dword [writes], 0
.chunk: mov ecx, data
        add ecx, [total]
        SYSCALL3 SYS_write, [fds+4], ecx, 4096
        cmp eax, 0
        jl .full
        add [total], eax
        inc dword [writes]
        cmp dword [writes], 100
        jb .chunk
.full:  SHOW "4096-byte writes until one fails: the failure = ", eax
        SHOW "  successful writes: ", [writes]
        SHOW "  bytes in the pipe: ", [total]
        SYSCALL3 SYS_read, [fds], back, 70000
        SHOW "read(r, 70000) = ", eax
        mov ecx, 0
.cmp2:  mov al, [data+ecx]
        cmp al, [back+ecx]
        jne .differ2
        inc ecx
        cmp ecx, 65536
        jb .cmp2
.differ2:
        cmp ecx, 65536
        YES_IF je, "  the same bytes in order: "
        EXIT 0
