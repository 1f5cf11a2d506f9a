package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.kernel.core.KernelConfig;
import org.junit.jupiter.api.Test;

/** Virtual time: clocks that start at a fixed boot moment, nanosleep on the virtual clock, and uname. */
class TimeTest {
    private static final String LIB = """
            SYS_NANOSLEEP equ 162
            SYS_CLOCK_GETTIME equ 265
            CLOCK_MONOTONIC equ 1
            ; elapsed_ms: eax = milliseconds since the last call (or since boot, first)
            section .bss
            ts: resd 2
            last_ms: resd 1
            section .text
            elapsed_ms:
                    push ebx
                    push ecx
                    push edx
                    mov eax, SYS_CLOCK_GETTIME
                    mov ebx, CLOCK_MONOTONIC
                    mov ecx, ts
                    int 0x80
                    mov eax, [ts]
                    mov ecx, 1000
                    mul ecx
                    mov ecx, eax
                    mov eax, [ts+4]
                    xor edx, edx
                    mov ebx, 1000000
                    div ebx
                    add eax, ecx
                    mov edx, eax
                    sub eax, [last_ms]
                    mov [last_ms], edx
                    pop edx
                    pop ecx
                    pop ebx
                    ret
            """;

    private static final String SLEEPS = GuestLib.with(LIB + """
            global _start
            _start:
                    call elapsed_ms
                    report SYS_NANOSLEEP, half, 0, 0       ; 0.5 s -> 0
                    call elapsed_ms
                    call print_dec
                    say " ms"
                    call print_nl
                    report SYS_NANOSLEEP, bad, 0, 0        ; tv_nsec = 1e9 -> EINVAL
                    report SYS_NANOSLEEP, 0, 0, 0          ; NULL -> EFAULT
                    report SYS_NANOSLEEP, zero, 0, 0       ; nothing to wait for -> 0
                    mov eax, SYS_FORK                      ; two children: the later deadline prints last
                    int 0x80
                    test eax, eax
                    jz .slow
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .fast
                    report SYS_WAITPID, -1, 0, 0
                    report SYS_WAITPID, -1, 0, 0
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            .slow:
                    mov eax, SYS_NANOSLEEP
                    mov ebx, tenth3
                    xor ecx, ecx
                    int 0x80
                    say "slow"
                    call print_nl
                    jmp .out
            .fast:
                    mov eax, SYS_NANOSLEEP
                    mov ebx, tenth
                    xor ecx, ecx
                    int 0x80
                    say "fast"
                    call print_nl
            .out:
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            section .data
            half: dd 0, 500000000
            bad: dd 0, 1000000000
            zero: dd 0, 0
            tenth: dd 0, 100000000
            tenth3: dd 0, 300000000
            """);

    @Test
    void nanosleepWaitsOnTheVirtualClockAndSleepersWakeInDeadlineOrder() {
        GuestRun.Result r = new GuestRun().program("/bin/sleeps", SLEEPS).run("/bin/sleeps");
        assertThat(r.out()).startsWith("0\n500 ms\n-22\n-14\n0\nfast\n");
        assertThat(r.out()).contains("slow\n");
        assertThat(r.out().indexOf("fast")).isLessThan(r.out().indexOf("slow"));
        assertThat(r.status()).isZero();
    }

    private static final String INTERRUPTED = GuestLib.with(LIB + """
            global _start
            _start:
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .child
                    mov edi, eax
                    report SYS_NANOSLEEP, one, 0, 0        ; the parent waits 1 s, then signals
                    report SYS_KILL, edi, SIGUSR1, 0
                    report SYS_WAITPID, edi, 0, 0
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            .child:
                    mov eax, SYS_RT_SIGACTION              ; a handler that does nothing
                    mov ebx, SIGUSR1
                    mov ecx, action
                    xor edx, edx
                    mov esi, 8
                    int 0x80
                    report SYS_NANOSLEEP, ten, left, 0     ; -> EINTR after about 1 s
                    mov eax, [left]
                    call print_dec                         ; the seconds left of 10
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            handler:
                    ret
            section .data
            one: dd 1, 0
            ten: dd 10, 0
            action: dd handler, 0x10000000, 0, 0       ; SA_RESTART: nanosleep still ends with EINTR
            section .bss
            left: resd 2
            """);

    @Test
    void aHandledSignalEndsNanosleepWithEintrEvenUnderSaRestartAndTellsTheTimeLeft() {
        GuestRun.Result r = new GuestRun().program("/bin/interrupted", INTERRUPTED).run("/bin/interrupted");
        assertThat(r.out().split("\n")).contains("-4", "8");
        assertThat(r.status()).isZero();
    }

    private static final String UNAME = GuestLib.with("""
            global _start
            _start:
                    report 122, uts, 0, 0                  ; uname -> 0
                    mov esi, uts
                    call print_str
                    call print_nl
                    mov esi, uts+65
                    call print_str
                    call print_nl
                    report 74, name, 5, 0                  ; sethostname("guest", 5) -> 0
                    report 122, uts, 0, 0
                    mov esi, uts+65
                    call print_str
                    call print_nl
                    report 74, name, 65, 0                 ; too long -> EINVAL
                    report 213, 1000, 0, 0                 ; setuid32(1000)
                    report 74, name, 5, 0                  ; not root -> EPERM
                    report 13, 0, 0, 0                     ; time(NULL): the boot moment, to the second
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            section .data
            name: db "guest"
            section .bss
            uts: resb 390
            """);

    @Test
    void unameNamesRingosAndRootMaySetTheHostname() {
        GuestRun.Result r = new GuestRun().program("/bin/uname", UNAME).run("/bin/uname");
        assertThat(r.out()).isEqualTo("0\nringos\nringos\n0\n0\nguest\n-22\n0\n-1\n"
                + KernelConfig.BOOT_EPOCH + "\n");
    }
}
