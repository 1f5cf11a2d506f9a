; faults_seen_by_parent_through_waitpid: children that fault in various ways die of the matching signal, as the parent's waitpid shows.
%include "oracle.inc"
section .data
faults: dd f_null_read, f_null_write, f_kernel_read, f_kernel_write, f_text_write, f_data_jump
        dd f_hlt, f_int0d, f_cli, f_out, f_div0, f_idiv_overflow, f_ud2, f_int3, f_stack
nfaults equ ($ - faults) / 4
names:  dd n0, n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, n11, n12, n13, n14
n0:  db "read address 0", 0
n1:  db "write address 0", 0
n2:  db "read 0xc0000000", 0
n3:  db "write 0xc0000000", 0
n4:  db "write .text", 0
n5:  db "jump into .data", 0
n6:  db "hlt", 0
n7:  db "int 0x0d", 0
n8:  db "cli", 0
n9:  db "out 0x80, al", 0
n10: db "div by 0", 0
n11: db "idiv 0x80000000 by -1", 0
n12: db "ud2", 0
n13: db "int3", 0
n14: db "unbounded recursion", 0
data_code: ret
section .bss
status: resd 1
section .text
global _start
_start:
        mov edi, 0
.next:  cmp edi, nfaults
        je .done
        mov eax, SYS_fork
        int 0x80
        test eax, eax
        jnz .parent
        jmp [faults+edi*4]
.parent:
        mov ebx, eax
        mov eax, SYS_waitpid
        mov ecx, status
        mov edx, 0
        int 0x80
        mov esi, [names+edi*4]
        call print_str
        mov eax, [status]
        and eax, 0x7f                   ; the signal; 0x80 (core dumped) depends on the host
        SHOW ": killed by signal ", eax
        inc edi
        jmp .next
.done:  EXIT 0

f_null_read:    mov eax, [0]
                jmp survived
f_null_write:   mov dword [0], 1
                jmp survived
f_kernel_read:  mov eax, [KERNEL_ADDR]
                jmp survived
f_kernel_write: mov dword [KERNEL_ADDR], 1
                jmp survived
f_text_write:   mov byte [_start], 0x90
                jmp survived
f_data_jump:    call data_code
                jmp survived
f_hlt:          hlt
                jmp survived
f_int0d:        int 0x0d
                jmp survived
f_cli:          cli
                jmp survived
f_out:          out 0x80, al
                jmp survived
f_div0:         mov eax, 1
                mov edx, 0
                mov ecx, 0
                div ecx
                jmp survived
f_idiv_overflow:
                mov eax, 0x80000000
                mov edx, -1
                mov ecx, -1
                idiv ecx
                jmp survived
f_ud2:          ud2
                jmp survived
f_int3:         int3
                jmp survived
f_stack:        push eax
                call f_stack
survived:       EXIT 100
