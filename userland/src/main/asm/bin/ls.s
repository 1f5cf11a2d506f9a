; ls [-la1] [FILE]...: lists the FILEs and the contents of the directories among them (the
; working directory when there is none), sorted by name, one per line. -a shows the entries
; whose names start with "."; -l shows the mode, links, owner, group, size, modification time
; (Mon DD HH:MM, UTC) and, for a symbolic link, its target.
%include "lib.inc"
%include "util.inc"

R_NAME  equ 0                       ; an entry: its name
R_PATH  equ 4                       ; its path from the working directory
R_STAT  equ 8                       ; its struct stat64
R_SIZE  equ 8 + STAT_SIZE

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
.opt:   push optstring
        push dword [ebp+12]
        push dword [ebp+8]
        call getopt
        add esp, 12
        cmp eax, -1
        je .opts
        cmp eax, 'l'
        je .long
        cmp eax, 'a'
        je .all
        cmp eax, '1'
        je .opt
        mov eax, 2
        jmp .out
.long:  mov byte [long], 1
        jmp .opt
.all:   mov byte [all], 1
        jmp .opt
.opts:  mov esi, [ebp+12]
        mov ebx, [optind]
        mov eax, [ebp+8]
        sub eax, ebx
        mov [operands], eax
        test eax, eax
        jnz .files
        push dot
        call list_dir
        add esp, 4
        jmp .done
        ; the operands that are not directories, listed together first
.files: cmp ebx, [ebp+8]
        jge .listed
        mov edi, [esi+ebx*4]
        push 0
        push edi
        push edi
        call add_entry              ; lstat for -l, else stat
        add esp, 12
        test eax, eax
        jz .nextf
        mov eax, [eax+R_STAT+ST_MODE]
        and eax, S_IFMT
        cmp eax, S_IFDIR
        jne .nextf
        dec dword [count]           ; a directory: listed later, with its contents
        mov eax, [count]
        mov ecx, [list]
        push dword [ecx+eax*4]
        call free_entry
        add esp, 4
.nextf: inc ebx
        jmp .files
.listed:
        cmp dword [count], 0
        je .dirs
        call sort_list
        push 0
        call print_list
        add esp, 4
        call free_list
        mov byte [printed], 1
        ; then each directory
.dirs:  mov ebx, [optind]
.dir:   cmp ebx, [ebp+8]
        jge .done
        mov edi, [esi+ebx*4]
        mov eax, stat
        cmp byte [long], 0
        je .st
        mov eax, lstat
.st:    push st
        push edi
        call eax
        add esp, 8
        test eax, eax
        jnz .nextd
        mov eax, [st+ST_MODE]
        and eax, S_IFMT
        cmp eax, S_IFDIR
        jne .nextd
        cmp dword [operands], 1
        je .one
        cmp byte [printed], 0
        je .head
        push 10
        call putchar
        add esp, 4
.head:  push edi
        push heading
        call printf
        add esp, 8
.one:   push edi
        call list_dir
        add esp, 4
        mov byte [printed], 1
.nextd: inc ebx
        jmp .dir
.done:  movzx eax, byte [status]
.out:   pop edi
        pop esi
        pop ebx
        pop ebp
        ret

; list_dir(path): lists the directory's entries
list_dir:
        push ebx
        push esi
        push dword [esp+12]
        call opendir
        add esp, 4
        test eax, eax
        jnz .open
        push dword [esp+12]
        push cannotopen
        push dword [util_prog]
        call util_error
        add esp, 12
        mov byte [status], 2
        jmp .out
.open:  mov ebx, eax
.next:  push ebx
        call readdir
        add esp, 4
        test eax, eax
        jz .end
        lea esi, [eax+D_NAME]
        cmp byte [esi], '.'
        jne .add
        cmp byte [all], 0
        je .next
.add:   push dword [esp+12]
        push esi
        push 0
        call add_entry
        add esp, 12
        jmp .next
.end:   push ebx
        call closedir
        add esp, 4
        call sort_list
        push 1
        call print_list
        add esp, 4
        call free_list
.out:   pop esi
        pop ebx
        ret

; add_entry(path, name, dir) -> the new entry, or 0 after a message: path is used as it is when
; dir is 0, else made of dir/name. Symbolic links are described themselves with -l or in a
; directory listing; operands without -l are followed.
add_entry:
        push ebx
        push esi
        push edi
        push R_SIZE
        call malloc
        add esp, 4
        test eax, eax
        jz .fail0
        mov ebx, eax
        push dword [esp+20]
        call strdup
        add esp, 4
        mov [ebx+R_NAME], eax
        mov esi, [esp+24]           ; dir
        test esi, esi
        jnz .join
        push dword [esp+16]
        call strdup
        add esp, 4
        mov [ebx+R_PATH], eax
        jmp .stat
.join:  push esi
        call strlen
        mov [esp], eax
        push dword [esp+24]
        call strlen
        add esp, 4
        pop ecx
        lea eax, [eax+ecx+2]
        push eax
        push eax
        call malloc
        add esp, 4
        pop ecx
        mov [ebx+R_PATH], eax
        push dword [esp+20]
        push esi
        push pathfmt
        push ecx
        push eax
        call snprintf
        add esp, 20
.stat:  lea eax, [ebx+R_STAT]
        push eax
        push dword [ebx+R_PATH]
        mov eax, lstat
        cmp byte [long], 0
        jne .call
        cmp dword [esp+32], 0       ; dir (two pushes deeper)
        jne .call
        mov eax, stat
.call:  call eax
        add esp, 8
        test eax, eax
        jz .keep
        push dword [ebx+R_PATH]
        push cannotaccess
        push dword [util_prog]
        call util_error
        add esp, 12
        mov byte [status], 2
        push ebx
        call free_entry
        add esp, 4
        xor eax, eax
        jmp .out
.keep:  mov eax, [count]
        cmp eax, [room]
        jb .store
        mov eax, [room]
        add eax, eax
        add eax, 16
        mov [room], eax
        shl eax, 2
        push eax
        push dword [list]
        call realloc
        add esp, 8
        mov [list], eax
.store: mov eax, [count]
        mov ecx, [list]
        mov [ecx+eax*4], ebx
        inc dword [count]
        mov eax, ebx
        jmp .out
.fail0: xor eax, eax
.out:   pop edi
        pop esi
        pop ebx
        ret

; free_entry(entry)
free_entry:
        push ebx
        mov ebx, [esp+8]
        push dword [ebx+R_NAME]
        call free
        add esp, 4
        push dword [ebx+R_PATH]
        call free
        add esp, 4
        push ebx
        call free
        add esp, 4
        pop ebx
        ret

; free_list(): frees the entries and empties the list
free_list:
        push ebx
.loop:  mov ebx, [count]
        test ebx, ebx
        jz .done
        dec ebx
        mov [count], ebx
        mov eax, [list]
        push dword [eax+ebx*4]
        call free_entry
        add esp, 4
        jmp .loop
.done:  pop ebx
        ret

; sort_list(): the entries by name, by insertion (bytes compared as unsigned, the C locale's order)
sort_list:
        push ebx
        push esi
        push edi
        push ebp
        mov ebp, [list]
        mov ebx, 1
.outer: cmp ebx, [count]
        jge .done
        mov esi, [ebp+ebx*4]        ; the entry to place
        mov edi, ebx
.inner: test edi, edi
        jz .place
        mov eax, [ebp+edi*4-4]
        push dword [esi+R_NAME]
        push dword [eax+R_NAME]
        call strcmp
        add esp, 8
        test eax, eax
        jle .place
        mov eax, [ebp+edi*4-4]
        mov [ebp+edi*4], eax
        dec edi
        jmp .inner
.place: mov [ebp+edi*4], esi
        inc ebx
        jmp .outer
.done:  pop ebp
        pop edi
        pop esi
        pop ebx
        ret

; print_list(total): the entries, with "total N" first when total is 1 and -l is on
print_list:
        push ebx
        push esi
        push edi
        cmp byte [long], 0
        je .names
        ; the widths of the links, owner, group and size columns, and the blocks
        xor ebx, ebx
        mov dword [w_links], 1
        mov dword [w_owner], 1
        mov dword [w_group], 1
        mov dword [w_size], 1
        mov dword [blocks], 0
.measure:
        cmp ebx, [count]
        jge .measured
        mov eax, [list]
        mov esi, [eax+ebx*4]
        mov eax, [esi+R_STAT+ST_BLOCKS]
        add [blocks], eax
        push dword [esi+R_STAT+ST_NLINK]
        call number_text
        add esp, 4
        cmp eax, [w_links]
        jbe .m1
        mov [w_links], eax
.m1:    push dword [esi+R_STAT+ST_UID]
        call id_text
        add esp, 4
        cmp eax, [w_owner]
        jbe .m2
        mov [w_owner], eax
.m2:    push dword [esi+R_STAT+ST_GID]
        call id_text
        add esp, 4
        cmp eax, [w_group]
        jbe .m3
        mov [w_group], eax
.m3:    push esi
        call size_text
        add esp, 4
        cmp eax, [w_size]
        jbe .m4
        mov [w_size], eax
.m4:    inc ebx
        jmp .measure
.measured:
        cmp dword [esp+16], 0
        je .lines
        mov eax, [blocks]
        shr eax, 1                  ; 512-byte blocks to kilobytes
        push eax
        push totalfmt
        call printf
        add esp, 8
.lines: xor ebx, ebx
.line:  cmp ebx, [count]
        jge .out
        mov eax, [list]
        mov esi, [eax+ebx*4]
        push esi
        call long_line
        add esp, 4
        inc ebx
        jmp .line
.names: xor ebx, ebx
.name:  cmp ebx, [count]
        jge .out
        mov eax, [list]
        mov esi, [eax+ebx*4]
        push dword [esi+R_NAME]
        call puts
        add esp, 4
        inc ebx
        jmp .name
.out:   pop edi
        pop esi
        pop ebx
        ret

; number_text(n) -> the length of n in decimal, written in text
number_text:
        push 10
        push text
        push dword [esp+12]
        call utoa
        add esp, 12
        ret

; id_text(id) -> the length of "root" for 0, else of the number, written in text
id_text:
        cmp dword [esp+4], 0
        jne number_text
        push root
        push text
        call strcpy
        add esp, 8
        mov eax, 4
        ret

; size_text(entry) -> the length of its size column in text: "MAJOR, MINOR" for a device
size_text:
        mov eax, [esp+4]
        mov ecx, [eax+R_STAT+ST_MODE]
        and ecx, S_IFMT
        cmp ecx, S_IFCHR
        je .dev
        cmp ecx, S_IFBLK
        je .dev
        push dword [eax+R_STAT+ST_SIZE]
        call number_text
        add esp, 4
        ret
.dev:   mov ecx, [eax+R_STAT+ST_RDEV]
        mov edx, ecx
        and edx, 0xFF
        shr ecx, 8
        and ecx, 0xFFF
        push edx
        push ecx
        push devfmt
        push 32
        push text
        call snprintf
        add esp, 20
        ret

; long_line(entry): one line of -l
long_line:
        push ebx
        push esi
        push edi
        mov esi, [esp+16]
        ; the mode
        mov ebx, [esi+R_STAT+ST_MODE]
        mov eax, ebx
        and eax, S_IFMT
        mov cl, '-'
        cmp eax, S_IFDIR
        jne .t1
        mov cl, 'd'
.t1:    cmp eax, S_IFLNK
        jne .t2
        mov cl, 'l'
.t2:    cmp eax, S_IFCHR
        jne .t3
        mov cl, 'c'
.t3:    cmp eax, S_IFBLK
        jne .t4
        mov cl, 'b'
.t4:    cmp eax, S_IFIFO
        jne .t5
        mov cl, 'p'
.t5:    cmp eax, S_IFSOCK
        jne .t6
        mov cl, 's'
.t6:    mov [mode], cl
        mov edi, mode+1
        mov ecx, 0x100              ; S_IRUSR, then down bit by bit
        mov edx, rwx
.bit:   mov al, '-'
        test ebx, ecx
        jz .put
        mov al, [edx]
.put:   mov [edi], al
        inc edi
        inc edx
        shr ecx, 1
        jnz .bit
        mov byte [mode+10], 0
        test ebx, S_ISUID
        jz .sgid
        mov al, 'S'
        cmp byte [mode+3], 'x'
        jne .suid
        mov al, 's'
.suid:  mov [mode+3], al
.sgid:  test ebx, S_ISGID
        jz .svtx
        mov al, 'S'
        cmp byte [mode+6], 'x'
        jne .sg
        mov al, 's'
.sg:    mov [mode+6], al
.svtx:  test ebx, S_ISVTX
        jz .modeok
        mov al, 'T'
        cmp byte [mode+9], 'x'
        jne .st
        mov al, 't'
.st:    mov [mode+9], al
.modeok:
        push mode
        push STDOUT_FILENO
        call fputs
        add esp, 8
        push dword [esi+R_STAT+ST_NLINK]
        push dword [w_links]
        push rightfmt
        call column
        add esp, 12
        push dword [esi+R_STAT+ST_UID]
        call id_text
        add esp, 4
        push text
        push dword [w_owner]
        push leftfmt
        call column_text
        add esp, 12
        push dword [esi+R_STAT+ST_GID]
        call id_text
        add esp, 4
        push text
        push dword [w_group]
        push leftfmt
        call column_text
        add esp, 12
        push esi
        call size_text
        add esp, 4
        push text
        push dword [w_size]
        push rightsfmt
        call column_text
        add esp, 12
        ; the time
        push dword [esi+R_STAT+ST_MTIME]
        call print_time
        add esp, 4
        push dword [esi+R_NAME]
        push namefmt
        call printf
        add esp, 8
        mov eax, ebx
        and eax, S_IFMT
        cmp eax, S_IFLNK
        jne .nl
        push LINK_MAX
        push text
        push dword [esi+R_PATH]
        call readlink
        add esp, 12
        test eax, eax
        js .nl
        mov byte [text+eax], 0
        push text
        push arrowfmt
        call printf
        add esp, 8
.nl:    push 10
        call putchar
        add esp, 4
        pop edi
        pop esi
        pop ebx
        ret

; column(fmt, width, n): " " and n right-aligned in width columns
column:
        push dword [esp+12]
        call number_text
        add esp, 4
        push text
        push dword [esp+12]
        push dword [esp+12]
        call column_text
        add esp, 12
        ret

; column_text(fmt, width, s): fmt is rightfmt, rightsfmt or leftfmt; s padded to width
column_text:
        push ebx
        push esi
        mov esi, [esp+20]
        push esi
        call strlen
        add esp, 4
        mov ebx, [esp+16]
        sub ebx, eax                ; the padding
        mov eax, [esp+12]
        cmp eax, leftfmt
        je .left
        push ' '
        call putchar
        add esp, 4
        call .pad
        push esi
        push STDOUT_FILENO
        call fputs
        add esp, 8
        jmp .out
.left:  push ' '
        call putchar
        add esp, 4
        push esi
        push STDOUT_FILENO
        call fputs
        add esp, 8
        call .pad
.out:   pop esi
        pop ebx
        ret
.pad:   test ebx, ebx
        jle .padded
        push ' '
        call putchar
        add esp, 4
        dec ebx
        jmp .pad
.padded:
        ret

; print_time(t): " Mon DD HH:MM" of t seconds since 1970 (UTC)
print_time:
        push ebx
        push esi
        push edi
        mov eax, [esp+16]
        xor edx, edx
        mov ecx, 86400
        div ecx                     ; eax days, edx seconds of the day
        mov esi, edx
        mov ebx, 1970
.year:  mov ecx, 365
        test ebx, 3                 ; a leap year (good from 1901 to 2099)
        jnz .plain
        inc ecx
.plain: cmp eax, ecx
        jb .month
        sub eax, ecx
        inc ebx
        jmp .year
.month: xor edi, edi                ; the month, 0-11
.mon:   movzx ecx, byte [mdays+edi]
        cmp edi, 1
        jne .len
        test ebx, 3
        jnz .len
        inc ecx
.len:   cmp eax, ecx
        jb .day
        sub eax, ecx
        inc edi
        jmp .mon
.day:   inc eax                     ; the day of the month
        push eax
        mov eax, esi
        xor edx, edx
        mov ecx, 60
        div ecx                     ; eax minutes of the day
        xor edx, edx
        div ecx                     ; eax hours, edx minutes
        pop ecx
        push edx
        push eax
        push ecx
        lea eax, [months+edi*4]
        push eax
        push timefmt
        call printf
        add esp, 20
        pop edi
        pop esi
        pop ebx
        ret

LINK_MAX equ 4000

section .rodata
optstring:      db "la1", 0
dot:            db ".", 0
root:           db "root", 0
pathfmt:        db "%s/%s", 0
heading:        db "%s:", 10, 0
totalfmt:       db "total %u", 10, 0
devfmt:         db "%u, %u", 0
rightfmt:       db "r", 0
rightsfmt:      db "s", 0
leftfmt:        db "l", 0
namefmt:        db " %s", 0
arrowfmt:       db " -> %s", 0
timefmt:        db " %s %2d %02d:%02d", 0
rwx:            db "rwxrwxrwx"
mdays:          db 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
months:         db "Jan", 0, "Feb", 0, "Mar", 0, "Apr", 0, "May", 0, "Jun", 0
                db "Jul", 0, "Aug", 0, "Sep", 0, "Oct", 0, "Nov", 0, "Dec", 0
cannotopen:     db "cannot open directory", 0
cannotaccess:   db "cannot access", 0
usage:          db "Usage: ls [-la1] [FILE]...", 10
                db "List information about the FILEs (the current directory by default),", 10
                db "sorted by name.", 10, 10
                db "  -a     do not ignore entries starting with .", 10
                db "  -l     use a long listing format", 10
                db "  -1     list one file per line", 10, 0

section .bss
long:           resb 1
all:            resb 1
printed:        resb 1
status:         resb 1
operands:       resd 1
list:           resd 1
count:          resd 1
room:           resd 1
blocks:         resd 1
w_links:        resd 1
w_owner:        resd 1
w_group:        resd 1
w_size:         resd 1
mode:           resb 12
st:             resb STAT_SIZE
text:           resb LINK_MAX + 1
