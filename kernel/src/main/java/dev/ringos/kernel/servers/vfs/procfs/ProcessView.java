package dev.ringos.kernel.servers.vfs.procfs;

import java.util.List;

/**
 * What procfs needs to know about processes, answered by the process manager. procfs keeps
 * nothing of it: every question is asked again when a /proc file is read, so the text is what
 * holds at that moment.
 */
public interface ProcessView {
    /** Every process in the table, zombies included, lowest pid first. */
    int[] pids();

    /** What stat and status show of {@code pid}, or null if there is no such process. */
    ProcessInfo process(int pid);

    /** Its mappings and resident pages, or null for a zombie (its memory is gone) or no process. */
    Memory memory(int pid);

    /** The pid handed out most recently (/proc/loadavg's last field). */
    int lastPid();

    /** Threads ready to run or running, the reader among them (loadavg's count before the slash). */
    int runnable();

    /** What backs a mapping, which decides where stat's code, data and brk fields come from. */
    enum AreaKind { IMAGE, HEAP, STACK, VDSO, ANONYMOUS }

    /**
     * One mapping, [start, end), as a line of /proc/PID/maps: rights with ELF's bits (read 4,
     * write 2, execute 1) and the name in the last column ("" for none).
     */
    record Area(int start, int end, int rights, AreaKind kind, String name) {
        public long size() {
            return Integer.toUnsignedLong(end) - Integer.toUnsignedLong(start);
        }
    }

    /** A process's memory: its mappings, lowest first, and the pages present in them. */
    record Memory(List<Area> areas, int residentPages) {
    }
}
