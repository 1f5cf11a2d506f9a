package dev.ringos.kernel.servers.vfs.procfs;

import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.servers.vfs.FdTable;
import dev.ringos.kernel.servers.vfs.FsProcess;
import dev.ringos.kernel.servers.vfs.Mount;
import dev.ringos.kernel.servers.vfs.procfs.ProcessView.Area;
import dev.ringos.kernel.servers.vfs.procfs.ProcessView.AreaKind;
import dev.ringos.kernel.servers.vfs.procfs.ProcessView.Memory;

/**
 * The text of the files in /proc/PID, laid out as Linux's fs/proc/array.c and task_mmu.c lay
 * them out. What ringos does not have is written as Linux writes it for a process without it:
 * nice 0, one thread, no page fault counts, no swap.
 */
final class ProcessText {
    /** Linux's USER_HZ: stat's times are in these ticks. */
    static final long USER_HZ = 100;
    private static final long CYCLES_PER_TICK = KernelConfig.CLOCK_HZ / USER_HZ;
    /** RLIM_INFINITY for an i386 unsigned long (stat's rsslim). */
    private static final long RLIM_INFINITY = 0xFFFF_FFFFL;
    private static final int SIGCHLD = 17;
    /** task_prio() of a normal task at nice 0. */
    private static final int PRIORITY = 20;
    private static final int PAGE = 4096;
    /** Where the name column of a maps line starts: Linux pads to 25 + 6 * sizeof(void *) - 1 on i386. */
    private static final int MAPS_NAME_COLUMN = 48;

    private ProcessText() {
    }

    static long ticks(long cycles) {
        return cycles / CYCLES_PER_TICK;
    }

    /** /proc/PID/stat: the 52 fields of proc_pid_stat(5) on one line. */
    static String stat(ProcessInfo p, Memory memory) {
        Summary m = Summary.of(memory);
        boolean hasMemory = memory != null;
        StringBuilder s = new StringBuilder(256);
        s.append(p.pid()).append(" (").append(p.comm()).append(") ").append(p.state());
        field(s, p.ppid());
        field(s, p.pgrp());
        field(s, p.session());
        field(s, p.ttyNr());
        field(s, p.tpgid());
        field(s, 0); // flags
        field(s, 0); // minflt
        field(s, 0); // cminflt
        field(s, 0); // majflt
        field(s, 0); // cmajflt
        field(s, ticks(p.userCycles()));
        field(s, ticks(p.systemCycles()));
        field(s, ticks(p.childUserCycles()));
        field(s, ticks(p.childSystemCycles()));
        field(s, PRIORITY);
        field(s, 0); // nice
        field(s, 1); // num_threads
        field(s, 0); // itrealvalue
        field(s, ticks(p.startCycles()));
        field(s, m.vsize);
        field(s, m.residentPages);
        field(s, RLIM_INFINITY);
        field(s, m.startCode);
        field(s, m.endCode);
        field(s, 0); // startstack
        field(s, 0); // kstkesp
        field(s, 0); // kstkeip
        field(s, p.pending() & 0x7FFF_FFFFL);
        field(s, p.blocked() & 0x7FFF_FFFFL);
        field(s, p.ignored() & 0x7FFF_FFFFL);
        field(s, p.caught() & 0x7FFF_FFFFL);
        field(s, p.state() == 'S' || p.state() == 'D' ? 1 : 0); // wchan: only whether there is one
        field(s, 0); // nswap
        field(s, 0); // cnswap
        field(s, SIGCHLD); // exit_signal
        field(s, 0); // processor
        field(s, 0); // rt_priority
        field(s, 0); // policy: SCHED_OTHER
        field(s, 0); // delayacct_blkio_ticks
        field(s, 0); // guest_time
        field(s, 0); // cguest_time
        field(s, hasMemory ? m.startData : 0);
        field(s, hasMemory ? m.endData : 0);
        field(s, hasMemory ? m.startBrk : 0);
        field(s, 0); // arg_start
        field(s, 0); // arg_end
        field(s, 0); // env_start
        field(s, 0); // env_end
        field(s, p.exitCode());
        return s.append('\n').toString();
    }

    private static void field(StringBuilder s, long value) {
        s.append(' ').append(value);
    }

    /** /proc/PID/status: the fields of proc_pid_status(5) ringos has, in Linux's order. */
    static String status(ProcessInfo p, Memory memory, FsProcess files) {
        StringBuilder s = new StringBuilder(768);
        s.append("Name:\t").append(escape(p.comm())).append('\n');
        if (files != null) {
            s.append("Umask:\t").append(octal(files.umask())).append('\n');
        }
        s.append("State:\t").append(stateName(p.state())).append('\n');
        s.append("Tgid:\t").append(p.pid()).append('\n');
        s.append("Ngid:\t0\n");
        s.append("Pid:\t").append(p.pid()).append('\n');
        s.append("PPid:\t").append(p.ppid()).append('\n');
        s.append("TracerPid:\t0\n");
        s.append("Uid:\t").append(p.uid()).append('\t').append(p.uid()).append('\t').append(p.uid()).append('\t')
                .append(p.uid()).append('\n');
        s.append("Gid:\t").append(p.gid()).append('\t').append(p.gid()).append('\t').append(p.gid()).append('\t')
                .append(p.gid()).append('\n');
        s.append("FDSize:\t").append(files == null ? 0 : FdTable.MAX_FDS).append('\n');
        s.append("Groups:\t \n"); // no supplementary groups; Linux leaves the trailing space
        s.append("NStgid:\t").append(p.pid()).append('\n');
        s.append("NSpid:\t").append(p.pid()).append('\n');
        s.append("NSpgid:\t").append(p.pgrp()).append('\n');
        s.append("NSsid:\t").append(p.session()).append('\n');
        if (memory != null) {
            Summary m = Summary.of(memory);
            kb(s, "VmSize:\t", m.vsize);
            kb(s, "VmLck:\t", 0);
            kb(s, "VmPin:\t", 0);
            kb(s, "VmRSS:\t", (long) m.residentPages * PAGE);
            kb(s, "VmData:\t", m.data);
            kb(s, "VmStk:\t", m.stack);
            kb(s, "VmExe:\t", m.text);
            kb(s, "VmLib:\t", 0);
            kb(s, "VmSwap:\t", 0);
        }
        s.append("Threads:\t1\n");
        // One thread per process: its pending signals are the thread's, none are shared.
        sigset(s, "SigPnd:\t", p.pending());
        sigset(s, "ShdPnd:\t", 0);
        sigset(s, "SigBlk:\t", p.blocked());
        sigset(s, "SigIgn:\t", p.ignored());
        sigset(s, "SigCgt:\t", p.caught());
        return s.toString();
    }

    static String stateName(char state) {
        return switch (state) {
            case 'R' -> "R (running)";
            case 'S' -> "S (sleeping)";
            case 'D' -> "D (disk sleep)";
            case 'T' -> "T (stopped)";
            case 'Z' -> "Z (zombie)";
            default -> state + " (unknown)";
        };
    }

    /** Umask as Linux's "%#04o" writes one (umask is at most 0777): "0022". */
    private static String octal(int umask) {
        String digits = Integer.toOctalString(umask & 0777);
        return "0".repeat(4 - digits.length()) + digits;
    }

    /** "VmSize:\t    1234 kB": kilobytes right-aligned in eight columns. */
    private static void kb(StringBuilder s, String label, long bytes) {
        String value = Long.toString(bytes / 1024);
        s.append(label).append(" ".repeat(Math.max(0, 8 - value.length()))).append(value).append(" kB\n");
    }

    /** A signal set as 16 hexadecimal digits, signal 64 leftmost. */
    private static void sigset(StringBuilder s, String label, long set) {
        String hex = Long.toHexString(set);
        s.append(label).append("0".repeat(16 - hex.length())).append(hex).append('\n');
    }

    /** status escapes the name as Linux's string_escape_str(ESCAPE_SPACE | ESCAPE_SPECIAL) for "\n\\". */
    private static String escape(String comm) {
        return comm.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** /proc/PID/comm. */
    static String comm(ProcessInfo p) {
        return p.comm() + "\n";
    }

    /** /proc/PID/cmdline: each argument followed by a NUL; nothing for a zombie, whose memory is gone. */
    static String cmdline(ProcessInfo p) {
        if (p.isZombie()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (String arg : p.argv()) {
            s.append(arg).append('\0');
        }
        return s.toString();
    }

    /** /proc/PID/maps: "start-end perms offset dev inode" and, padded to its column, the name. */
    static String maps(Memory memory) {
        if (memory == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(memory.areas().size() * 64);
        for (Area a : memory.areas()) {
            if (a.size() == 0) {
                continue; // a heap not yet grown is not a mapping
            }
            int lineStart = s.length();
            hex8(s, a.start());
            s.append('-');
            hex8(s, a.end());
            s.append(' ').append((a.rights() & 4) != 0 ? 'r' : '-').append((a.rights() & 2) != 0 ? 'w' : '-')
                    .append((a.rights() & 1) != 0 ? 'x' : '-').append('p');
            s.append(" 00000000 00:00 0 ");
            if (!a.name().isEmpty()) {
                while (s.length() - lineStart < MAPS_NAME_COLUMN) {
                    s.append(' ');
                }
                s.append(' ').append(a.name());
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static void hex8(StringBuilder s, int value) {
        String hex = Integer.toHexString(value);
        s.append("0".repeat(8 - hex.length())).append(hex);
    }

    /** /proc/PID/statm: size, resident, shared, text, lib, data and dirty pages. */
    static String statm(Memory memory) {
        Summary m = Summary.of(memory);
        return (m.vsize / PAGE) + " " + m.residentPages + " 0 " + (m.text / PAGE) + " 0 " + ((m.data + m.stack) / PAGE)
                + " 0\n";
    }

    /** /proc/PID/mounts: "source mountpoint type options 0 0", as the process sees its mounts. */
    static String mounts(FsProcess files) {
        if (files == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (Mount m : files.mounts().mounts()) {
            s.append(mangle(m.fs().source())).append(' ').append(mangle(m.path())).append(' ')
                    .append(mangle(m.fs().type())).append(' ').append(m.readOnly() ? "ro" : "rw").append(" 0 0\n");
        }
        return s.toString();
    }

    /** As Linux's mangle(): space, tab, newline and backslash written as octal escapes. */
    private static String mangle(String field) {
        StringBuilder s = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\\') {
                s.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                        .append((char) ('0' + (c & 7)));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** What stat, statm and status add up from the mappings (all zero without memory). */
    private record Summary(long vsize, int residentPages, long startCode, long endCode, long startData, long endData,
            long startBrk, long text, long data, long stack) {
        static Summary of(Memory memory) {
            if (memory == null) {
                return new Summary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            }
            long vsize = 0, text = 0, data = 0, stack = 0;
            long startCode = -1, endCode = 0, startData = -1, endData = 0, startBrk = 0;
            for (Area a : memory.areas()) {
                long start = Integer.toUnsignedLong(a.start());
                long end = Integer.toUnsignedLong(a.end());
                vsize += a.size();
                if (a.kind() == AreaKind.IMAGE && (a.rights() & 1) != 0) {
                    startCode = startCode < 0 ? start : Math.min(startCode, start);
                    endCode = Math.max(endCode, end);
                    text += a.size();
                } else if (a.kind() == AreaKind.IMAGE && (a.rights() & 2) != 0) {
                    startData = startData < 0 ? start : Math.min(startData, start);
                    endData = Math.max(endData, end);
                }
                if (a.kind() == AreaKind.HEAP) {
                    startBrk = start;
                }
                if (a.kind() == AreaKind.STACK) {
                    stack += a.size();
                } else if ((a.rights() & 2) != 0) {
                    data += a.size();
                }
            }
            return new Summary(vsize, memory.residentPages(), Math.max(startCode, 0), endCode, Math.max(startData, 0),
                    endData, startBrk, text, data, stack);
        }
    }
}
