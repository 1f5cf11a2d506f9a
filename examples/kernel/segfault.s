; segfault.s — reads address 0. Page 0 is never mapped, so the CPU raises a page fault, the
; kernel finds no region there and sends SIGSEGV, whose default action kills the process:
; `ringos run` exits with 139 (128 + 11), as a shell would report it.
;
;   ./ringos run --trace=trap examples/kernel/segfault.s

section .text
global _start
_start:
        mov eax, [0]
        mov eax, 1
        int 0x80
