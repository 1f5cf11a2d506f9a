package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.kernel.core.RunResult;
import dev.ringos.asm.elf.ElfWriter;
import dev.ringos.asm.elf.Executable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** execve(2): a new image in the same process, or an error and the old image goes on. */
class ExecTest {
    /** Prints its pid, then argc, argv and envp from its initial stack, one per line. */
    private static final String SHOW_ARGS = GuestLib.with("""
            global _start
            _start:
                    say "pid "
                    mov eax, SYS_GETPID
                    int 0x80
                    call print_dec
                    call print_nl
                    mov ebp, esp
                    say "argc "
                    mov eax, [ebp]
                    call print_dec
                    call print_nl
                    lea edi, [ebp+4]
            .argv:
                    mov esi, [edi]
                    add edi, 4
                    test esi, esi
                    jz .envp
                    say "argv ["
                    call print_str
                    say "]"
                    call print_nl
                    jmp .argv
            .envp:
                    mov esi, [edi]
                    add edi, 4
                    test esi, esi
                    jz .done
                    say "envp ["
                    call print_str
                    say "]"
                    call print_nl
                    jmp .envp
            .done:
                    mov eax, SYS_EXIT
                    mov ebx, 5
                    int 0x80
            """);

    private static final String EXEC_SHOW_ARGS = GuestLib.with("""
            global _start
            _start:
                    say "before exec, pid "
                    mov eax, SYS_GETPID
                    int 0x80
                    call print_dec
                    call print_nl
                    mov eax, SYS_EXECVE
                    mov ebx, path
                    mov ecx, argv
                    mov edx, envp
                    int 0x80
                    say "execve returned "
                    call print_dec
                    call print_nl
                    mov eax, SYS_EXIT
                    mov ebx, 1
                    int 0x80
            section .data
            path: db "/bin/show", 0
            arg0: db "show", 0
            arg1: db "two words", 0
            arg2: db 0
            arg3: db "--last=x", 0
            env0: db "HOME=/root", 0
            env1: db "PATH=/bin:/sbin", 0
            argv: dd arg0, arg1, arg2, arg3, 0
            envp: dd env0, env1, 0
            """);

    @Test
    void execReplacesTheImageAndArgvAndEnvpArriveIntact() {
        GuestRun.Result r = new GuestRun().program("/bin/show", SHOW_ARGS).program("/bin/exec", EXEC_SHOW_ARGS)
                .run("/bin/exec");
        assertThat(r.end()).isEqualTo(RunResult.SHUTDOWN);
        assertThat(r.out()).isEqualTo("""
                before exec, pid 2
                pid 2
                argc 4
                argv [show]
                argv [two words]
                argv []
                argv [--last=x]
                envp [HOME=/root]
                envp [PATH=/bin:/sbin]
                """);
        assertThat(r.status()).isEqualTo(5);
        assertThat(r.kernel().core().frames().free()).isEqualTo(r.kernel().core().frames().total());
    }

    /** A program that calls execve with the given operands and prints what it returns. */
    private static String execWith(String path, String argv, String envp) {
        return GuestLib.with("""
                global _start
                _start:
                        mov eax, SYS_EXECVE
                        mov ebx, %s
                        mov ecx, %s
                        mov edx, %s
                        int 0x80
                        say "execve returned "
                        call print_dec
                        call print_nl
                        mov eax, SYS_EXIT
                        xor ebx, ebx
                        int 0x80
                section .data
                good_path: db "/bin/show", 0
                text_path: db "/bin/text", 0
                script_path: db "/bin/script", 0
                plain_path: db "/bin/plain", 0
                missing_path: db "/bin/nothing-here", 0
                overlap_path: db "/bin/overlap", 0
                arg0: db "show", 0
                argv: dd arg0, 0
                bad_argv: dd arg0, 0x50000000, 0
                """.formatted(path, argv, envp));
    }

    private static String execveResult(String path, String argv, String envp) {
        GuestRun.Result r = new GuestRun()
                .program("/bin/show", SHOW_ARGS)
                .file("/bin/text", 0755, "echo this is text, not ELF\n".getBytes(StandardCharsets.UTF_8))
                .file("/bin/script", 0755, "#!/bin/nosuchshell\necho hi\n".getBytes(StandardCharsets.UTF_8))
                .file("/bin/plain", 0644, GuestRun.assemble("/bin/plain", SHOW_ARGS))
                .program("/bin/try", execWith(path, argv, envp))
                .run("/bin/try");
        assertThat(r.end()).isEqualTo(RunResult.SHUTDOWN);
        assertThat(r.status()).as("the old image went on and exited 0").isZero();
        return r.out();
    }

    @Test
    void aFailedExecOfSegmentsSharingAPageGivesBackEveryFrame() {
        byte[] code = {(byte) 0xB8, 1, 0, 0, 0, (byte) 0xBB, 9, 0, 0, 0, (byte) 0xCD, (byte) 0x80}; // exit(9)
        byte[] overlapping = ElfWriter.write(new Executable(0x40_1000, List.of(
                new Executable.Segment(".text", 0x40_1000, Executable.R | Executable.X, code, code.length),
                new Executable.Segment(".data", 0x40_1800, Executable.R | Executable.W, new byte[4], 4)),
                List.of()));
        GuestRun.Result r = new GuestRun().program("/bin/show", SHOW_ARGS).file("/bin/overlap", 0755, overlapping)
                .program("/bin/try", execWith("overlap_path", "argv", "0")).run("/bin/try");
        assertThat(r.end()).isEqualTo(RunResult.SHUTDOWN);
        assertThat(r.out()).startsWith("execve returned -");
        assertThat(r.kernel().core().frames().free()).isEqualTo(r.kernel().core().frames().total());
    }

    @Test
    void execOfAFileThatIsNotElfFailsWithENOEXEC() {
        assertThat(execveResult("text_path", "argv", "0")).isEqualTo("execve returned -8\n");
    }

    @Test
    void execOfAScriptWhoseInterpreterIsMissingFailsWithENOENT() {
        assertThat(execveResult("script_path", "argv", "0")).isEqualTo("execve returned -2\n");
    }

    @Test
    void execOfAMissingFileFailsWithENOENT() {
        assertThat(execveResult("missing_path", "argv", "0")).isEqualTo("execve returned -2\n");
    }

    @Test
    void execOfAFileWithoutTheExecuteBitFailsWithEACCES() {
        assertThat(execveResult("plain_path", "argv", "0")).isEqualTo("execve returned -13\n");
    }

    @Test
    void execWithANullPathFailsWithEFAULT() {
        assertThat(execveResult("0", "argv", "0")).isEqualTo("execve returned -14\n");
    }

    @Test
    void execWithAPathInTheKernelHalfFailsWithEFAULT() {
        assertThat(execveResult("0xC0000000", "argv", "0")).isEqualTo("execve returned -14\n");
    }

    @Test
    void execWithArgvInUnmappedMemoryFailsWithEFAULT() {
        assertThat(execveResult("good_path", "0x50000000", "0")).isEqualTo("execve returned -14\n");
    }

    @Test
    void execWithAnArgvStringInUnmappedMemoryFailsWithEFAULT() {
        assertThat(execveResult("good_path", "bad_argv", "0")).isEqualTo("execve returned -14\n");
    }

    @Test
    void execWithEnvpInTheKernelHalfFailsWithEFAULT() {
        assertThat(execveResult("good_path", "argv", "0xC0001000")).isEqualTo("execve returned -14\n");
    }
}
