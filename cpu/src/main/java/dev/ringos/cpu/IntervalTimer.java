package dev.ringos.cpu;

/**
 * The interval timer: {@code out 0x40, eax} with N &gt; 0 raises IRQ 32 (vector 32) every N
 * virtual cycles from now on; 0 stops it. {@code in eax, 0x40} reads N back. Time is the CPU's
 * cycle counter, so the ticks fall at the same instructions on every run.
 */
public final class IntervalTimer implements IoDevice {
    public static final int PORT = 0x40;

    private final Events events;
    private int interval;
    private long deadline = Long.MAX_VALUE;

    IntervalTimer(Events events) {
        this.events = events;
    }

    @Override
    public int in(int port, int size) {
        return interval;
    }

    @Override
    public void out(int port, int size, int value) {
        interval = value;
        deadline = value == 0 ? Long.MAX_VALUE : events.now() + Integer.toUnsignedLong(value);
        events.poke();
    }

    boolean armed() {
        return interval != 0;
    }

    long deadline() {
        return deadline;
    }

    /** Raises the timer interrupt if its deadline has passed; late ticks merge into one. */
    void tick(long now) {
        if (now >= deadline) {
            events.raise(Vectors.TIMER);
            long period = Integer.toUnsignedLong(interval);
            deadline += period;
            if (deadline <= now) {
                deadline = now + period;
            }
        }
    }
}
