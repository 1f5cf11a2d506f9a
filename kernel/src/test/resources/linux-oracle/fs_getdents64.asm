; fs_getdents64: lists a fresh directory (., .., three files, a subdirectory, a symlink) sorted by name with d_type; the listing ends with 0, rewinds with lseek, and drops an unlinked name; errors for a file, a tiny buffer and a bad fd.
%include "oracle.inc"
section .data
d:      db "d", 0
f:      db "f", 0
banana: db "d/banana", 0
apple:  db "d/apple", 0
cherry: db "d/cherry", 0
subdir: db "d/sub", 0
link:   db "d/link", 0
linkto: db "apple", 0
section .bss
fd:     resd 1
calls:  resd 1
count:  resd 1
aligned: resd 1
names:  resd 32                 ; pointers to the names
types:  resd 32
buf:    resb 4096
copy:   resb 4096               ; the names, copied out of buf
copyend: resd 1
section .text
global _start
_start:
        WORKDIR "fs_getdents64.d"
        SYSCALL2 SYS_mkdir, d, 0o755
        SYSCALL3 SYS_open, banana, O_WRONLY|O_CREAT|O_EXCL, 0o644
        mov ebx, eax
        mov eax, SYS_close
        int 0x80
        SYSCALL3 SYS_open, apple, O_WRONLY|O_CREAT|O_EXCL, 0o644
        mov ebx, eax
        mov eax, SYS_close
        int 0x80
        SYSCALL3 SYS_open, cherry, O_WRONLY|O_CREAT|O_EXCL, 0o644
        mov ebx, eax
        mov eax, SYS_close
        int 0x80
        SYSCALL2 SYS_mkdir, subdir, 0o755
        SYSCALL2 SYS_symlink, linkto, link
        PRINTLN "d holds banana, apple, cherry, sub/ and link -> apple"
        SYSCALL3 SYS_open, d, O_RDONLY|O_DIRECTORY, 0
        SHOW 'open("d", O_RDONLY|O_DIRECTORY) = ', eax
        mov [fd], eax
        call list
        call show_list

        SYSCALL3 SYS_getdents64, [fd], buf, 4096
        SHOW "getdents64 again at the end = ", eax
        SYSCALL3 SYS_lseek, [fd], 0, SEEK_SET
        SHOW "lseek(fd, 0, SEEK_SET) = ", eax
        SYSCALL3 SYS_getdents64, [fd], buf, 10
        SHOW "getdents64(fd, buf, 10) = ", eax
        SYSCALL1 SYS_unlink, banana
        SHOW 'unlink("d/banana") = ', eax
        SYSCALL3 SYS_lseek, [fd], 0, SEEK_SET
        call list
        call show_list

        SYSCALL3 SYS_open, f, O_RDONLY|O_CREAT, 0o644
        mov [fd], eax
        SYSCALL3 SYS_getdents64, [fd], buf, 4096
        SHOW "getdents64 on a regular file = ", eax
        SYSCALL3 SYS_getdents64, 99, buf, 4096
        SHOW "getdents64(99) = ", eax
        EXIT 0

; list: read the whole directory at [fd] with getdents64, collecting names and types.
list:
        mov dword [calls], 0
        mov dword [count], 0
        mov dword [aligned], 1
        mov edi, copy
.call:  SYSCALL3 SYS_getdents64, [fd], buf, 4096
        cmp eax, 0
        jl .error
        je .done
        inc dword [calls]
        mov esi, buf
        lea edx, [buf+eax]              ; end of the records
.record:
        cmp esi, edx
        jae .call
        mov ecx, [count]
        mov [names+ecx*4], edi
        movzx eax, byte [esi+D_TYPE]
        mov [types+ecx*4], eax
        inc dword [count]
        movzx eax, word [esi+D_RECLEN]
        test eax, 7
        jz .copy
        mov dword [aligned], 0
.copy:  mov ebx, D_NAME
.char:  mov cl, [esi+ebx]
        mov [edi], cl
        inc edi
        inc ebx
        test cl, cl
        jnz .char
        add esi, eax
        jmp .record
.error: SHOW "getdents64 failed: ", eax
        EXIT 1
.done:  ret

; show_list: sort the names (insertion sort) and print them with their types.
show_list:
        SHOW "  entries: ", [count]
        mov eax, [aligned]
        cmp eax, 1
        YES_IF je, "  every d_reclen is a multiple of 8: "
        mov ecx, 1
.outer: cmp ecx, [count]
        jae .print
        mov edx, ecx
.inner: test edx, edx
        jz .nextouter
        mov esi, [names+edx*4-4]
        mov edi, [names+edx*4]
        call str_cmp
        cmp eax, 0
        jle .nextouter
        mov [names+edx*4-4], edi        ; swap names and types
        mov [names+edx*4], esi
        mov eax, [types+edx*4-4]
        mov ebx, [types+edx*4]
        mov [types+edx*4-4], ebx
        mov [types+edx*4], eax
        dec edx
        jmp .inner
.nextouter:
        inc ecx
        jmp .outer
.print: mov ecx, 0
.each:  cmp ecx, [count]
        jae .end
        PRINT "  "
        mov esi, [names+ecx*4]
        call print_str
        SHOW "  d_type ", [types+ecx*4]
        inc ecx
        jmp .each
.end:   ret
