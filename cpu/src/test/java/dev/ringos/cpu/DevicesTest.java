package dev.ringos.cpu;

import static dev.ringos.cpu.RingTestbed.*;
import static dev.ringos.cpu.isa.Operand.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.cpu.RingTestbed.Arrival;
import dev.ringos.cpu.isa.CodeBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interval timer, hlt and the interrupt shadow, the console UART, and the empty I/O bus. */
class DevicesTest {

    /** When a timer interrupt arrived: the counters on entry to its gate, and where it interrupted. */
    record Tick(long instructions, long cycles, int eip) {
    }

    /** A host gate on the timer vector that notes each tick and lets the guest go on. */
    private static List<Tick> countTicks(RingTestbed t) {
        List<Tick> ticks = new ArrayList<>();
        int gate = t.cpu.registerHostGate((c, vector, error) -> ticks.add(
                new Tick(c.instructions(), c.cycles(), t.arrival(c, vector, error).frame().eip())));
        t.setHostGate(Vectors.TIMER, gate, 0);
        return ticks;
    }

    private static RingTestbed inRing0(CodeBuilder code) {
        RingTestbed t = new RingTestbed();
        t.load(code.assemble());
        t.enter(0, 0);
        return t;
    }

    private static List<Tick> runTimerLoop(int interval, long budget) {
        CodeBuilder b = userCode();
        b.emit("mov", EAX, imm(interval));
        b.emit("out", imm(IntervalTimer.PORT), EAX);
        b.label("loop");
        b.emit("inc", EBX);
        b.emit("jmp", label("loop"));
        RingTestbed t = inRing0(b);
        List<Tick> ticks = countTicks(t);
        assertThat(t.run(budget)).isEqualTo(Exit.BUDGET);
        return ticks;
    }

    @Test
    void theTimerRaisesVector32EveryIntervalOfVirtualCycles() {
        int interval = 1000;

        List<Tick> ticks = runTimerLoop(interval, 10 * interval + 500);

        assertThat(ticks).hasSize(10);
        // mov takes one cycle, so the timer starts at cycle 1; each delivery costs DELIVERY_CYCLES.
        assertThat(ticks.get(0).cycles()).isEqualTo(1 + interval + Cpu.DELIVERY_CYCLES);
        for (int k = 1; k < ticks.size(); k++) {
            assertThat(ticks.get(k).cycles() - ticks.get(k - 1).cycles()).isEqualTo(interval);
        }
    }

    @Test
    void timerInterruptsArriveAtTheSameInstructionCountsOnEveryRun() {
        List<Tick> first = runTimerLoop(777, 50_000);
        List<Tick> second = runTimerLoop(777, 50_000);

        assertThat(first).hasSizeGreaterThan(50);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void timerInterruptsThatComeFasterThanTheirDeliveryStillLetRunReturnWhenTheBudgetEnds() {
        List<Tick> ticks = runTimerLoop(5, 10_000);

        assertThat(ticks).hasSizeGreaterThan(100);
    }

    @Test
    void theTimerIntervalReadsBack() {
        CodeBuilder b = userCode();
        b.emit("mov", EAX, imm(12345));
        b.emit("out", imm(IntervalTimer.PORT), EAX);
        b.emit("xor", EAX, EAX);
        b.emit("in", EAX, imm(IntervalTimer.PORT));
        b.emit("int", imm(0x80));
        RingTestbed t = inRing0(b);

        t.run();

        assertThat(t.firstArrival().reg(EAX)).isEqualTo(12345);
    }

    @Test
    void hltWithInterruptsOnAndTheTimerArmedSkipsVirtualTimeToTheNextTick() {
        int interval = 100_000;
        CodeBuilder b = userCode();
        b.emit("mov", EAX, imm(interval));
        b.emit("out", imm(IntervalTimer.PORT), EAX);
        b.emit("hlt");
        b.label("after");
        b.emit("int", imm(0x80));
        RingTestbed t = inRing0(b);
        List<Tick> ticks = countTicks(t);

        Exit exit = t.run();

        assertThat(exit).isEqualTo(Exit.STOPPED);
        assertThat(t.firstArrival().vector()).isEqualTo(Vectors.SYSCALL);
        assertThat(ticks).hasSize(1);
        assertThat(ticks.get(0).eip()).as("woken after hlt").isEqualTo(b.address("after"));
        assertThat(ticks.get(0).instructions()).as("mov, out, hlt").isEqualTo(3);
        assertThat(ticks.get(0).cycles()).isEqualTo(1 + interval + Cpu.DELIVERY_CYCLES);
        assertThat(t.cpu.isHalted()).isFalse();
    }

    @Test
    void hltWithInterruptsOffHaltsTheMachineEvenWithTheTimerArmed() {
        CodeBuilder b = userCode();
        b.emit("cli");
        b.emit("mov", EAX, imm(50));
        b.emit("out", imm(IntervalTimer.PORT), EAX);
        b.emit("hlt");
        RingTestbed t = inRing0(b);
        List<Tick> ticks = countTicks(t);

        Exit exit = t.run();

        assertThat(exit).isEqualTo(Exit.HALTED);
        assertThat(ticks).isEmpty();
        assertThat(t.cpu.cycles()).as("no time skipped").isLessThan(50);
    }

    @Test
    void stiThenHltDoesNotLoseAnInterruptThatIsAlreadyPending() {
        CodeBuilder b = userCode();
        b.emit("sti");
        b.emit("hlt");
        b.label("after");
        b.emit("int", imm(0x80));
        RingTestbed t = inRing0(b);
        t.cpu.setEflags(0);
        List<Integer> interrupted = new ArrayList<>();
        int gate = t.cpu.registerHostGate((c, vector, error) -> interrupted.add(t.arrival(c, vector, error)
                .frame().eip()));
        t.setHostGate(40, gate, 0);
        t.cpu.raiseInterrupt(40);

        Exit exit = t.run();

        assertThat(exit).as("not halted for good").isEqualTo(Exit.STOPPED);
        assertThat(interrupted).as("delivered once, after hlt, not between sti and hlt")
                .containsExactly(b.address("after"));
        assertThat(t.firstArrival().vector()).isEqualTo(Vectors.SYSCALL);
    }

    @Test
    void stiHoldsOffAPendingInterruptForExactlyOneInstruction() {
        CodeBuilder b = userCode();
        b.emit("sti");
        b.emit("nop");
        b.label("second");
        b.emit("nop");
        b.emit("int", imm(0x80));
        RingTestbed t = inRing0(b);
        t.cpu.setEflags(0);
        List<Integer> interrupted = new ArrayList<>();
        int gate = t.cpu.registerHostGate((c, vector, error) -> interrupted.add(t.arrival(c, vector, error)
                .frame().eip()));
        t.setHostGate(40, gate, 0);
        t.cpu.raiseInterrupt(40);

        t.run();

        assertThat(interrupted).containsExactly(b.address("second"));
    }

    @Test
    void aGuestHaltedUntilTheNextTickReturnsWhenTheBudgetEndsFirstAndWakesOnALaterRun() {
        int interval = 100_000;
        CodeBuilder b = userCode();
        b.emit("mov", EAX, imm(interval));
        b.emit("out", imm(IntervalTimer.PORT), EAX);
        b.emit("hlt");
        b.emit("int", imm(0x80));
        RingTestbed t = inRing0(b);
        List<Tick> ticks = countTicks(t);

        Exit early = t.run(1000);
        long cyclesWhenBudgetEnded = t.cpu.cycles();
        Exit later = t.run();

        assertThat(early).isEqualTo(Exit.BUDGET);
        assertThat(cyclesWhenBudgetEnded).isEqualTo(1000);
        assertThat(later).isEqualTo(Exit.STOPPED);
        assertThat(ticks).hasSize(1);
        assertThat(ticks.get(0).cycles()).isEqualTo(1 + interval + Cpu.DELIVERY_CYCLES);
    }

    @Test
    void consoleOutputReachesTheHostSink() {
        CodeBuilder b = userCode();
        b.emit("mov", EDX, imm(Console.DATA));
        for (char ch : "hi\n".toCharArray()) {
            b.emit("mov", AL, imm(ch));
            b.emit("out", DX, AL);
        }
        b.emit("int", imm(0x80));
        RingTestbed t = inRing0(b);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        t.cpu.console().setSink(sink::write);

        t.run();

        assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo("hi\n");
    }

    @Test
    void ring3WithIopl3ReachesTheConsoleDirectly() {
        CodeBuilder b = userCode();
        b.emit("mov", EDX, imm(Console.DATA));
        b.emit("mov", AL, imm('!'));
        b.emit("out", DX, AL);
        b.emit("int", imm(0x80));
        RingTestbed t = new RingTestbed();
        t.load(b.assemble());
        t.enter(3, 3);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        t.cpu.console().setSink(sink::write);

        t.run();

        assertThat(t.firstArrival().vector()).isEqualTo(Vectors.SYSCALL);
        assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo("!");
    }

    @Test
    void consoleInputReadsWhatTheHostFedAndTheStatusPortSaysWhenThereIsMore() {
        CodeBuilder b = userCode();
        b.emit("mov", EDX, imm(Console.STATUS));
        b.emit("in", AL, DX);
        b.emit("movzx", ESI, AL);
        b.emit("mov", EDX, imm(Console.DATA));
        b.emit("in", AL, DX);
        b.emit("movzx", EBX, AL);
        b.emit("in", AL, DX);
        b.emit("movzx", ECX, AL);
        b.emit("in", AL, DX);
        b.emit("movzx", EBP, AL);
        b.emit("mov", EDX, imm(Console.STATUS));
        b.emit("in", AL, DX);
        b.emit("movzx", EDI, AL);
        b.emit("int", imm(0x80));
        RingTestbed t = inRing0(b);
        t.cpu.console().feed("ok".getBytes(StandardCharsets.US_ASCII));

        t.run();

        Arrival stop = t.firstArrival();
        assertThat(stop.reg(ESI)).as("status with input waiting")
                .isEqualTo(Console.STATUS_INPUT_READY | Console.STATUS_OUTPUT_READY);
        assertThat(stop.reg(EBX)).isEqualTo('o');
        assertThat(stop.reg(ECX)).isEqualTo('k');
        assertThat(stop.reg(EBP)).as("reading with nothing waiting").isZero();
        assertThat(stop.reg(EDI)).as("status when drained").isEqualTo(Console.STATUS_OUTPUT_READY);
        assertThat(t.cpu.console().pendingInput()).isZero();
    }

    private static CodeBuilder waitForInput(boolean enableInterrupt) {
        CodeBuilder b = userCode();
        b.emit("mov", EDX, imm(Console.IER));
        b.emit("mov", AL, imm(enableInterrupt ? 1 : 0));
        b.emit("out", DX, AL);
        b.emit("hlt");
        b.label("after");
        b.emit("int", imm(0x80));
        return b;
    }

    @Test
    void withIerBit0SetConsoleInputRaisesVector33AndWakesAHaltedGuest() {
        CodeBuilder b = waitForInput(true);
        RingTestbed t = inRing0(b);

        Exit idle = t.run();
        t.cpu.console().feed(new byte[] {'x'});
        Exit woken = t.run();

        assertThat(idle).isEqualTo(Exit.HALTED);
        assertThat(woken).isEqualTo(Exit.STOPPED);
        Arrival interrupt = t.firstArrival();
        assertThat(interrupt.vector()).isEqualTo(Vectors.CONSOLE);
        assertThat(interrupt.frame().eip()).isEqualTo(b.address("after"));
    }

    @Test
    void withIerBit0ClearConsoleInputRaisesNoInterrupt() {
        RingTestbed t = inRing0(waitForInput(false));

        t.run();
        t.cpu.console().feed(new byte[] {'x'});
        Exit exit = t.run();

        assertThat(exit).isEqualTo(Exit.HALTED);
        assertThat(t.arrivals).isEmpty();
        assertThat(t.cpu.console().pendingInput()).isEqualTo(1);
    }

    @Test
    void settingIerBit0WithInputAlreadyWaitingRaisesVector33AtOnce() {
        RingTestbed t = inRing0(waitForInput(true));
        t.cpu.console().feed(new byte[] {'x'});

        Exit exit = t.run();

        assertThat(exit).isEqualTo(Exit.STOPPED);
        assertThat(t.firstArrival().vector()).isEqualTo(Vectors.CONSOLE);
    }

    @Test
    void anUnassignedPortReadsAllOnes() {
        CodeBuilder b = userCode();
        b.emit("mov", EDX, imm(0x1234));
        b.emit("in", EAX, DX);
        b.emit("mov", EBX, EAX);
        b.emit("mov", EAX, imm(0x1234_5600));
        b.emit("in", AL, imm(0x99));
        b.emit("out", DX, EAX);
        b.emit("int", imm(0x80));
        RingTestbed t = inRing0(b);

        t.run();

        Arrival stop = t.firstArrival();
        assertThat(stop.reg(EBX)).isEqualTo(0xFFFF_FFFF);
        assertThat(stop.reg(EAX)).as("in al changes only al").isEqualTo(0x1234_56FF);
    }
}
