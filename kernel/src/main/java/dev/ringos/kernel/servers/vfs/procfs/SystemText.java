package dev.ringos.kernel.servers.vfs.procfs;

import dev.ringos.kernel.core.Frames;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.LoadAverage;

/** The text of the machine-wide files in /proc, as Linux lays them out. */
final class SystemText {
    private static final long PAGE_KB = 4;

    private SystemText() {
    }

    /** "0.00 0.01 0.05 1/5 42": the load averages, runnable/total threads, the last pid. */
    static String loadavg(LoadAverage load, int runnable, int threads, int lastPid) {
        return load.format() + " " + runnable + "/" + threads + " " + lastPid + "\n";
    }

    /** "12.34 11.90": seconds since boot and seconds the CPU spent idle, to the hundredth. */
    static String uptime(long cycles, long idleCycles) {
        return seconds(cycles) + " " + seconds(idleCycles) + "\n";
    }

    private static String seconds(long cycles) {
        long hundredths = cycles / (KernelConfig.CLOCK_HZ / 100);
        long fraction = hundredths % 100;
        return hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }

    /**
     * /proc/meminfo from the frame allocator: every frame above the kernel's megabyte is free or
     * in some process (ringos has no page cache, swap or slab), so the rest read 0.
     */
    static String meminfo(Frames frames) {
        long total = frames.total() * PAGE_KB;
        long free = frames.free() * PAGE_KB;
        StringBuilder s = new StringBuilder(512);
        line(s, "MemTotal:", total);
        line(s, "MemFree:", free);
        line(s, "MemAvailable:", free);
        line(s, "Buffers:", 0);
        line(s, "Cached:", 0);
        line(s, "SwapCached:", 0);
        line(s, "Active:", 0);
        line(s, "Inactive:", 0);
        line(s, "SwapTotal:", 0);
        line(s, "SwapFree:", 0);
        line(s, "Dirty:", 0);
        line(s, "Writeback:", 0);
        line(s, "AnonPages:", 0);
        line(s, "Mapped:", 0);
        line(s, "Shmem:", 0);
        return s.toString();
    }

    /** "MemTotal:       65280 kB": the label in 16 columns, the number right-aligned in 8. */
    private static void line(StringBuilder s, String label, long kb) {
        String value = Long.toString(kb);
        s.append(label).append(" ".repeat(Math.max(0, 16 - label.length())))
                .append(" ".repeat(Math.max(0, 8 - value.length()))).append(value).append(" kB\n");
    }
}
