package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.kernel.core.Frames;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.vfs.CpioEntry;
import org.junit.jupiter.api.Test;

/** Processes come and go without leaving frames behind. */
class NoLeakTest {
    /**
     * Parks in pause() (the host looks), runs 10,000 fork/exit/wait cycles, parks again (the host
     * looks again), then exits. Before the first look it has written every page it will write
     * later (its stack as deep as a signal frame goes), and its SIGUSR1 handler returns through a
     * restorer in .text: between the looks the program's own memory cannot grow, so any change in
     * the free count is a leak. {@code %CHILD%} is where a test puts what the child does before
     * it exits.
     */
    private static final String FORK_LOOP = GuestLib.with("""
            global _start
            _start:
                    mov eax, SYS_RT_SIGACTION
                    mov ebx, SIGUSR1
                    mov ecx, action
                    xor edx, edx
                    mov esi, 8
                    int 0x80
                    mov [esp-512], eax
                    push eax
                    pop eax
                    mov eax, SYS_PAUSE
                    int 0x80
                    mov edi, 10000
            .loop:
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .child
                    js .failed
                    mov ebx, eax
                    mov eax, SYS_WAIT4
                    xor ecx, ecx
                    xor edx, edx
                    xor esi, esi
                    int 0x80
                    dec edi
                    jnz .loop
                    mov eax, SYS_PAUSE
                    int 0x80
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            .failed:
                    mov eax, SYS_EXIT
                    mov ebx, 1
                    int 0x80
            .child:
            %CHILD%
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            on_usr1:
                    ret
            restorer:
                    pop eax
                    mov eax, SYS_SIGRETURN
                    int 0x80
            section .data
            action: dd on_usr1, SA_RESTORER, restorer, 0, 0
            """);

    @Test
    void tenThousandForkExitWaitCyclesGiveBackEveryFrame() {
        assertNoLeak(new LiveGuest("/bin/forkloop", FORK_LOOP.replace("%CHILD%", "")));
    }

    /** The same loop (a thousand times) with each child exec'ing a program that prints a dot and exits. */
    @Test
    void forkExecExitWaitCyclesGiveBackEveryFrame() {
        String exec = """
                    mov eax, SYS_EXECVE
                    mov ebx, true_path
                    mov ecx, true_argv
                    xor edx, edx
                    int 0x80
            """;
        String source = FORK_LOOP.replace("%CHILD%", exec).replace("mov edi, 10000", "mov edi, 1000") + """
            true_path: db "/bin/true", 0
            true_argv: dd true_path, 0
            """;
        byte[] trueProgram = GuestRun.assemble("/bin/true", """
                global _start
                _start:
                        mov eax, 4
                        mov ebx, 1
                        mov ecx, dot
                        mov edx, 1
                        int 0x80
                        mov eax, 1
                        xor ebx, ebx
                        int 0x80
                section .rodata
                dot: db "."
                """);
        LiveGuest guest = new LiveGuest(KernelConfig.defaults(), "/bin/forkexec", source,
                new CpioEntry("/bin/true", CpioEntry.S_IFREG | 0755, trueProgram));
        assertNoLeak(guest);
        assertThat(guest.out()).isEqualTo(".".repeat(1000));
    }

    private static void assertNoLeak(LiveGuest guest) {
        Frames frames = guest.kernel.core().frames();

        assertThat(guest.runUntilQuiet(100_000_000)).isEqualTo(RunResult.DEADLOCK);
        assertThat(guest.process(2).stateLetter()).isEqualTo('S');
        int before = frames.free();
        int pidsBefore = guest.kernel.processes().processes().size();

        guest.kill(2, 10);
        assertThat(guest.runUntilQuiet(10_000_000_000L)).isEqualTo(RunResult.DEADLOCK);
        assertThat(guest.process(2).stateLetter()).isEqualTo('S');
        assertThat(guest.kernel.processes().processes()).hasSize(pidsBefore);
        assertThat(guest.kernel.core().calls().tasks()).hasSize(pidsBefore);
        assertThat(frames.free()).isEqualTo(before);

        guest.kill(2, 10);
        assertThat(guest.runUntilQuiet(100_000_000)).isEqualTo(RunResult.SHUTDOWN);
        assertThat(guest.kernel.core().shutdownStatus()).isZero();
        // Init has exited too: no address space is left, so every frame is free.
        assertThat(frames.free()).isEqualTo(frames.total());
    }
}
