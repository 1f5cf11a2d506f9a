package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** FIFOs (fifo(7)) from ring 3: mknod, the open rendezvous, and the data between processes that share nothing. */
class FifoTest {
    /**
     * Makes /fifo, forks a child that execs /bin/writer (so the two share no pipe), yields
     * READER_YIELDS times, opens /fifo for reading and prints what arrives until end of file.
     */
    private static final String READER = PipeTest.program("""
            global _start
            _start:
                    mov eax, SYS_MKNOD
                    mov ebx, fifo
                    mov ecx, 010666o
                    xor edx, edx
                    int 0x80
                    call show
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .child
                    mov edi, eax
                    mov ecx, READER_YIELDS
                    call yield
                    mov eax, SYS_OPEN
                    mov ebx, fifo
                    xor ecx, ecx
                    int 0x80
                    mov ebx, eax
                    say "reader opened "
                    call show
            .read:
                    mov eax, SYS_READ
                    mov ecx, buf
                    mov edx, 100
                    int 0x80
                    test eax, eax
                    jle .eof
                    mov byte [buf+eax], 0
                    mov esi, buf
                    call print_str
                    jmp .read
            .eof:
                    say "read "
                    call show
                    mov eax, SYS_WAIT4
                    mov ebx, edi
                    mov ecx, status
                    xor edx, edx
                    xor esi, esi
                    int 0x80
                    say "writer status "
                    movzx eax, byte [status+1]
                    call show
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            .child:
                    mov eax, SYS_EXECVE
                    mov ebx, writer
                    mov ecx, argv
                    mov edx, envp
                    int 0x80
                    mov eax, SYS_EXIT
                    mov ebx, 127
                    int 0x80
            yield:
                    test ecx, ecx
                    jz .done
                    mov eax, SYS_SCHED_YIELD
                    int 0x80
                    dec ecx
                    jmp yield
            .done:
                    ret
            section .data
            fifo: db "/fifo", 0
            writer: db "/bin/writer", 0
            argv: dd writer, 0
            envp: dd 0
            section .bss
            status: resd 1
            buf: resb 101
            """);

    /** Yields WRITER_YIELDS times, opens /fifo for writing, writes a line, closes it and exits 3. */
    private static final String WRITER = PipeTest.program("""
            global _start
            _start:
                    mov ecx, WRITER_YIELDS
            .yield:
                    test ecx, ecx
                    jz .open
                    mov eax, SYS_SCHED_YIELD
                    int 0x80
                    dec ecx
                    jmp .yield
            .open:
                    mov eax, SYS_OPEN
                    mov ebx, fifo
                    mov ecx, O_WRONLY
                    int 0x80
                    mov ebx, eax
                    say "writer opened "
                    call show
                    mov eax, SYS_WRITE
                    mov ecx, line
                    mov edx, line_len
                    int 0x80
                    mov eax, SYS_CLOSE
                    int 0x80
                    mov eax, SYS_EXIT
                    mov ebx, 3
                    int 0x80
            section .data
            fifo: db "/fifo", 0
            line: db "through the fifo", 10
            line_len equ $ - line
            """);

    private static GuestRun.Result rendezvous(int readerYields, int writerYields) {
        return new GuestRun()
                .program("/bin/reader", READER.replace("READER_YIELDS", Integer.toString(readerYields)))
                .program("/bin/writer", WRITER.replace("WRITER_YIELDS", Integer.toString(writerYields)))
                .run("/bin/reader");
    }

    @Test
    void aWriterWaitingInOpenIsMetByTheReader() {
        // The writer reaches open first and waits; the reader's open finds it there and does not
        // wait, and its first read waits for the writer's line rather than seeing end of file.
        GuestRun.Result r = rendezvous(10, 0);
        assertThat(r.out()).isEqualTo(
                "0\nreader opened 3\nwriter opened 3\nthrough the fifo\nread 0\nwriter status 3\n");
        assertThat(r.status()).isZero();
    }

    @Test
    void aReaderWaitingInOpenSucceedsEvenIfTheWriterHasComeAndGone() {
        // The reader waits in open; the writer's open finds it and does not wait, writes, closes
        // and exits before the reader runs again; the reader's open still succeeds, and the line
        // is there for it.
        GuestRun.Result r = rendezvous(0, 10);
        assertThat(r.out()).isEqualTo(
                "0\nwriter opened 3\nreader opened 3\nthrough the fifo\nread 0\nwriter status 3\n");
        assertThat(r.status()).isZero();
    }

    private static final String NON_BLOCKING = PipeTest.program("""
            global _start
            _start:
                    mov eax, SYS_MKNOD
                    mov ebx, fifo
                    mov ecx, 010644o
                    xor edx, edx
                    int 0x80
                    mov ecx, O_WRONLY + O_NONBLOCK
                    call open
                    call show                   ; no reader: ENXIO
                    mov ecx, O_NONBLOCK
                    call open
                    mov esi, eax
                    call show                   ; a reader opens at once: 3
                    mov ebx, esi
                    call rd                     ; no writer: end of file, 0
                    mov ecx, O_WRONLY + O_NONBLOCK
                    call open
                    mov edi, eax
                    call show                   ; now there is a reader: 4
                    mov eax, SYS_WRITE
                    mov ebx, edi
                    mov ecx, abc
                    mov edx, 3
                    int 0x80
                    call show
                    mov ebx, esi
                    call rd                     ; 3
                    mov esi, buf
                    call print_str
                    call print_nl
                    mov eax, SYS_FSTAT64
                    mov ebx, edi
                    mov ecx, st
                    int 0x80
                    mov eax, [st+16]
                    call print_hex              ; the FIFO's own inode: S_IFIFO | 0644
                    call print_nl
                    mov eax, SYS_CLOSE
                    mov ebx, edi
                    int 0x80
                    mov ebx, 3
                    call rd                     ; the writer is gone: 0
                    mov eax, SYS_CLOSE
                    mov ebx, 3
                    int 0x80
                    mov ecx, O_RDWR             ; never waits
                    call open
                    call show                   ; 3
                    mov eax, SYS_WRITE
                    mov ebx, 3
                    mov ecx, abc
                    mov edx, 3
                    int 0x80
                    call show
                    mov eax, SYS_CLOSE
                    mov ebx, 3
                    int 0x80
                    mov ecx, O_RDWR + O_NONBLOCK
                    call open
                    mov ebx, eax
                    call rd                     ; what was left went with the last end: EAGAIN
                    mov eax, SYS_LSEEK
                    mov ebx, 3
                    xor ecx, ecx
                    xor edx, edx
                    int 0x80
                    call show                   ; ESPIPE
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            open:
                    mov eax, SYS_OPEN
                    mov ebx, fifo
                    int 0x80
                    ret
            rd:
                    mov eax, SYS_READ
                    mov ecx, buf
                    mov edx, 10
                    int 0x80
                    jmp show
            section .data
            fifo: db "/fifo", 0
            abc: db "abc"
            section .bss
            buf: resb 16
            st: resb 96
            """);

    @Test
    void nonBlockingOpensNeverWaitAndAWriterWithoutReaderGetsEnxio() {
        GuestRun.Result r = new GuestRun().program("/bin/fifo", NON_BLOCKING).run("/bin/fifo");
        assertThat(r.out().split("\n")).containsExactly(
                "-6", "3", "0", "4", "3", "3", "abc", "000011a4", "0", "3", "3", "-11", "-29");
        assertThat(r.status()).isZero();
    }
    /**
     * A child waiting in open for reading counts as a reader (a non-blocking writer may open and
     * write at once) until it is killed; after that a non-blocking writer gets ENXIO again.
     */
    private static final String WAITING_READERS = PipeTest.program("""
            global _start
            _start:
                    mov eax, SYS_MKNOD
                    mov ebx, fifo
                    mov ecx, 010644o
                    xor edx, edx
                    int 0x80
                    call reader                 ; A: killed while it waits in open
                    mov edi, eax
                    call pause
                    mov eax, SYS_KILL
                    mov ebx, edi
                    mov ecx, SIGKILL
                    int 0x80
                    call reap                   ; 9: killed
                    call open_writer            ; nobody waits any more: ENXIO
                    call reader                 ; B: met by the writer below
                    mov edi, eax
                    call pause
                    call open_writer            ; B waits in open: it counts, 3
                    mov ebx, eax
                    mov eax, SYS_WRITE
                    mov ecx, fifo+1             ; "f"
                    mov edx, 1
                    int 0x80
                    call show                   ; 1, not EPIPE
                    mov eax, SYS_CLOSE
                    int 0x80
                    call reap                   ; B read "f" and exited 0
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            reader:                             ; a child that opens /fifo for reading and prints what it reads
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .child
                    ret
            .child:
                    mov eax, SYS_OPEN
                    mov ebx, fifo
                    xor ecx, ecx
                    int 0x80
                    mov ebx, eax
                    mov eax, SYS_READ
                    mov ecx, buf
                    mov edx, 10
                    int 0x80
                    mov byte [buf+eax], 0
                    say "child read "
                    mov esi, buf
                    call print_str
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            pause:
                    mov ecx, 5
            .yield:
                    mov eax, SYS_SCHED_YIELD
                    int 0x80
                    dec ecx
                    jnz .yield
                    ret
            reap:
                    mov eax, SYS_WAIT4
                    mov ebx, edi
                    mov ecx, status
                    xor edx, edx
                    xor esi, esi
                    int 0x80
                    say "status "
                    mov eax, [status]
                    jmp show
            open_writer:
                    mov eax, SYS_OPEN
                    mov ebx, fifo
                    mov ecx, O_WRONLY + O_NONBLOCK
                    int 0x80
                    jmp show
            section .data
            fifo: db "/fifo", 0
            section .bss
            status: resd 1
            buf: resb 11
            """);

    @Test
    void anOpenerWaitingForAPartnerCountsUntilItDies() {
        GuestRun.Result r = new GuestRun().program("/bin/waiting", WAITING_READERS).run("/bin/waiting");
        assertThat(r.out()).isEqualTo("status 9\n-6\n3\n1\nchild read f\nstatus 0\n");
        assertThat(r.status()).isZero();
    }
}
