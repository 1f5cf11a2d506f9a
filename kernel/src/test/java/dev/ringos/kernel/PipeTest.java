package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** pipe(2) and pipe2(2) from ring 3, with pipe(7)'s semantics one by one. */
class PipeTest {
    /** Syscall numbers and flags the pipe and FIFO programs use, and {@code show}: print_dec then a newline. */
    static final String DEFS = """
            SYS_OPEN     equ 5
            SYS_CLOSE    equ 6
            SYS_MKNOD    equ 14
            SYS_LSEEK    equ 19
            SYS_PIPE     equ 42
            SYS_SIGNAL   equ 48
            SYS_IOCTL    equ 54
            SYS_FCNTL    equ 55
            SYS_FSTAT64  equ 197
            SYS_PIPE2    equ 331
            F_GETFD      equ 1
            F_GETFL      equ 3
            F_SETFL      equ 4
            FIONREAD     equ 0x541B
            O_WRONLY     equ 1
            O_RDWR       equ 2
            O_NONBLOCK   equ 04000o
            O_APPEND     equ 02000o
            O_CLOEXEC    equ 02000000o
            SIGPIPE      equ 13
            SIG_IGN      equ 1

            show:
                    call print_dec
                    call print_nl
                    ret
            """;

    static String program(String text) {
        return GuestLib.with(DEFS + text);
    }

    /** Both the parent and the forked child hold the write end; EOF comes only when both have closed it. */
    private static final String EOF_AFTER_ALL_WRITERS = program("""
            global _start
            _start:
                    mov eax, SYS_PIPE           ; data: the child writes, the parent reads
                    mov ebx, data
                    int 0x80
                    mov eax, SYS_PIPE           ; go: the parent tells the child to close its writer
                    mov ebx, go
                    int 0x80
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .child
                    mov edi, eax
                    mov eax, SYS_CLOSE          ; the parent's own writer
                    mov ebx, [data+4]
                    int 0x80
                    mov eax, SYS_READ
                    mov ebx, [data]
                    mov ecx, buf
                    mov edx, 100
                    int 0x80
                    call show                   ; 2: "hi"
                    mov eax, SYS_FCNTL          ; O_NONBLOCK: the child's writer is still open, so EAGAIN, not EOF
                    mov ebx, [data]
                    mov ecx, F_SETFL
                    mov edx, O_NONBLOCK
                    int 0x80
                    mov eax, SYS_READ
                    mov ebx, [data]
                    mov ecx, buf
                    mov edx, 100
                    int 0x80
                    call show
                    mov eax, SYS_FCNTL
                    mov ebx, [data]
                    mov ecx, F_SETFL
                    xor edx, edx
                    int 0x80
                    mov eax, SYS_WRITE          ; go
                    mov ebx, [go+4]
                    mov ecx, buf
                    mov edx, 1
                    int 0x80
                    mov eax, SYS_READ           ; blocks until the child closes its writer: then 0
                    mov ebx, [data]
                    mov ecx, buf
                    mov edx, 100
                    int 0x80
                    call show
                    mov eax, SYS_WAIT4
                    mov ebx, edi
                    mov ecx, status
                    xor edx, edx
                    xor esi, esi
                    int 0x80
                    say "child status "
                    mov eax, [status]
                    call show
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            .child:
                    mov eax, SYS_CLOSE
                    mov ebx, [data]
                    int 0x80
                    mov eax, SYS_WRITE
                    mov ebx, [data+4]
                    mov ecx, hi
                    mov edx, 2
                    int 0x80
                    mov eax, SYS_READ           ; wait for go
                    mov ebx, [go]
                    mov ecx, buf
                    mov edx, 1
                    int 0x80
                    mov eax, SYS_CLOSE
                    mov ebx, [data+4]
                    int 0x80
                    mov ecx, 5                  ; linger: the EOF comes from the close, not from exit
            .linger:
                    mov eax, SYS_SCHED_YIELD
                    int 0x80
                    dec ecx
                    jnz .linger
                    say "child done"
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            section .data
            hi: db "hi"
            section .bss
            data: resd 2
            go: resd 2
            status: resd 1
            buf: resb 100
            """);

    @Test
    void anEmptyPipeReadsAsEndOfFileOnlyWhenEveryWriterHasClosed() {
        GuestRun.Result r = new GuestRun().program("/bin/eof", EOF_AFTER_ALL_WRITERS).run("/bin/eof");
        assertThat(r.out()).isEqualTo("2\n-11\n0\nchild done\nchild status 0\n");
        assertThat(r.status()).isZero();
    }

    private static final String WRITE_WITHOUT_READER = program("""
            global _start
            _start:
                    mov eax, SYS_SIGNAL
                    mov ebx, SIGPIPE
                    mov ecx, HANDLER
                    int 0x80
                    mov eax, SYS_PIPE
                    mov ebx, fds
                    int 0x80
                    mov eax, SYS_CLOSE
                    mov ebx, [fds]
                    int 0x80
                    mov eax, SYS_WRITE
                    mov ebx, [fds+4]
                    mov ecx, fds
                    mov edx, 1
                    int 0x80
                    call show
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            section .bss
            fds: resd 2
            """);

    @Test
    void writingWithNoReaderLeftKillsTheWriterWithSigpipe() {
        GuestRun.Result r = new GuestRun().program("/bin/sigpipe", WRITE_WITHOUT_READER.replace("HANDLER", "0"))
                .run("/bin/sigpipe");
        assertThat(r.out()).isEmpty();
        assertThat(r.status()).isEqualTo(128 + 13);
    }

    @Test
    void writingWithNoReaderLeftFailsWithEpipeWhenSigpipeIsIgnored() {
        GuestRun.Result r = new GuestRun().program("/bin/epipe", WRITE_WITHOUT_READER.replace("HANDLER", "SIG_IGN"))
                .run("/bin/epipe");
        assertThat(r.out()).isEqualTo("-32\n");
        assertThat(r.status()).isZero();
    }

    /**
     * The parent fills the pipe and blocks writing 10 bytes more; the child then closes the only
     * reader: the write returns what it did (65536), and the next one fails with EPIPE.
     */
    private static final String LAST_READER_WAKES_WRITER = program("""
            global _start
            _start:
                    mov eax, SYS_SIGNAL
                    mov ebx, SIGPIPE
                    mov ecx, SIG_IGN
                    int 0x80
                    mov eax, SYS_PIPE
                    mov ebx, fds
                    int 0x80
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .child
                    mov eax, SYS_CLOSE
                    mov ebx, [fds]
                    int 0x80
                    mov eax, SYS_WRITE
                    mov ebx, [fds+4]
                    mov ecx, big
                    mov edx, 65546
                    int 0x80
                    call show
                    mov eax, SYS_WRITE
                    mov ebx, [fds+4]
                    mov ecx, big
                    mov edx, 1
                    int 0x80
                    call show
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            .child:
                    mov ecx, 5
            .wait:
                    mov eax, SYS_SCHED_YIELD
                    int 0x80
                    dec ecx
                    jnz .wait
                    mov eax, SYS_EXIT           ; closes the read end (and its copy of the write end)
                    xor ebx, ebx
                    int 0x80
            section .bss
            fds: resd 2
            big: resb 65546
            """);

    @Test
    void theLastReaderClosingEndsABlockedWriteWithWhatItWrote() {
        GuestRun.Result r = new GuestRun().program("/bin/lastreader", LAST_READER_WAKES_WRITER).run("/bin/lastreader");
        assertThat(r.out()).isEqualTo("65536\n-32\n");
    }

    private static final String NON_BLOCKING = program("""
            global _start
            _start:
                    mov eax, SYS_PIPE2
                    mov ebx, fds
                    mov ecx, O_NONBLOCK
                    int 0x80
                    mov ebx, [fds]
                    mov edx, 10
                    call rd                     ; empty: EAGAIN
                    mov edx, 65536
                    call wr                     ; the whole capacity
                    mov edx, 1
                    call wr                     ; not one byte more: EAGAIN
                    mov eax, SYS_IOCTL
                    mov ebx, [fds]
                    mov ecx, FIONREAD
                    mov edx, count
                    int 0x80
                    mov eax, [count]
                    call show                   ; 65536 held
                    mov edx, 4095
                    call rd                     ; room for 4095
                    mov edx, 4096
                    call wr                     ; 4096 <= PIPE_BUF is atomic: EAGAIN, nothing written
                    mov edx, 4095
                    call wr                     ; fits exactly
                    mov edx, 100
                    call rd                     ; room for 100
                    mov edx, 5000
                    call wr                     ; more than PIPE_BUF: what fits, 100
                    mov edx, 1
                    call wr                     ; full again
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            rd:
                    mov eax, SYS_READ
                    mov ebx, [fds]
                    mov ecx, big
                    int 0x80
                    jmp show
            wr:
                    mov eax, SYS_WRITE
                    mov ebx, [fds+4]
                    mov ecx, big
                    int 0x80
                    jmp show
            section .bss
            fds: resd 2
            count: resd 1
            big: resb 65536
            """);

    @Test
    void nonBlockingEndsSayEagainAndSmallWritesAreNeverSplit() {
        GuestRun.Result r = new GuestRun().program("/bin/nonblock", NON_BLOCKING).run("/bin/nonblock");
        assertThat(r.out().split("\n")).containsExactly(
                "-11", "65536", "-11", "65536", "4095", "-11", "4095", "100", "100", "-11");
        assertThat(r.status()).isZero();
    }

    /**
     * The parent leaves 100 bytes of room; the child's blocking 4096-byte write waits rather than
     * putting in 100 bytes, and goes in whole once the parent has read 4096.
     */
    private static final String ATOMIC_WRITE_WAITS = program("""
            global _start
            _start:
                    mov eax, SYS_PIPE
                    mov ebx, fds
                    int 0x80
                    mov eax, SYS_WRITE
                    mov ebx, [fds+4]
                    mov ecx, big
                    mov edx, 65436
                    int 0x80
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .child
                    mov edi, eax
                    mov ecx, 5
            .wait:
                    mov eax, SYS_SCHED_YIELD
                    int 0x80
                    dec ecx
                    jnz .wait
                    call held                   ; 65436: nothing of the child's 4096 went in
                    mov eax, SYS_READ
                    mov ebx, [fds]
                    mov ecx, big
                    mov edx, 4096
                    int 0x80
                    call show
                    mov eax, SYS_WAIT4
                    mov ebx, edi
                    xor ecx, ecx
                    xor edx, edx
                    xor esi, esi
                    int 0x80
                    call held                   ; 65436 again: the child's 4096 are in
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            .child:
                    mov eax, SYS_WRITE
                    mov ebx, [fds+4]
                    mov ecx, big
                    mov edx, 4096
                    int 0x80
                    say "child wrote "
                    call show
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            held:
                    mov eax, SYS_IOCTL
                    mov ebx, [fds]
                    mov ecx, FIONREAD
                    mov edx, count
                    int 0x80
                    mov eax, [count]
                    jmp show
            section .bss
            fds: resd 2
            count: resd 1
            big: resb 65536
            """);

    @Test
    void aBlockingWriteOfAtMostPipeBufWaitsForRoomForAllOfIt() {
        GuestRun.Result r = new GuestRun().program("/bin/atomic", ATOMIC_WRITE_WAITS).run("/bin/atomic");
        assertThat(r.out()).isEqualTo("65436\n4096\nchild wrote 4096\n65436\n");
    }

    /**
     * The child writes 1 MiB of a pattern in one write(2) (it parks many times on the way); the
     * parent reads 3000 bytes at a time. Both hash what they saw (h = h * 31 + byte) and count it.
     */
    private static final String MEBIBYTE = program("""
            SIZE equ 1048576
            global _start
            _start:
                    mov eax, SYS_PIPE
                    mov ebx, fds
                    int 0x80
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .child
                    mov edi, eax
                    mov eax, SYS_CLOSE
                    mov ebx, [fds+4]
                    int 0x80
                    xor ebp, ebp                ; the hash
                    xor esi, esi                ; bytes read
            .read:
                    mov eax, SYS_READ
                    mov ebx, [fds]
                    mov ecx, buf
                    mov edx, 3000
                    int 0x80
                    test eax, eax
                    jle .eof
                    add esi, eax
                    mov ecx, eax
                    mov edx, buf
                    call hash
                    jmp .read
            .eof:
                    mov eax, SYS_WAIT4
                    mov ebx, edi
                    xor ecx, ecx
                    xor edx, edx
                    push esi
                    xor esi, esi
                    int 0x80
                    pop esi
                    say "parent "
                    mov eax, ebp
                    call print_hex
                    say " "
                    mov eax, esi
                    call show
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            .child:
                    xor ecx, ecx                ; pattern[i] = i * 7 + (i >> 9)
            .fill:
                    mov eax, ecx
                    shl eax, 3
                    sub eax, ecx
                    mov edx, ecx
                    shr edx, 9
                    add eax, edx
                    mov [pattern+ecx], al
                    inc ecx
                    cmp ecx, SIZE
                    jne .fill
                    xor ebp, ebp
                    mov ecx, SIZE
                    mov edx, pattern
                    call hash
                    mov eax, SYS_WRITE
                    mov ebx, [fds+4]
                    mov ecx, pattern
                    mov edx, SIZE
                    int 0x80
                    mov esi, eax
                    say "child "
                    mov eax, ebp
                    call print_hex
                    say " "
                    mov eax, esi
                    call show
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            hash:                               ; ebp = ebp * 31 + each of ecx bytes at edx
                    movzx eax, byte [edx]
                    mov ebx, ebp
                    shl ebp, 5
                    sub ebp, ebx
                    add ebp, eax
                    inc edx
                    dec ecx
                    jnz hash
                    ret
            section .bss
            fds: resd 2
            buf: resb 3000
            pattern: resb SIZE
            """);

    @Test
    void aMebibyteFromChildToParentArrivesByteForByte() {
        int h = 0;
        for (int i = 0; i < 1 << 20; i++) {
            h = h * 31 + ((i * 7 + (i >>> 9)) & 0xFF);
        }
        String expected = String.format("%08x 1048576", h);
        GuestRun.Result r = new GuestRun().program("/bin/mebibyte", MEBIBYTE).run("/bin/mebibyte");
        assertThat(r.out()).isEqualTo("child " + expected + "\nparent " + expected + "\n");
        assertThat(r.status()).isZero();
    }

    private static final String FLAGS_AND_FSTAT = program("""
            global _start
            _start:
                    mov eax, SYS_PIPE2
                    mov ebx, fds
                    mov ecx, O_CLOEXEC + O_NONBLOCK
                    int 0x80
                    call show                   ; 0
                    mov eax, [fds]
                    call show                   ; 3
                    mov eax, [fds+4]
                    call show                   ; 4
                    mov eax, SYS_FCNTL
                    mov ebx, [fds]
                    mov ecx, F_GETFL
                    int 0x80
                    call print_hex              ; O_RDONLY | O_NONBLOCK
                    call print_nl
                    mov eax, SYS_FCNTL
                    mov ebx, [fds+4]
                    mov ecx, F_GETFL
                    int 0x80
                    call print_hex              ; O_WRONLY | O_NONBLOCK
                    call print_nl
                    mov eax, SYS_FCNTL
                    mov ebx, [fds+4]
                    mov ecx, F_GETFD
                    int 0x80
                    call show                   ; FD_CLOEXEC
                    mov eax, SYS_PIPE2
                    mov ebx, fds2
                    mov ecx, O_APPEND
                    int 0x80
                    call show                   ; EINVAL
                    mov eax, SYS_PIPE2
                    mov ebx, fds2
                    xor ecx, ecx
                    int 0x80
                    mov eax, SYS_FCNTL
                    mov ebx, [fds2]
                    mov ecx, F_GETFL
                    int 0x80
                    call show                   ; 0: O_RDONLY, blocking
                    mov eax, SYS_FCNTL
                    mov ebx, [fds2]
                    mov ecx, F_GETFD
                    int 0x80
                    call show                   ; 0
                    mov eax, SYS_PIPE
                    mov ebx, 16
                    int 0x80
                    call show                   ; EFAULT
                    mov eax, SYS_FSTAT64
                    mov ebx, [fds]
                    mov ecx, st
                    int 0x80
                    mov eax, [st+16]
                    call print_hex              ; st_mode: S_IFIFO | 0600
                    call print_nl
                    mov eax, SYS_LSEEK
                    mov ebx, [fds]
                    xor ecx, ecx
                    xor edx, edx
                    int 0x80
                    call show                   ; ESPIPE
                    mov eax, SYS_WRITE
                    mov ebx, [fds]
                    mov ecx, st
                    mov edx, 1
                    int 0x80
                    call show                   ; EBADF: the read end
                    mov eax, SYS_READ
                    mov ebx, [fds+4]
                    mov ecx, st
                    mov edx, 1
                    int 0x80
                    call show                   ; EBADF: the write end
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            section .bss
            fds: resd 2
            fds2: resd 2
            st: resb 96
            """);

    @Test
    void pipe2TakesCloseOnExecAndNonBlockingAndNothingElse() {
        GuestRun.Result r = new GuestRun().program("/bin/flags", FLAGS_AND_FSTAT).run("/bin/flags");
        assertThat(r.out().split("\n")).containsExactly(
                "0", "3", "4", "00000800", "00000801", "1", "-22", "0", "0", "-14", "00001180", "-29", "-9", "-9");
    }

    private static final String EXEC_WITH_PIPES = program("""
            global _start
            _start:
                    mov eax, SYS_PIPE2
                    mov ebx, fds
                    mov ecx, O_CLOEXEC
                    int 0x80
                    mov eax, SYS_PIPE
                    mov ebx, fds
                    int 0x80
                    mov eax, SYS_EXECVE
                    mov ebx, path
                    mov ecx, argv
                    mov edx, envp
                    int 0x80
                    call show
                    mov eax, SYS_EXIT
                    mov ebx, 1
                    int 0x80
            section .data
            path: db "/bin/probe", 0
            argv: dd path, 0
            envp: dd 0
            section .bss
            fds: resd 2
            """);

    /** Prints F_GETFD of descriptors 3 to 6. */
    private static final String PROBE = program("""
            global _start
            _start:
                    mov edi, 3
            .next:
                    mov eax, SYS_FCNTL
                    mov ebx, edi
                    mov ecx, F_GETFD
                    int 0x80
                    call show
                    inc edi
                    cmp edi, 7
                    jne .next
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            """);

    @Test
    void pipe2WithCloseOnExecLeavesNothingOpenAcrossExecve() {
        GuestRun.Result r = new GuestRun().program("/bin/pipes", EXEC_WITH_PIPES).program("/bin/probe", PROBE)
                .run("/bin/pipes");
        assertThat(r.out()).isEqualTo("-9\n-9\n0\n0\n");
        assertThat(r.status()).isZero();
    }
}
