package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** strace_me: a guest traces itself and its children to one of its own files, in strace's format. */
class GuestStraceTest {
    private static final String HELLO = GuestLib.with("""
            global _start
            _start:
                    say "hello"
                    call print_nl
                    mov eax, SYS_EXIT
                    mov ebx, 3
                    int 0x80
            """);

    /** Traces itself to stderr, then execs /bin/hello with the given argv. */
    private static final String TRACE_TO_STDERR = GuestLib.with("""
            global _start
            _start:
                    mov eax, 4100                  ; strace_me(2)
                    mov ebx, 2
                    int 0x80
                    mov eax, SYS_EXECVE
                    mov ebx, path
                    mov ecx, argv
                    xor edx, edx
                    int 0x80
                    mov eax, SYS_EXIT
                    mov ebx, 99
                    int 0x80
            section .data
            path: db "/bin/hello", 0
            argv: dd path, 0
            """);

    @Test
    void aTracedProgramsCallsGoToTheFileItChoseInStracesFormat() {
        GuestRun.Result r = new GuestRun().program("/bin/hello", HELLO).program("/bin/trace", TRACE_TO_STDERR)
                .run("/bin/trace");
        assertThat(r.out()).isEqualTo("hello\n");
        assertThat(r.err().lines().toList()).containsExactly(
                "execve(\"/bin/hello\", [\"/bin/hello\"], NULL) = 0",
                "write(1, \"hello\", 5)                    = 5",
                "write(1, \"\\n\", 1)                       = 1",
                "exit(3)                                 = ?",
                "+++ exited with 3 +++");
        assertThat(r.status()).isEqualTo(3);
    }

    /** Forks; the child traces itself into a pipe and execs /bin/hello; the parent reads the trace to EOF. */
    private static final String TRACE_INTO_PIPE = GuestLib.with("""
            global _start
            _start:
                    mov eax, 42                    ; pipe(fds)
                    mov ebx, fds
                    int 0x80
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .child
                    mov eax, 6                     ; close(write end)
                    mov ebx, [fds+4]
                    int 0x80
                    xor edi, edi                   ; bytes of trace read
            .more:
                    mov eax, SYS_READ
                    mov ebx, [fds]
                    mov ecx, buf
                    mov edx, 4096
                    int 0x80
                    test eax, eax
                    jle .eof
                    add edi, eax
                    jmp .more
            .eof:
                    say "trace bytes: "
                    mov eax, edi
                    call print_dec
                    call print_nl
                    report SYS_WAITPID, -1, 0, 0
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            .child:
                    mov eax, 4100                  ; strace_me(write end)
                    mov ebx, [fds+4]
                    int 0x80
                    mov eax, 6                     ; close(write end): the kernel still holds it
                    mov ebx, [fds+4]
                    int 0x80
                    mov eax, 6
                    mov ebx, [fds]
                    int 0x80
                    mov eax, SYS_EXECVE
                    mov ebx, path
                    mov ecx, argv
                    xor edx, edx
                    int 0x80
            section .data
            path: db "/bin/hello", 0
            argv: dd path, 0
            section .bss
            fds: resd 2
            buf: resb 4096
            """);

    @Test
    void theKernelHoldsTheTraceFileWhileTheTracedProcessLivesAndLetsItGoAtItsExit() {
        GuestRun.Result r = new GuestRun().program("/bin/hello", HELLO).program("/bin/pipetrace", TRACE_INTO_PIPE)
                .run("/bin/pipetrace");
        String expected = String.join("\n",
                "close(4)                                = 0",
                "close(3)                                = 0",
                "execve(\"/bin/hello\", [\"/bin/hello\"], NULL) = 0",
                "write(1, \"hello\", 5)                    = 5",
                "write(1, \"\\n\", 1)                       = 1",
                "exit(3)                                 = ?",
                "+++ exited with 3 +++") + "\n";
        assertThat(r.out()).contains("hello\n").contains("trace bytes: " + expected.length() + "\n");
        assertThat(r.status()).isZero();
    }
}
