package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.pm.Process;
import org.junit.jupiter.api.Test;

/** wait4(2): zombies, WNOHANG, ECHILD, Linux's status encoding, and orphans going to init. */
class WaitTest {
    /** The child exits 7 at once; the parent spins (about 20M cycles) before it waits. */
    private static final String LATE_WAIT = GuestLib.with("""
            global _start
            _start:
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .child
                    mov edi, eax
                    mov ecx, 5000000
            .spin:
                    dec ecx
                    jnz .spin
                    mov eax, SYS_WAIT4
                    mov ebx, edi
                    mov ecx, status
                    xor edx, edx
                    xor esi, esi
                    int 0x80
                    call print_dec
                    say " status "
                    mov eax, [status]
                    call print_hex
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            .child:
                    mov eax, SYS_EXIT
                    mov ebx, 7
                    int 0x80
            section .bss
            status: resd 1
            """);

    @Test
    void anExitedChildIsAZombieUntilItsParentWaits() {
        LiveGuest guest = new LiveGuest("/bin/late", LATE_WAIT);
        boolean sawZombie = false;
        while (guest.run(200_000) == RunResult.BUDGET) {
            Process child = guest.process(3);
            if (child != null && child.isZombie()) {
                sawZombie = true;
                assertThat(child.stateLetter()).isEqualTo('Z');
                assertThat(guest.process(2).isZombie()).isFalse();
                assertThat(guest.process(2).stateLetter()).isEqualTo('R');
                assertThat(child.ppid()).isEqualTo(2);
            }
            if (sawZombie && child == null) {
                break;
            }
        }
        assertThat(sawZombie).isTrue();
        assertThat(guest.runUntilQuiet(100_000_000)).isEqualTo(RunResult.SHUTDOWN);
        assertThat(guest.out()).isEqualTo("3 status 00000700\n");
        assertThat(guest.process(3)).as("reaped").isNull();
    }

    private static final String NOHANG = GuestLib.with("""
            global _start
            _start:
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .child
                    mov edi, eax
                    mov eax, SYS_WAIT4
                    mov ebx, -1
                    mov ecx, status
                    mov edx, WNOHANG
                    xor esi, esi
                    int 0x80
                    say "WNOHANG: "
                    call print_dec
                    call print_nl
                    mov eax, SYS_WAIT4
                    mov ebx, -1
                    mov ecx, status
                    xor edx, edx
                    xor esi, esi
                    int 0x80
                    say "wait: "
                    call print_dec
                    say " status "
                    mov eax, [status]
                    call print_hex
                    call print_nl
                    mov eax, SYS_WAITPID
                    mov ebx, -1
                    mov ecx, status
                    mov edx, WNOHANG
                    int 0x80
                    say "no children left: "
                    call print_dec
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            .child:
                    mov ecx, 1000000
            .spin:
                    dec ecx
                    jnz .spin
                    mov eax, SYS_EXIT
                    mov ebx, 5
                    int 0x80
            section .bss
            status: resd 1
            """);

    @Test
    void wnohangReturnsZeroWhileTheChildRunsAndEchildOnceNoneAreLeft() {
        GuestRun.Result r = new GuestRun().program("/bin/nohang", NOHANG).run("/bin/nohang");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("""
                WNOHANG: 0
                wait: 3 status 00000500
                no children left: -10
                """);
    }

    private static final String CHILDLESS = GuestLib.with("""
            global _start
            _start:
                    mov eax, SYS_WAIT4
                    mov ebx, -1
                    xor ecx, ecx
                    xor edx, edx
                    xor esi, esi
                    int 0x80
                    call print_dec
                    call print_nl
                    mov eax, SYS_WAIT4
                    mov ebx, 42
                    xor ecx, ecx
                    xor edx, edx
                    xor esi, esi
                    int 0x80
                    call print_dec
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            """);

    @Test
    void waitWithoutChildrenFailsWithEchild() {
        GuestRun.Result r = new GuestRun().program("/bin/childless", CHILDLESS).run("/bin/childless");
        assertThat(r.out()).isEqualTo("-10\n-10\n");
    }

    /**
     * Four children ended four ways, each status printed raw: exit(3); SIGKILL from the parent;
     * a NULL dereference (SIGSEGV); stopped by SIGSTOP (WUNTRACED), continued (WCONTINUED).
     */
    private static final String STATUSES = GuestLib.with("""
            global _start
            _start:
                    mov eax, SYS_FORK           ; 1: exit(3)
                    int 0x80
                    test eax, eax
                    jnz .reap_exit
                    mov eax, SYS_EXIT
                    mov ebx, 3
                    int 0x80
            .reap_exit:
                    mov ebx, eax
                    xor edx, edx
                    call wait_and_print

                    mov eax, SYS_FORK           ; 2: killed by SIGKILL
                    int 0x80
                    test eax, eax
                    jz forever
                    mov ebx, eax
                    mov ecx, SIGKILL
                    mov eax, SYS_KILL
                    int 0x80
                    xor edx, edx
                    call wait_and_print

                    mov eax, SYS_FORK           ; 3: SIGSEGV
                    int 0x80
                    test eax, eax
                    jnz .reap_segv
                    mov eax, [0]
            .reap_segv:
                    mov ebx, eax
                    xor edx, edx
                    call wait_and_print

                    mov eax, SYS_FORK           ; 4: stopped, continued, killed
                    int 0x80
                    test eax, eax
                    jz forever
                    mov edi, eax
                    mov eax, SYS_KILL
                    mov ebx, edi
                    mov ecx, SIGSTOP
                    int 0x80
                    mov ebx, edi
                    mov edx, WUNTRACED
                    call wait_and_print
                    mov eax, SYS_KILL
                    mov ebx, edi
                    mov ecx, SIGCONT
                    int 0x80
                    mov ebx, edi
                    mov edx, WCONTINUED
                    call wait_and_print
                    mov eax, SYS_KILL
                    mov ebx, edi
                    mov ecx, SIGKILL
                    int 0x80
                    mov ebx, edi
                    xor edx, edx
                    call wait_and_print
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80

            forever:
                    jmp forever

            ; wait4(ebx, &status, edx, NULL); prints "status XXXXXXXX"
            wait_and_print:
                    mov eax, SYS_WAIT4
                    mov ecx, status
                    xor esi, esi
                    int 0x80
                    say "status "
                    mov eax, [status]
                    call print_hex
                    call print_nl
                    ret
            section .bss
            status: resd 1
            """);

    @Test
    void waitStatusesAreEncodedAsOnLinux() {
        GuestRun.Result r = new GuestRun().program("/bin/statuses", STATUSES).run("/bin/statuses");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("""
                status 00000300
                status 00000009
                status 0000000b
                status 0000137f
                status 0000ffff
                status 00000009
                """);
    }

    /**
     * The program's child forks a grandchild and exits at once; the grandchild yields until its
     * parent is init, prints getppid, and exits; the program yields long enough for that, then exits.
     */
    private static final String ORPHAN = GuestLib.with("""
            global _start
            _start:
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .child
                    mov ebx, eax
                    mov eax, SYS_WAIT4
                    xor ecx, ecx
                    xor edx, edx
                    xor esi, esi
                    int 0x80
                    mov edi, 200
            .linger:
                    mov eax, SYS_SCHED_YIELD
                    int 0x80
                    dec edi
                    jnz .linger
                    say "parent done"
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            .child:
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .grandchild
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            .grandchild:
                    mov eax, SYS_GETPPID
                    int 0x80
                    cmp eax, 1
                    je .adopted
                    mov eax, SYS_SCHED_YIELD
                    int 0x80
                    jmp .grandchild
            .adopted:
                    say "orphan's parent is "
                    call print_dec
                    call print_nl
                    mov eax, SYS_EXIT
                    mov ebx, 9
                    int 0x80
            """);

    @Test
    void orphansAreAdoptedByInitAndReaped() {
        GuestRun.Result r = new GuestRun().program("/bin/orphan", ORPHAN).run("/bin/orphan");
        assertThat(r.end()).isEqualTo(RunResult.SHUTDOWN);
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("orphan's parent is 1\nparent done\n");
        assertThat(r.kernel().processes().processes()).extracting(Process::pid).containsExactly(1);
        assertThat(r.kernel().processes().processes()).filteredOn(p -> p.pid() != 1)
                .noneMatch(Process::isZombie);
    }
}
