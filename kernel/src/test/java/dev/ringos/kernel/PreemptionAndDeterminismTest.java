package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.KernelTrace;
import dev.ringos.kernel.core.RunResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timer preempts endless loops, and a run is a function of its inputs alone. */
class PreemptionAndDeterminismTest {
    /** Parent and child each count in their own copy of {@code counter} and print a letter every 20,000. */
    private static final String TWO_LOOPS = GuestLib.with("""
            global _start
            _start:
                    mov eax, SYS_FORK
                    int 0x80
                    mov esi, parent_mark
                    test eax, eax
                    jnz .loop
                    mov esi, child_mark
            .loop:
                    inc dword [counter]
                    mov eax, [counter]
                    xor edx, edx
                    mov ecx, 20000
                    div ecx
                    test edx, edx
                    jnz .loop
                    call print_str
                    jmp .loop
            section .data
            parent_mark: db "p", 0
            child_mark: db "c", 0
            counter: dd 0
            """);

    @Test
    void twoEndlessLoopsBothMakeProgressUnderASmallQuantum() {
        GuestRun.Result r = new GuestRun().config(KernelConfig.defaults().withQuantum(10_000))
                .program("/bin/loops", TWO_LOOPS).limit(20_000_000).run("/bin/loops");
        assertThat(r.end()).isEqualTo(RunResult.BUDGET);
        long parent = r.out().chars().filter(c -> c == 'p').count();
        long child = r.out().chars().filter(c -> c == 'c').count();
        assertThat(parent).isGreaterThanOrEqualTo(3);
        assertThat(child).isGreaterThanOrEqualTo(3);
        assertThat(Math.abs(parent - child)).isLessThanOrEqualTo(Math.max(parent, child) / 2);
        assertThat(r.kernel().core().contextSwitches()).isGreaterThan(1_000);
    }

    /** Forks three children that fault, exit and print in turn, with page faults and preemption. */
    private static final String BUSY = GuestLib.with("""
            global _start
            _start:
                    mov edi, 3
            .fork:
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .child
                    dec edi
                    jnz .fork
            .reap:
                    mov eax, SYS_WAIT4
                    mov ebx, -1
                    mov ecx, status
                    xor edx, edx
                    xor esi, esi
                    int 0x80
                    test eax, eax
                    js .done
                    call print_dec
                    say " "
                    mov eax, [status]
                    call print_hex
                    call print_nl
                    jmp .reap
            .done:
                    mov eax, SYS_EXIT
                    mov ebx, 4
                    int 0x80
            .child:
                    mov ecx, 30000
            .work:
                    mov [buffer + ecx*4], ecx
                    dec ecx
                    jnz .work
                    say "child "
                    mov eax, edi
                    call print_dec
                    call print_nl
                    cmp edi, 2
                    jne .exit
                    mov eax, [0]
            .exit:
                    mov eax, SYS_EXIT
                    mov ebx, edi
                    int 0x80
            section .bss
            status: resd 1
            buffer: resd 30001
            """);

    private record Observed(String out, List<String> strace, List<String> kernelTrace, long cycles,
            long instructions, long contextSwitches, int status) {
    }

    private static Observed observe() {
        List<String> kernelTrace = new ArrayList<>();
        KernelConfig config = KernelConfig.defaults().withQuantum(20_000)
                .withTrace(new KernelTrace(EnumSet.allOf(KernelTrace.Category.class), kernelTrace::add));
        GuestRun.Result r = new GuestRun().config(config).strace().program("/bin/busy", BUSY).run("/bin/busy");
        assertThat(r.end()).isEqualTo(RunResult.SHUTDOWN);
        return new Observed(r.out(), r.trace(), kernelTrace, r.kernel().core().cycles(),
                r.kernel().core().instructions(), r.kernel().core().contextSwitches(), r.status());
    }

    @Test
    void theSameProgramRunTwiceGivesIdenticalOutputTracesAndCounts() {
        Observed first = observe();
        Observed second = observe();
        assertThat(first.status()).isEqualTo(4);
        assertThat(first.out()).contains("child 1\n", "child 2\n", "child 3\n");
        assertThat(first.strace()).anyMatch(line -> line.contains("fork"));
        assertThat(first.kernelTrace()).anyMatch(line -> line.contains("sched: switch"))
                .anyMatch(line -> line.contains("mm: "))
                .anyMatch(line -> line.contains("trap: "));
        assertThat(first.contextSwitches()).isGreaterThan(10);
        assertThat(second).isEqualTo(first);
    }
}
