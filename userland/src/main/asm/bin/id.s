; id [-u|-g] [-n]: prints the real and effective user and group ids of the process, with names
; from /etc/passwd and /etc/group where they have one (root for 0 without them).
%include "lib.inc"
%include "util.inc"

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
        xor ebx, ebx                ; 'u', 'g' or 0
        xor edi, edi                ; -n
.opt:   push optstring
        push dword [ebp+12]
        push dword [ebp+8]
        call getopt
        add esp, 12
        cmp eax, -1
        je .opts
        cmp eax, 'n'
        je .names
        cmp eax, 'u'
        je .which
        cmp eax, 'g'
        je .which
        mov eax, 2
        jmp .out
.names: mov edi, 1
        jmp .opt
.which: mov ebx, eax
        jmp .opt
.opts:  test ebx, ebx
        jnz .one
        test edi, edi
        jz .all
        push dword [util_prog]
        push nodefault
        push STDERR_FILENO
        call fprintf
        add esp, 12
        mov eax, 1
        jmp .out
.one:   cmp ebx, 'u'
        jne .gid
        call geteuid
        mov esi, passwd
        jmp .print1
.gid:   call getegid
        mov esi, group
.print1:
        test edi, edi
        jz .number
        push eax
        push esi
        push eax
        call name_of
        add esp, 8
        pop ecx
        test eax, eax
        jz .number1
        push eax
        call puts
        add esp, 4
        xor eax, eax
        jmp .out
.number1:
        mov eax, ecx
.number:
        push eax
        push decimal
        call printf
        add esp, 8
        xor eax, eax
        jmp .out
.all:   call getuid
        push uidtext
        push passwd
        push eax
        call show
        add esp, 12
        call getgid
        push gidtext
        push group
        push eax
        call show
        add esp, 12
        call geteuid
        mov ebx, eax
        call getuid
        cmp eax, ebx
        je .egid
        push euidtext
        push passwd
        push ebx
        call show
        add esp, 12
.egid:  call getegid
        mov ebx, eax
        call getgid
        cmp eax, ebx
        je .groups
        push egidtext
        push group
        push ebx
        call show
        add esp, 12
.groups:
        call getgid
        push groupstext
        push group
        push eax
        call show
        add esp, 12
        push 10
        call putchar
        add esp, 4
        xor eax, eax
.out:   pop edi
        pop esi
        pop ebx
        pop ebp
        ret

; show(id, file, label): prints label, the id and "(name)" when it has one
show:
        push dword [esp+12]
        push STDOUT_FILENO
        call fputs
        add esp, 8
        push dword [esp+4]
        push decimal0
        call printf
        add esp, 8
        push dword [esp+8]
        push dword [esp+8]
        call name_of
        add esp, 8
        test eax, eax
        jz .done
        push eax
        push paren
        call printf
        add esp, 8
.done:  ret

; name_of(id, file) -> the name of id in a passwd-style file (name:x:id:...), or 0; "root" for
; 0 when the file does not say
name_of:
        push ebx
        push esi
        push edi
        push 0
        push O_RDONLY
        push dword [esp+28]
        call open
        add esp, 12
        test eax, eax
        js .default
        mov ebx, eax
.line:  push LINE
        push line
        push ebx
        call read_line
        add esp, 12
        test eax, eax
        jle .closed
        push line
        call chomp
        add esp, 4
        push ':'
        push line
        call strchr                 ; after the name
        add esp, 8
        test eax, eax
        jz .line
        mov byte [eax], 0
        lea esi, [eax+1]
        push ':'
        push esi
        call strchr                 ; after the password
        add esp, 8
        test eax, eax
        jz .line
        lea esi, [eax+1]
        push 10
        push 0
        push esi
        call strtol
        add esp, 12
        cmp eax, [esp+16]
        jne .line
        push ebx
        call close
        add esp, 4
        mov eax, line
        jmp .out
.closed:
        push ebx
        call close
        add esp, 4
.default:
        xor eax, eax
        cmp dword [esp+16], 0
        jne .out
        mov eax, root
.out:   pop edi
        pop esi
        pop ebx
        ret

LINE equ 256

section .rodata
optstring:  db "ugn", 0
passwd:     db "/etc/passwd", 0
group:      db "/etc/group", 0
root:       db "root", 0
uidtext:    db "uid=", 0
gidtext:    db " gid=", 0
euidtext:   db " euid=", 0
egidtext:   db " egid=", 0
groupstext: db " groups=", 0
decimal:    db "%d", 10, 0
decimal0:   db "%d", 0
paren:      db "(%s)", 0
nodefault:  db "%s: cannot print only names or real IDs in default format", 10, 0
usage:      db "Usage: id [-u|-g] [-n]", 10
            db "Print the user and group ids of the current process.", 10, 10
            db "  -u     print only the effective user ID", 10
            db "  -g     print only the effective group ID", 10
            db "  -n     print a name instead of a number, for -u or -g", 10, 0

section .bss
line:       resb LINE
