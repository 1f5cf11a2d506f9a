package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.elf.ElfReader;
import dev.ringos.asm.elf.Executable;
import dev.ringos.kernel.core.AddressSpace;
import dev.ringos.kernel.core.Frames;
import dev.ringos.kernel.core.RunResult;
import org.junit.jupiter.api.Test;

/** fork(2): two processes from one, their memory shared copy-on-write until either side writes. */
class ForkAndCopyOnWriteTest {
    private static final String FORK_RETURNS = GuestLib.with("""
            global _start
            _start:
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .child
                    mov edi, eax
                    mov eax, SYS_WAIT4
                    mov ebx, edi
                    xor ecx, ecx
                    xor edx, edx
                    xor esi, esi
                    int 0x80
                    say "parent: fork returned "
                    mov eax, edi
                    call print_dec
                    say " getpid "
                    mov eax, SYS_GETPID
                    int 0x80
                    call print_dec
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            .child:
                    say "child: fork returned "
                    call print_dec
                    say " getpid "
                    mov eax, SYS_GETPID
                    int 0x80
                    call print_dec
                    say " getppid "
                    mov eax, SYS_GETPPID
                    int 0x80
                    call print_dec
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            """);

    @Test
    void forkReturnsZeroInTheChildAndTheChildsPidInTheParent() {
        GuestRun.Result r = new GuestRun().program("/bin/fork", FORK_RETURNS).run("/bin/fork");
        assertThat(r.end()).isEqualTo(RunResult.SHUTDOWN);
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("""
                child: fork returned 0 getpid 3 getppid 2
                parent: fork returned 3 getpid 2
                """);
    }

    /** The parent writes right after fork and then waits; the child looks, writes, and exits. */
    private static final String WRITES = GuestLib.with("""
            global _start
            _start:
                    mov dword [value], 1
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .child
                    mov dword [value], 7
                    mov edi, eax
                    mov eax, SYS_WAIT4
                    mov ebx, edi
                    xor ecx, ecx
                    xor edx, edx
                    xor esi, esi
                    int 0x80
                    say "parent sees "
                    mov eax, [value]
                    call print_dec
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            .child:
                    say "child sees "
                    mov eax, [value]
                    call print_dec
                    mov dword [value], 2
                    say " then its own "
                    mov eax, [value]
                    call print_dec
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            section .data
            value: dd 0
            """);

    @Test
    void writesOnEitherSideOfAForkAreInvisibleToTheOther() {
        GuestRun.Result r = new GuestRun().program("/bin/cow", WRITES).run("/bin/cow");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("""
                child sees 1 then its own 2
                parent sees 7
                """);
    }

    /**
     * Both sides park in pause() right after fork; the host wakes the child with SIGUSR1, the child
     * writes the data page and parks again. The child writes its stack and the library's .bss
     * before its first pause so that the signal frame and its printing need no new page, and returns from its handler through its own
     * restorer in .text (not the not-yet-touched vDSO page), and the parent has touched every page
     * the child's printing needs: between the two looks the only frame allocated is the copy of
     * the data page.
     */
    private static final String SHARED_UNTIL_WRITTEN = GuestLib.with("""
            global _start
            _start:
                    mov eax, SYS_RT_SIGACTION
                    mov ebx, SIGUSR1
                    mov ecx, action
                    xor edx, edx
                    mov esi, 8
                    int 0x80
                    mov dword [shared], 0x11111111
                    mov eax, [lib_hex]              ; the library's .rodata and .bss, in before fork
                    mov [lib_number], eax
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .child
                    mov edi, eax
                    mov eax, SYS_PAUSE
                    int 0x80
                    mov eax, SYS_WAIT4
                    mov ebx, edi
                    xor ecx, ecx
                    xor edx, edx
                    xor esi, esi
                    int 0x80
                    say "parent sees "
                    mov eax, [shared]
                    call print_hex
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            .child:
                    mov [esp-512], eax              ; its own stack and library .bss, before the first look
                    push eax
                    pop eax
                    mov [lib_number], eax
                    mov eax, SYS_PAUSE
                    int 0x80
                    mov dword [shared], 0x22222222
                    say "child sees "
                    mov eax, [shared]
                    call print_hex
                    call print_nl
                    mov eax, SYS_PAUSE
                    int 0x80
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
            shared: dd 0
            """);

    @Test
    void parentAndChildShareADataFrameUntilTheChildWritesIt() throws Exception {
        byte[] elf = GuestRun.assemble("/bin/share", SHARED_UNTIL_WRITTEN);
        Executable exe = ElfReader.read(elf);
        int shared = symbol(exe, "shared");
        int text = symbol(exe, "_start");
        LiveGuest guest = new LiveGuest("/bin/share", SHARED_UNTIL_WRITTEN);
        Frames frames = guest.kernel.core().frames();

        assertThat(guest.runUntilQuiet(50_000_000)).isEqualTo(RunResult.DEADLOCK);
        AddressSpace parent = guest.process(2).task().space();
        AddressSpace child = guest.process(3).task().space();
        assertThat(guest.process(2).stateLetter()).isEqualTo('S');
        assertThat(guest.process(3).stateLetter()).isEqualTo('S');
        int frame = parent.frameAt(shared);
        assertThat(frame).isPositive();
        assertThat(child.frameAt(shared)).isEqualTo(frame);
        assertThat(frames.refCount(frame)).isEqualTo(2);
        assertThat(child.frameAt(text)).isEqualTo(parent.frameAt(text));
        assertThat(frames.refCount(parent.frameAt(text))).isEqualTo(2);
        int freeBeforeWrite = frames.free();

        guest.kill(3, 10);
        assertThat(guest.runUntilQuiet(50_000_000)).isEqualTo(RunResult.DEADLOCK);
        assertThat(guest.out()).isEqualTo("child sees 22222222\n");
        int parentFrame = parent.frameAt(shared);
        int childFrame = child.frameAt(shared);
        assertThat(parentFrame).isEqualTo(frame);
        assertThat(childFrame).isPositive().isNotEqualTo(parentFrame);
        assertThat(frames.refCount(parentFrame)).isEqualTo(1);
        assertThat(frames.refCount(childFrame)).isEqualTo(1);
        assertThat(frames.free()).isEqualTo(freeBeforeWrite - 1);
        assertThat(child.frameAt(text)).isEqualTo(parent.frameAt(text));
        assertThat(frames.refCount(parent.frameAt(text))).isEqualTo(2);

        guest.kill(3, 9);
        guest.kill(2, 10);
        assertThat(guest.runUntilQuiet(50_000_000)).isEqualTo(RunResult.SHUTDOWN);
        assertThat(guest.out()).isEqualTo("child sees 22222222\nparent sees 11111111\n");
        assertThat(guest.kernel.core().shutdownStatus()).isZero();
        assertThat(frames.free()).isEqualTo(frames.total());
    }

    static int symbol(Executable exe, String name) {
        return exe.symbols().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().value();
    }
}
