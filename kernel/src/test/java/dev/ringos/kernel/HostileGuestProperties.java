package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.elf.ElfWriter;
import dev.ringos.asm.elf.Executable;
import dev.ringos.kernel.core.Frames;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.pm.Process;
import dev.ringos.kernel.servers.vfs.CpioEntry;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever a program does, the kernel survives it: random machine code, random code with
 * syscalls sprinkled in, and runs of random syscalls with random (often bad) pointers. Each run
 * is bounded in cycles; no Java exception may come out of the kernel, and the machine ends
 * shut down, out of budget or with everyone asleep — never in a panic.
 */
class HostileGuestProperties {
    /** Enough for a run to get going, small enough for thousands of tries. */
    static final long CYCLES = 200_000;
    static final int TEXT = 0x40_1000, DATA = 0x40_2000;
    /** Small memory, so fork bombs meet ENOMEM quickly. */
    static final KernelConfig CONFIG = KernelConfig.defaults().withMemory(4 << 20).withQuantum(5_000);

    /** Syscall numbers ringos implements, and a few it does not. */
    private static final Integer[] NUMBERS = {1, 2, 3, 4, 5, 6, 7, 11, 20, 29, 37, 41, 45, 48, 57, 63, 64, 65, 66,
        67, 73, 114, 119, 126, 132, 147, 158, 173, 174, 175, 176, 190, 224, 252, 0, 999, 0x1000, -1};

    @Property(tries = 4000)
    void randomCodeNeverBreaksTheKernel(@ForAll("code") byte[] text) {
        survives(text);
    }

    @Property(tries = 3000)
    void randomCodeWithSyscallsSprinkledInNeverBreaksTheKernel(@ForAll("codeWithSyscalls") byte[] text) {
        survives(text);
    }

    @Property(tries = 3000)
    void randomSyscallsWithRandomPointersNeverBreakTheKernel(@ForAll("syscalls") byte[] text) {
        survives(text);
    }

    @Provide
    Arbitrary<byte[]> code() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(256);
    }

    /** Random bytes with syscalls among them, and now and then ESP set to a random value. */
    @Provide
    Arbitrary<byte[]> codeWithSyscalls() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(12);
        Arbitrary<byte[]> moveStack = value().map(v -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            movImmediate(out, 0xBC, v); // mov esp, v
            return out.toByteArray();
        });
        return Arbitraries.frequencyOf(Tuple.of(6, noise), Tuple.of(6, syscall()), Tuple.of(1, moveStack))
                .list().ofMinSize(1).ofMaxSize(24).map(HostileGuestProperties::concat);
    }

    /** Random syscalls, over and over: the sequence ends with a jump back to its start. */
    @Provide
    Arbitrary<byte[]> syscalls() {
        return syscall().list().ofMinSize(1).ofMaxSize(24).map(HostileGuestProperties::concat).map(body -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(body);
            movImmediate(out, 0xE9, -(body.length + 5)); // jmp rel32 back to the first byte
            return out.toByteArray();
        });
    }

    /** {@code mov eax, NR; mov ebx/ecx/edx/esi/edi/ebp, random values; then int 0x80 or syscall}. */
    private static Arbitrary<byte[]> syscall() {
        Arbitrary<Integer> number = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(NUMBERS)),
                Tuple.of(1, Arbitraries.integers()));
        Arbitrary<List<Integer>> args = value().list().ofSize(6);
        Arbitrary<Boolean> viaSyscall = Arbitraries.of(false, true);
        return Combinators.combine(number, args, viaSyscall).as((nr, a, fast) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            movImmediate(out, 0xB8, nr);
            int[] opcodes = {0xBB, 0xB9, 0xBA, 0xBE, 0xBF, 0xBD}; // ebx ecx edx esi edi ebp
            for (int i = 0; i < 6; i++) {
                movImmediate(out, opcodes[i], a.get(i));
            }
            if (fast) {
                out.write(0x0F);
                out.write(0x05);
            } else {
                out.write(0xCD);
                out.write(0x80);
            }
            return out.toByteArray();
        });
    }

    /** Register values worth trying: small numbers, good and bad pointers, anything. */
    private static Arbitrary<Integer> value() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-2, 70),
                Arbitraries.integers().between(DATA, DATA + 0x1000),
                Arbitraries.integers().between(TEXT, TEXT + 0x1000),
                Arbitraries.integers().between(0xBFFF_E000, 0xBFFF_EFFF),
                Arbitraries.of(0, 0xFFF, 0x1000, 0xBFFF_F000, 0xBFFF_FFFC, 0xC000_0000, 0xFFFF_FFFF, 0x7FFF_FFFF,
                        0x8000_0000, 0x40_0000),
                Arbitraries.integers());
    }

    private static void movImmediate(ByteArrayOutputStream out, int opcode, int value) {
        out.write(opcode);
        for (int i = 0; i < 4; i++) {
            out.write(value >>> (8 * i));
        }
    }

    private static byte[] concat(List<byte[]> pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pieces.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Runs each try on its own thread, so that a kernel stuck in a loop fails the try instead of hanging the build. */
    private static final ExecutorService WATCHDOG = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hostile guest");
        t.setDaemon(true);
        return t;
    });

    static void survives(byte[] text) {
        Future<List<Object>> run = WATCHDOG.submit(() -> runUnderKernel(text));
        try {
            Statistics.collect(run.get(20, TimeUnit.SECONDS).toArray());
        } catch (TimeoutException e) {
            throw new AssertionError("the kernel did not come back from a " + CYCLES + "-cycle run in 20 s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw new AssertionError("the kernel threw", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Runs {@code text} as a program's .text (with a page of .data) under a fresh kernel; returns
     * what to count in the statistics.
     */
    private static List<Object> runUnderKernel(byte[] text) {
        Executable exe = new Executable(TEXT, List.of(
                new Executable.Segment(".text", TEXT, Executable.R | Executable.X, text, text.length),
                new Executable.Segment(".data", DATA, Executable.R | Executable.W, new byte[64], 0x1000)),
                List.of());
        List<CpioEntry> image = Kernel.runImage("/bin/random", ElfWriter.write(exe));
        Kernel kernel = new Kernel(CONFIG, image, new CapturedConsole(""), line -> { });
        assertThat(kernel.start(List.of(Kernel.INIT, "/bin/random"), List.of(), false)).isZero();
        RunResult end = RunResult.BUDGET;
        while (end == RunResult.BUDGET && kernel.core().cycles() < CYCLES) {
            end = kernel.run(CYCLES - kernel.core().cycles());
        }
        assertThat(end).as("panic: %s", kernel.core().panicReason())
                .isIn(RunResult.SHUTDOWN, RunResult.BUDGET, RunResult.DEADLOCK);
        Process program = kernel.processes().process(2);
        boolean ran = program == null || program.task().name().equals("random") && program.task().userCycles() > 0;
        List<Object> statistics = List.of(end, ran ? "the program ran" : "the program did not get to run",
                kernel.processes().processes().size() > 2 ? "it forked" : "");
        Frames frames = kernel.core().frames();
        assertThat(frames.free()).isBetween(0, frames.total());
        if (end == RunResult.SHUTDOWN && kernel.processes().processes().stream().allMatch(Process::isZombie)) {
            assertThat(frames.free()).as("every frame back once every process has exited").isEqualTo(frames.total());
        }
        return statistics;
    }
}
