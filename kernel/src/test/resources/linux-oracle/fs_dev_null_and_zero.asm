; fs_dev_null_and_zero: /dev/null swallows writes (returning the count) and reads 0; /dev/zero reads zeros and swallows writes; both are character devices and lseek on them returns 0.
%include "oracle.inc"
section .data
null:   db "/dev/null", 0
zero:   db "/dev/zero", 0
section .bss
nfd:    resd 1
zfd:    resd 1
buf:    resb 100
st:     resb STAT64_LEN
section .text
global _start
_start:
        SYSCALL3 SYS_open, null, O_RDWR, 0
        SHOW 'open("/dev/null", O_RDWR) = ', eax
        mov [nfd], eax
        SYSCALL3 SYS_write, [nfd], buf, 100
        SHOW "write(null, buf, 100) = ", eax
        SYSCALL3 SYS_read, [nfd], buf, 100
        SHOW "read(null, buf, 100) = ", eax
        SYSCALL3 SYS_lseek, [nfd], 123, SEEK_SET
        SHOW "lseek(null, 123, SEEK_SET) = ", eax
        SYSCALL2 SYS_fstat64, [nfd], st
        mov eax, [st+ST_MODE]
        and eax, S_IFMT
        SHOWO "fstat64(null): st_mode & S_IFMT = ", eax

        SYSCALL3 SYS_open, zero, O_RDWR, 0
        SHOW 'open("/dev/zero", O_RDWR) = ', eax
        mov [zfd], eax
        mov edi, buf
        mov ecx, 100
        mov al, 0xaa
        rep stosb
        SYSCALL3 SYS_read, [zfd], buf, 64
        SHOW "read(zero, buf, 64) = ", eax
        mov ecx, 0
.check: cmp byte [buf+ecx], 0
        jne .checked
        inc ecx
        cmp ecx, 64
        jb .check
.checked:
        SHOW "  leading zero bytes in buf: ", ecx
        cmp byte [buf+64], 0xaa
        YES_IF je, "  buf[64] untouched: "
        SYSCALL3 SYS_read, [zfd], buf, 0
        SHOW "read(zero, buf, 0) = ", eax
        SYSCALL3 SYS_write, [zfd], buf, 100
        SHOW "write(zero, buf, 100) = ", eax
        SYSCALL3 SYS_lseek, [zfd], 0, SEEK_END
        SHOW "lseek(zero, 0, SEEK_END) = ", eax
        SYSCALL2 SYS_fstat64, [zfd], st
        mov eax, [st+ST_MODE]
        and eax, S_IFMT
        SHOWO "fstat64(zero): st_mode & S_IFMT = ", eax
        SYSCALL3 SYS_read, [zfd], KERNEL_ADDR, 8
        SHOW "read(zero, KERNEL_ADDR, 8) = ", eax
        EXIT 0
