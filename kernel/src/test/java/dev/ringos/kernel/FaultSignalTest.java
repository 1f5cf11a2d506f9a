package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.KernelTrace;
import dev.ringos.kernel.core.RunResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Faults in ring 3 become signals and the process dies of them; the shell-style status is 128 + the
 * signal, and with the trap trace on the line names the vector.
 */
class FaultSignalTest {
    /** What came of running {@code body} as a program, with the trap trace on. */
    private record Outcome(int status, String out, List<String> traps) {
    }

    private static Outcome run(String body) {
        List<String> traps = new ArrayList<>();
        KernelConfig config = KernelConfig.defaults()
                .withTrace(new KernelTrace(EnumSet.of(KernelTrace.Category.TRAP), traps::add));
        String source = GuestLib.with("""
                global _start
                _start:
                        say "before"
                        call print_nl
                %s
                        say "after"
                        call print_nl
                        mov eax, SYS_EXIT
                        xor ebx, ebx
                        int 0x80
                section .data
                data_word: dd 0xC3C3C3C3
                """.formatted(body));
        GuestRun.Result r = new GuestRun().config(config).program("/bin/fault", source).run("/bin/fault");
        assertThat(r.end()).isEqualTo(RunResult.SHUTDOWN);
        return new Outcome(r.status(), r.out(), traps);
    }

    private static void assertDiesOf(String body, int status, String vector) {
        Outcome o = run(body);
        assertThat(o.status()).isEqualTo(status);
        assertThat(o.out()).isEqualTo("before\n");
        assertThat(o.traps()).anySatisfy(line -> assertThat(line).contains("fault[2] " + vector)
                .endsWith("-> signal " + (status - 128)));
    }

    @Test
    void aNullDereferenceIsSegv() {
        assertDiesOf("        mov eax, [0]", 139, "#PF");
    }

    @Test
    void aWriteToTextIsSegv() {
        assertDiesOf("        mov dword [_start], 0", 139, "#PF");
    }

    @Test
    void aJumpIntoDataIsSegvBecauseDataIsNotExecutable() {
        assertDiesOf("        jmp data_word", 139, "#PF");
    }

    @Test
    void aJumpIntoTheKernelHalfIsSegv() {
        assertDiesOf("        jmp 0xC0004000", 139, "#PF");
    }

    @Test
    void hltInRingThreeIsSegv() {
        assertDiesOf("        hlt", 139, "#GP");
    }

    @Test
    void cliInRingThreeIsSegv() {
        assertDiesOf("        cli", 139, "#GP");
    }

    @Test
    void anIntToAnExceptionVectorFromRingThreeIsSegv() {
        assertDiesOf("        int 0x0d", 139, "#GP");
    }

    @Test
    void divisionByZeroIsSigfpe() {
        assertDiesOf("        xor edx, edx\n        mov eax, 1\n        xor ecx, ecx\n        div ecx", 136, "#DE");
    }

    @Test
    void ud2IsSigill() {
        assertDiesOf("        ud2", 132, "#UD");
    }

    @Test
    void int3IsSigtrap() {
        assertDiesOf("        int3", 133, "#BP");
    }

    @Test
    void withoutAFaultTheProgramRunsToTheEndAndNoTrapIsTraced() {
        Outcome o = run("        nop");
        assertThat(o.status()).isZero();
        assertThat(o.out()).isEqualTo("before\nafter\n");
        assertThat(o.traps()).isEmpty();
    }
}
