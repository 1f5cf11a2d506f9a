package dev.ringos.kernel.core;

import java.util.Locale;

/**
 * Linux i386 signal numbers, names, glibc's descriptions and signal(7)'s default actions. Signals
 * are plain ints (as in every syscall argument and sigset bit); this class only describes them.
 * 1..64 are valid. The kernel counts real-time signals from 32, but glibc keeps 32 and 33 for its
 * threads and calls 34 SIGRTMIN, so names follow glibc and bash: 34 is "SIGRTMIN", 35..49
 * "SIGRTMIN+n", 50..63 "SIGRTMAX-n", 64 "SIGRTMAX"; 32 and 33 are "SIG32" and "SIG33".
 */
public final class Signal {
    public static final int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6,
            SIGBUS = 7, SIGFPE = 8, SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13,
            SIGALRM = 14, SIGTERM = 15, SIGSTKFLT = 16, SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19,
            SIGTSTP = 20, SIGTTIN = 21, SIGTTOU = 22, SIGURG = 23, SIGXCPU = 24, SIGXFSZ = 25,
            SIGVTALRM = 26, SIGPROF = 27, SIGWINCH = 28, SIGIO = 29, SIGPWR = 30, SIGSYS = 31;

    /** glibc's first and last real-time signal. */
    public static final int SIGRTMIN = 34, SIGRTMAX = 64;

    /** One more than the highest signal, as the kernel's _NSIG + 1: arrays indexed by signal have this length. */
    public static final int NSIG = 65;

    /** What the kernel does with a signal whose disposition is SIG_DFL (signal(7)). */
    public enum Action { TERMINATE, CORE, IGNORE, STOP, CONTINUE }

    private static final String[] NAMES = new String[NSIG];
    private static final String[] DESCRIPTIONS = new String[NSIG];
    private static final Action[] DEFAULTS = new Action[NSIG];

    private static void standard(int sig, String name, String description, Action action) {
        NAMES[sig] = name;
        DESCRIPTIONS[sig] = description;
        DEFAULTS[sig] = action;
    }

    static {
        Action term = Action.TERMINATE, core = Action.CORE, ign = Action.IGNORE, stop = Action.STOP;
        standard(SIGHUP, "SIGHUP", "Hangup", term);
        standard(SIGINT, "SIGINT", "Interrupt", term);
        standard(SIGQUIT, "SIGQUIT", "Quit", core);
        standard(SIGILL, "SIGILL", "Illegal instruction", core);
        standard(SIGTRAP, "SIGTRAP", "Trace/breakpoint trap", core);
        standard(SIGABRT, "SIGABRT", "Aborted", core);
        standard(SIGBUS, "SIGBUS", "Bus error", core);
        standard(SIGFPE, "SIGFPE", "Floating point exception", core);
        standard(SIGKILL, "SIGKILL", "Killed", term);
        standard(SIGUSR1, "SIGUSR1", "User defined signal 1", term);
        standard(SIGSEGV, "SIGSEGV", "Segmentation fault", core);
        standard(SIGUSR2, "SIGUSR2", "User defined signal 2", term);
        standard(SIGPIPE, "SIGPIPE", "Broken pipe", term);
        standard(SIGALRM, "SIGALRM", "Alarm clock", term);
        standard(SIGTERM, "SIGTERM", "Terminated", term);
        standard(SIGSTKFLT, "SIGSTKFLT", "Stack fault", term);
        standard(SIGCHLD, "SIGCHLD", "Child exited", ign);
        standard(SIGCONT, "SIGCONT", "Continued", Action.CONTINUE);
        standard(SIGSTOP, "SIGSTOP", "Stopped (signal)", stop);
        standard(SIGTSTP, "SIGTSTP", "Stopped", stop);
        standard(SIGTTIN, "SIGTTIN", "Stopped (tty input)", stop);
        standard(SIGTTOU, "SIGTTOU", "Stopped (tty output)", stop);
        standard(SIGURG, "SIGURG", "Urgent I/O condition", ign);
        standard(SIGXCPU, "SIGXCPU", "CPU time limit exceeded", core);
        standard(SIGXFSZ, "SIGXFSZ", "File size limit exceeded", core);
        standard(SIGVTALRM, "SIGVTALRM", "Virtual timer expired", term);
        standard(SIGPROF, "SIGPROF", "Profiling timer expired", term);
        standard(SIGWINCH, "SIGWINCH", "Window changed", ign);
        standard(SIGIO, "SIGIO", "I/O possible", term);
        standard(SIGPWR, "SIGPWR", "Power failure", term);
        standard(SIGSYS, "SIGSYS", "Bad system call", core);
        // glibc has no text for 32 and 33; the kernel treats them as real-time signals.
        standard(32, "SIG32", "Unknown signal 32", term);
        standard(33, "SIG33", "Unknown signal 33", term);
        for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++) {
            int fromMin = sig - SIGRTMIN, toMax = SIGRTMAX - sig;
            String name = fromMin == 0 ? "SIGRTMIN" : toMax == 0 ? "SIGRTMAX"
                    : fromMin <= 15 ? "SIGRTMIN+" + fromMin : "SIGRTMAX-" + toMax;
            standard(sig, name, "Real-time signal " + fromMin, term);
        }
    }

    private Signal() {
    }

    public static boolean valid(int sig) {
        return sig >= 1 && sig < NSIG;
    }

    /** "SIGSEGV", "SIGRTMIN+3", or null if sig is not a signal. */
    public static String name(int sig) {
        return valid(sig) ? NAMES[sig] : null;
    }

    /**
     * The signal called name: "SEGV", "sigsegv", "RTMIN+3", "SIGRTMAX-1", the aliases IOT, POLL, CLD
     * and UNUSED, or a decimal number; -1 if none. 0 (kill's existence probe) is not a signal.
     */
    public static int byName(String name) {
        if (name == null || name.isEmpty()) {
            return -1;
        }
        if (name.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return name.length() <= 2 && valid(Integer.parseInt(name)) ? Integer.parseInt(name) : -1;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        String full = upper.startsWith("SIG") ? upper : "SIG" + upper;
        for (int sig = 1; sig < NSIG; sig++) {
            if (NAMES[sig].equals(full)) {
                return sig;
            }
        }
        switch (full) {
            case "SIGIOT": return SIGABRT;
            case "SIGPOLL": return SIGIO;
            case "SIGCLD": return SIGCHLD;
            case "SIGUNUSED": return SIGSYS;
            default: return realTime(full);
        }
    }

    /** "SIGRTMIN+n" or "SIGRTMAX-n" in any spelling bash accepts (e.g. SIGRTMIN+20 is SIGRTMAX-10). */
    private static int realTime(String full) {
        int sign = full.startsWith("SIGRTMIN+") ? 1 : full.startsWith("SIGRTMAX-") ? -1 : 0;
        String digits = full.length() > 9 ? full.substring(9) : "";
        if (sign == 0 || digits.length() > 2 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || digits.isEmpty()) {
            return -1;
        }
        int sig = (sign > 0 ? SIGRTMIN : SIGRTMAX) + sign * Integer.parseInt(digits);
        return sig >= SIGRTMIN && sig <= SIGRTMAX ? sig : -1;
    }

    /** glibc's strsignal text: "Segmentation fault", "Real-time signal 3", "Unknown signal 99". */
    public static String description(int sig) {
        return valid(sig) ? DESCRIPTIONS[sig] : "Unknown signal " + sig;
    }

    /** signal(7)'s default action; null if sig is not a signal. */
    public static Action defaultAction(int sig) {
        return valid(sig) ? DEFAULTS[sig] : null;
    }

    /** Whether a process may handle, ignore or block sig: all but SIGKILL and SIGSTOP. */
    public static boolean catchable(int sig) {
        return valid(sig) && sig != SIGKILL && sig != SIGSTOP;
    }

    /** sig's bit in a sigset_t, whose bit 0 is signal 1. */
    public static long mask(int sig) {
        if (!valid(sig)) {
            throw new IllegalArgumentException("not a signal: " + sig);
        }
        return 1L << (sig - 1);
    }
}
