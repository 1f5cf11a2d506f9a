; uname [-asnrvm]: prints facts about the system, from the uname call; -s when none is asked.
%include "lib.inc"
%include "util.inc"

F_S equ 1
F_N equ 2
F_R equ 4
F_V equ 8
F_M equ 16

main:
        push ebp
        mov ebp, esp
        push ebx
        push esi
        push edi
        push usage
        push dword [ebp+12]
        push dword [ebp+8]
        call util_help
        add esp, 12
        xor ebx, ebx                ; the fields asked for
.opt:   push optstring
        push dword [ebp+12]
        push dword [ebp+8]
        call getopt
        add esp, 12
        cmp eax, -1
        je .opts
        mov ecx, F_S | F_N | F_R | F_V | F_M
        cmp eax, 'a'
        je .add
        mov ecx, F_S
        cmp eax, 's'
        je .add
        mov ecx, F_N
        cmp eax, 'n'
        je .add
        mov ecx, F_R
        cmp eax, 'r'
        je .add
        mov ecx, F_V
        cmp eax, 'v'
        je .add
        mov ecx, F_M
        cmp eax, 'm'
        je .add
        mov eax, 2
        jmp .out
.add:   or ebx, ecx
        jmp .opt
.opts:  mov eax, [optind]
        cmp eax, [ebp+8]
        jge .ask
        mov ecx, [ebp+12]
        push dword [ecx+eax*4]
        push dword [util_prog]
        push extra
        push STDERR_FILENO
        call fprintf
        add esp, 16
        mov eax, 2
        jmp .out
.ask:   test ebx, ebx
        jnz .call
        mov ebx, F_S
.call:  push uts
        call uname
        add esp, 4
        test eax, eax
        jz .print
        push dword [util_prog]
        call perror
        add esp, 4
        mov eax, 1
        jmp .out
.print: xor edi, edi                ; 1 once a field is out
        mov esi, fields
.field: mov eax, [esi]
        test eax, eax
        jz .end
        test ebx, eax
        jz .skip
        test edi, edi
        jz .first
        push ' '
        call putchar
        add esp, 4
.first: mov edi, 1
        mov eax, [esi+4]
        add eax, uts
        push eax
        push STDOUT_FILENO
        call fputs
        add esp, 8
.skip:  add esi, 8
        jmp .field
.end:   push 10
        call putchar
        add esp, 4
        xor eax, eax
.out:   pop edi
        pop esi
        pop ebx
        pop ebp
        ret

section .rodata
fields:     dd F_S, UTS_SYSNAME, F_N, UTS_NODENAME, F_R, UTS_RELEASE, F_V, UTS_VERSION, F_M, UTS_MACHINE, 0, 0
optstring:  db "asnrvm", 0
extra:      db "%s: extra operand '%s'", 10, 0
usage:      db "Usage: uname [OPTION]...", 10
            db "Print certain system information.  With no OPTION, same as -s.", 10, 10
            db "  -a     print all information, in the following order:", 10
            db "  -s     print the kernel name", 10
            db "  -n     print the network node hostname", 10
            db "  -r     print the kernel release", 10
            db "  -v     print the kernel version", 10
            db "  -m     print the machine hardware name", 10, 0

section .bss
uts:        resb UTSNAME_SIZE
