package dev.ringos.kernel.core;

/**
 * The 1, 5 and 15 minute load averages, computed as Linux's kernel/sched/loadavg.c does: every
 * 5 seconds (of virtual time) the number of runnable and uninterruptible threads is folded in
 * with fixed-point exponential decay (11 fractional bits, EXP_1 = 1884, EXP_5 = 2014, EXP_15 = 2037).
 * Samples missed while the CPU idled tickless are caught up with the count they would have seen.
 */
public final class LoadAverage {
    public static final int FSHIFT = 11;
    public static final long FIXED_1 = 1L << FSHIFT;
    private static final long[] EXP = {1884, 2014, 2037};
    private final long period;
    private final long[] averages = new long[3];
    private long nextSample;

    /** @param period cycles between samples (5 s of virtual time) */
    LoadAverage(long period) {
        this.period = period;
        this.nextSample = period;
    }

    /** Folds in every sample due by {@code now}; {@code active} is the count now, {@code idleSince} when the CPU went idle. */
    void update(long now, int active) {
        while (now >= nextSample) {
            for (int i = 0; i < 3; i++) {
                long load = averages[i] * EXP[i] + active * FIXED_1 * (FIXED_1 - EXP[i]);
                // Linux rounds up while the load rises (calc_load's "newload += FIXED_1-1").
                if (active * FIXED_1 >= averages[i]) {
                    load += FIXED_1 - 1;
                }
                averages[i] = load / FIXED_1;
            }
            nextSample += period;
        }
    }

    /** The three averages in FIXED_1 units (as /proc/loadavg's source, avenrun). */
    public long[] fixed() {
        return averages.clone();
    }

    /** "0.52 0.58 0.59", as /proc/loadavg prints them. */
    public String format() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            long a = averages[i] + FIXED_1 / 200;
            out.append(i == 0 ? "" : " ").append(a >> FSHIFT).append('.')
                    .append(String.format("%02d", ((a & (FIXED_1 - 1)) * 100) >> FSHIFT));
        }
        return out.toString();
    }
}
