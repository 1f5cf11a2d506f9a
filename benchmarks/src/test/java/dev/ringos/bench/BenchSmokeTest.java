package dev.ringos.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs each kernel benchmark's setup and one invocation of its body, untimed, and checks that
 * the guest did the work the benchmark claims: the loop counter advanced by exactly the batch,
 * guest instructions and cycles advanced in the expected proportion, and the machine is still
 * running (no panic, no exit). Keeps the benchmarks from rotting as the kernel changes.
 */
class BenchSmokeTest {
    @ParameterizedTest
    @ValueSource(strings = {"syscall", "int80"})
    void nullSyscall(String entry) {
        NullSyscallBench bench = new NullSyscallBench();
        bench.entry = entry;
        bench.boot();
        // mov eax, 20; syscall; inc ebp; jmp: four instructions per getpid.
        assertEquals(4.0, bench.guest.instructionsPerIteration(), 0.01);
        assertBatch(bench.guest, NullSyscallBench.BATCH, () -> bench.getpid(new GuestWork()));
    }

    @Test
    void forkExitWait() {
        ForkExitWaitBench bench = new ForkExitWaitBench();
        bench.boot();
        assertBatch(bench.guest, ForkExitWaitBench.BATCH, () -> bench.forkExitWait(new GuestWork()));
    }

    @Test
    void ipcCall() {
        IpcCallBench bench = new IpcCallBench();
        bench.boot();
        assertBatch(bench.guest, IpcCallBench.BATCH, () -> bench.roundTrip(new GuestWork()));
    }

    @Test
    void pipeLatency() {
        PipeBench.Latency state = new PipeBench.Latency();
        state.boot();
        assertBatch(state.guest, PipeBench.LAT_BATCH, () -> new PipeBench().latPipe(state, new GuestWork()));
    }

    @Test
    void pipeBandwidth() {
        PipeBench.Bandwidth state = new PipeBench.Bandwidth();
        state.boot();
        assertBatch(state.guest, PipeBench.BW_BATCH, () -> new PipeBench().bwPipe(state, new GuestWork()));
    }

    @Test
    void bootReachesThePrompt() {
        BootBench bench = new BootBench();
        bench.bootToPrompt();
        assertTrue(bench.shown.endsWith("/# "), "the screen showed: " + bench.shown);
    }

    private static void assertBatch(GuestKernel guest, int batch, Runnable body) {
        long n0 = guest.counted();
        long i0 = guest.instructions();
        long c0 = guest.cycles();
        body.run();
        long n = guest.counted() - n0;
        assertTrue(n >= batch && n <= batch + 1, "iterations done: " + n + ", batch " + batch);
        double instructions = (double) (guest.instructions() - i0) / n;
        double cycles = (double) (guest.cycles() - c0) / n;
        assertEquals(guest.instructionsPerIteration(), instructions, guest.instructionsPerIteration() * 0.05 + 1,
                "guest instructions per iteration");
        assertTrue(cycles > instructions, "cycles " + cycles + " per iteration, instructions " + instructions);
        assertTrue(guest.kernel.core().panicReason() == null, guest.kernel.core().panicReason());
        assertTrue(!guest.kernel.core().isShutdown(), "the machine shut down");
    }
}
