package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.kernel.core.RunResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Handlers, sigreturn, the signals that cannot be caught, and stop/continue. */
class SignalHandlerTest {
    /**
     * Every register and the arithmetic flags set to known values (only CF and DF set), then kill(getpid(), SIGUSR1) by
     * {@code entry}; the handler scrambles everything; after the call the program prints what it has.
     * EAX holds kill's result (0), EBX and ECX its arguments.
     */
    private static String registersAcrossAHandler(String entry) {
        return GuestLib.with("""
                global _start
                _start:
                        mov eax, SYS_RT_SIGACTION
                        mov ebx, SIGUSR1
                        mov ecx, action
                        xor edx, edx
                        mov esi, 8
                        int 0x80
                        mov eax, SYS_GETPID
                        int 0x80
                        mov [saved_esp], esp
                        mov ebx, eax
                        mov eax, SYS_KILL
                        mov ecx, SIGUSR1
                        mov edx, 0x33333333
                        mov esi, 0x55555555
                        mov edi, 0x77777777
                        mov ebp, 0x99999999
                        push dword 0
                        popf
                        stc
                        std
                        %s
                        pushf
                        pop dword [after_flags]
                        cld
                        mov [after], eax
                        mov [after+4], ebx
                        mov [after+8], ecx
                        mov [after+12], edx
                        mov [after+16], esi
                        mov [after+20], edi
                        mov [after+24], ebp
                        mov [after+28], esp
                        mov eax, [after]
                        call print_hex
                        call print_nl
                        mov eax, [after+4]
                        call print_hex
                        call print_nl
                        mov eax, [after+8]
                        call print_hex
                        call print_nl
                        mov eax, [after+12]
                        call print_hex
                        call print_nl
                        mov eax, [after+16]
                        call print_hex
                        call print_nl
                        mov eax, [after+20]
                        call print_hex
                        call print_nl
                        mov eax, [after+24]
                        call print_hex
                        call print_nl
                        say "esp "
                        mov eax, [after+28]
                        sub eax, [saved_esp]
                        call print_dec
                        call print_nl
                        say "flags "
                        mov eax, [after_flags]
                        and eax, 0xCD5              ; OF DF SF ZF AF PF CF
                        call print_hex
                        call print_nl
                        say "handled "
                        mov eax, [handled]
                        call print_dec
                        call print_nl
                        mov eax, SYS_EXIT
                        xor ebx, ebx
                        int 0x80
                on_usr1:
                        inc dword [handled]
                        mov eax, 0xDEAD0001
                        mov ebx, 0xDEAD0002
                        mov ecx, 0xDEAD0003
                        mov edx, 0xDEAD0004
                        mov esi, 0xDEAD0005
                        mov edi, 0xDEAD0006
                        mov ebp, 0xDEAD0007
                        cmp eax, ebx                ; CF set, ZF clear…
                        xor eax, eax                ; …then CF clear, ZF set
                        std
                        ret
                section .data
                action: dd on_usr1, 0, 0, 0, 0
                section .bss
                saved_esp: resd 1
                after: resd 8
                after_flags: resd 1
                handled: resd 1
                """.formatted(entry));
    }

    private static final String REGISTERS_INTACT = """
            00000000
            00000002
            0000000a
            33333333
            55555555
            77777777
            99999999
            esp 0
            flags 00000401
            handled 1
            """;

    @Test
    void aHandlerRunsAndSigreturnRestoresEveryRegisterAfterInt80() {
        GuestRun.Result r = new GuestRun().program("/bin/regs", registersAcrossAHandler("int 0x80")).run("/bin/regs");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo(REGISTERS_INTACT);
    }

    @Test
    void aHandlerRunsAndSigreturnRestoresEveryRegisterAfterSyscall() {
        GuestRun.Result r = new GuestRun().program("/bin/regs", registersAcrossAHandler("syscall")).run("/bin/regs");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo(REGISTERS_INTACT);
    }

    private static final String UNCATCHABLE = GuestLib.with("""
            global _start
            _start:
                    mov ebx, SIGKILL
                    call try_catch
                    mov ebx, SIGSTOP
                    call try_catch
                    say "query SIGKILL: "          ; asking, without act, is allowed
                    mov eax, SYS_RT_SIGACTION
                    mov ebx, SIGKILL
                    xor ecx, ecx
                    mov edx, old
                    mov esi, 8
                    int 0x80
                    call print_dec
                    call print_nl
                    mov eax, SYS_GETPID             ; and SIGKILL still kills
                    int 0x80
                    mov ebx, eax
                    mov eax, SYS_KILL
                    mov ecx, SIGKILL
                    int 0x80
                    say "still alive"
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            try_catch:
                    say "catch "
                    mov eax, ebx
                    call print_dec
                    say ": "
                    mov eax, SYS_RT_SIGACTION
                    mov ecx, action
                    xor edx, edx
                    mov esi, 8
                    int 0x80
                    call print_dec
                    call print_nl
                    ret
            on_signal:
                    ret
            section .data
            action: dd on_signal, 0, 0, 0, 0
            section .bss
            old: resd 5
            """);

    @Test
    void sigkillAndSigstopCannotBeCaught() {
        GuestRun.Result r = new GuestRun().program("/bin/uncatchable", UNCATCHABLE).run("/bin/uncatchable");
        assertThat(r.out()).isEqualTo("catch 9: -22\ncatch 19: -22\nquery SIGKILL: 0\n");
        assertThat(r.status()).isEqualTo(128 + 9);
    }

    /** A handler for {@code sig}, then ESP pointed at unmapped memory, then {@code trigger}. */
    private static String noRoomForAFrame(int sig, String trigger) {
        return GuestLib.with("""
                global _start
                _start:
                        mov eax, SYS_RT_SIGACTION
                        mov ebx, %d
                        mov ecx, action
                        xor edx, edx
                        mov esi, 8
                        int 0x80
                        mov eax, SYS_GETPID
                        int 0x80
                        mov ebx, eax
                        mov esp, 0x10000
                %s
                        mov eax, SYS_EXIT
                        xor ebx, ebx
                        int 0x80
                on_signal:
                        ret
                section .data
                action: dd on_signal, 0, 0, 0, 0
                """.formatted(sig, trigger));
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aSignalWhoseFrameDoesNotFitOnTheStackKillsWithSigsegv() {
        GuestRun.Result r = new GuestRun().program("/bin/nostack",
                noRoomForAFrame(10, "        mov eax, SYS_KILL\n        mov ecx, SIGUSR1\n        int 0x80"))
                .limit(50_000_000).run("/bin/nostack");
        assertThat(r.end()).isEqualTo(RunResult.SHUTDOWN);
        assertThat(r.status()).isEqualTo(128 + 11);
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aSigsegvHandlerWithoutRoomForItsFrameStillEndsTheProcessWithSigsegv() {
        GuestRun.Result r = new GuestRun().program("/bin/nostack", noRoomForAFrame(11, "        mov eax, [0]"))
                .limit(50_000_000).run("/bin/nostack");
        assertThat(r.end()).isEqualTo(RunResult.SHUTDOWN);
        assertThat(r.status()).isEqualTo(128 + 11);
    }

    /**
     * The child counts forever; the parent spins, stops it (and waits for the stop), spins, continues it
     * (and waits for that), spins, and kills it.
     */
    private static final String STOP_CONT = GuestLib.with("""
            global _start
            _start:
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .child
                    mov edi, eax
                    call spin
                    mov eax, SYS_KILL
                    mov ebx, edi
                    mov ecx, SIGSTOP
                    int 0x80
                    mov ebx, edi
                    mov edx, WUNTRACED
                    call wait_and_print
                    call spin
                    mov eax, SYS_KILL
                    mov ebx, edi
                    mov ecx, SIGCONT
                    int 0x80
                    mov ebx, edi
                    mov edx, WCONTINUED
                    call wait_and_print
                    call spin
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
            .child:
                    inc dword [count]
                    jmp .child
            spin:
                    mov ecx, 3000000
            .loop:
                    dec ecx
                    jnz .loop
                    ret
            wait_and_print:
                    mov eax, SYS_WAIT4
                    mov ecx, status
                    xor esi, esi
                    int 0x80
                    mov eax, [status]
                    call print_hex
                    call print_nl
                    ret
            section .bss
            status: resd 1
            count: resd 1
            """);

    @Test
    void sigstopAndSigcontMoveAChildBetweenStoppedAndRunnable() {
        LiveGuest guest = new LiveGuest("/bin/stopcont", STOP_CONT);
        List<Character> states = new ArrayList<>();
        RunResult end;
        while ((end = guest.run(250_000)) == RunResult.BUDGET) {
            if (guest.process(3) != null) {
                char letter = guest.process(3).stateLetter();
                if (states.isEmpty() || states.get(states.size() - 1) != letter) {
                    states.add(letter);
                }
            }
        }
        assertThat(end).isEqualTo(RunResult.SHUTDOWN);
        assertThat(guest.out()).isEqualTo("0000137f\n0000ffff\n00000009\n");
        assertThat(states).containsSubsequence('R', 'T', 'R');
        assertThat(states).doesNotContain('D');
    }
}
