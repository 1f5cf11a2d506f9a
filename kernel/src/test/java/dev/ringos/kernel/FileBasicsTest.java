package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The VFS end to end from ring 3: make, write, seek, read back, stat, directories and the cwd. */
class FileBasicsTest {
    private static final String PROGRAM = GuestLib.with("""
            global _start
            _start:
                    mov eax, 39             ; mkdir("/work", 0755)
                    mov ebx, dir
                    mov ecx, 0755o
                    int 0x80
                    call print_dec
                    call print_nl
                    mov eax, 12             ; chdir("/work")
                    mov ebx, dir
                    int 0x80
                    call print_dec
                    call print_nl
                    mov eax, 5              ; open("notes", O_RDWR|O_CREAT, 0644)
                    mov ebx, name
                    mov ecx, 0102o
                    mov edx, 0644o
                    int 0x80
                    mov edi, eax
                    call print_dec
                    call print_nl
                    mov eax, SYS_WRITE
                    mov ebx, edi
                    mov ecx, text
                    mov edx, 6
                    int 0x80
                    call print_dec
                    call print_nl
                    mov eax, 19             ; lseek(fd, 0, SEEK_SET)
                    mov ebx, edi
                    xor ecx, ecx
                    xor edx, edx
                    int 0x80
                    mov eax, SYS_READ
                    mov ebx, edi
                    mov ecx, buf
                    mov edx, 100
                    int 0x80
                    call print_dec
                    call print_nl
                    mov byte [buf+6], 0
                    mov esi, buf
                    call print_str
                    mov eax, 183            ; getcwd(buf, 100)
                    mov ebx, buf
                    mov ecx, 100
                    int 0x80
                    mov esi, buf
                    call print_str
                    call print_nl
                    mov eax, 195            ; stat64("/work/notes", statbuf)
                    mov ebx, full
                    mov ecx, statbuf
                    int 0x80
                    mov eax, [statbuf+16]   ; st_mode
                    call print_hex
                    call print_nl
                    mov eax, [statbuf+44]   ; st_size
                    call print_dec
                    call print_nl
                    mov eax, 5              ; open("/nope", O_RDONLY)
                    mov ebx, nope
                    xor ecx, ecx
                    int 0x80
                    call print_dec
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            section .data
            dir: db "/work", 0
            name: db "notes", 0
            full: db "/work/notes", 0
            nope: db "/nope", 0
            text: db "hello", 10
            section .bss
            buf: resb 128
            statbuf: resb 96
            """);

    @Test
    void aFileIsMadeWrittenAndReadBackInTheRamfsRoot() {
        GuestRun.Result r = new GuestRun().program("/bin/files", PROGRAM).run("/bin/files");
        assertThat(r.out()).isEqualTo("0\n0\n3\n6\n6\nhello\n/work\n000081a4\n6\n-2\n");
        assertThat(r.status()).isZero();
    }
}
