package dev.ringos.kernel.syscall;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Syscall arguments and results written the way strace 6 writes them, so a ringos trace can be
 * compared line by line with strace on Linux. Every rule here was checked against real strace
 * output (see StraceTextTest).
 */
public final class StraceText {
    /** strace's default -s: strings longer than this, and arrays with more elements, are cut. */
    public static final int DEFAULT_LIMIT = 32;

    private StraceText() {
    }

    /**
     * A buffer of length bytes as a C string literal, showing at most limit bytes (then "..."
     * after the closing quote). data must hold the shown bytes. Non-printables are shortest octal,
     * padded to three digits only when the next shown byte is an octal digit, so "\0335" is ESC
     * then '5' but "\338" is ESC then '8'.
     */
    public static String quote(byte[] data, int length, int limit) {
        int shown = Math.min(length, limit);
        StringBuilder out = new StringBuilder(shown + 8).append('"');
        for (int i = 0; i < shown; i++) {
            int c = data[i] & 0xFF;
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\t': out.append("\\t"); break;
                case '\n': out.append("\\n"); break;
                case 0x0B: out.append("\\v"); break;
                case '\f': out.append("\\f"); break;
                case '\r': out.append("\\r"); break;
                default:
                    if (c >= 0x20 && c < 0x7F) {
                        out.append((char) c);
                    } else {
                        boolean digitNext = i + 1 < shown && data[i + 1] >= '0' && data[i + 1] <= '7';
                        String octal = Integer.toOctalString(c);
                        out.append('\\').append(digitNext ? "000".substring(octal.length()) + octal : octal);
                    }
            }
        }
        out.append('"');
        return length > limit ? out.append("...").toString() : out.toString();
    }

    private static final int[] OPEN_FLAG_BITS = {
        0100, 0200, 0400, 01000, 02000, 04000, 04010000, 04000000, 010000, 040000, 0100000, 0400000,
        01000000, 02000000, 010000000, 020200000, 020000000, 0200000, 020000,
    };
    // strace's order (xlat/open_mode_flags.in): O_SYNC before its parts __O_SYNC and O_DSYNC, O_TMPFILE before
    // __O_TMPFILE and O_DIRECTORY, so O_CLOEXEC comes before O_DIRECTORY.
    private static final String[] OPEN_FLAG_NAMES = {
        "O_CREAT", "O_EXCL", "O_NOCTTY", "O_TRUNC", "O_APPEND", "O_NONBLOCK", "O_SYNC", "__O_SYNC", "O_DSYNC",
        "O_DIRECT", "O_LARGEFILE", "O_NOFOLLOW", "O_NOATIME", "O_CLOEXEC", "O_PATH", "O_TMPFILE", "__O_TMPFILE",
        "O_DIRECTORY", "FASYNC",
    };
    private static final String[] ACCESS_MODES = {"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"};

    /** open(2) flags: "O_RDONLY", "O_WRONLY|O_CREAT|O_TRUNC", unknown bits last as "|0x20". */
    public static String openFlags(int flags) {
        StringBuilder out = new StringBuilder(ACCESS_MODES[flags & 3]);
        int rest = flags & ~3;
        for (int i = 0; i < OPEN_FLAG_BITS.length && rest != 0; i++) {
            if ((rest & OPEN_FLAG_BITS[i]) == OPEN_FLAG_BITS[i]) {
                out.append('|').append(OPEN_FLAG_NAMES[i]);
                rest &= ~OPEN_FLAG_BITS[i];
            }
        }
        return rest == 0 ? out.toString() : out.append('|').append(hex(rest)).toString();
    }

    /** A file mode argument (open's third, mkdir's, chmod's) as strace's "%#03o": "0644", "000". */
    public static String mode(int mode) {
        String octal = Integer.toOctalString(mode);
        return octal.length() >= 2 ? "0" + octal : "00" + octal;
    }

    /**
     * The " = ..." ending a trace line: " = 3", " = -1 ENOENT (No such file or directory)". An
     * errno Linux doesn't define is " = -1 (errno 41)"; the kernel-internal restart codes
     * (512..516) are " = ? ERESTARTSYS (...)", as their callers never see them.
     */
    public static String errorSuffix(int result) {
        if (!Errno.isError(result)) {
            return " = " + result;
        }
        int number = -result;
        Errno errno = Errno.of(number);
        if (errno != null) {
            return " = -1 " + errno.name() + " (" + errno.message() + ")";
        }
        int internal = number - 512;
        if (internal >= 0 && internal < KERNEL_INTERNAL.length && KERNEL_INTERNAL[internal] != null) {
            String restart = internal < RESTART_TEXT.length ? RESTART_TEXT[internal] : null;
            return restart != null
                    ? " = ? " + KERNEL_INTERNAL[internal] + " (" + restart + ")"
                    : " = -1 " + KERNEL_INTERNAL[internal] + " (Unknown error " + number + ")";
        }
        return " = -1 (errno " + number + ")";
    }

    /** Linux's include/linux/errno.h, 512 upwards, as strace 6.1 names them (it has no 519 or 520). */
    private static final String[] KERNEL_INTERNAL = {
        "ERESTARTSYS", "ERESTARTNOINTR", "ERESTARTNOHAND", "ENOIOCTLCMD", "ERESTART_RESTARTBLOCK", "EPROBE_DEFER",
        "EOPENSTALE", null, null, "EBADHANDLE", "ENOTSYNC", "EBADCOOKIE", "ENOTSUPP", "ETOOSMALL", "ESERVERFAULT",
        "EBADTYPE", "EJUKEBOX", "EIOCBQUEUED", "ERECALLCONFLICT",
    };
    /** The restart codes' texts; ENOIOCTLCMD (515) sits among them but is an ordinary error to strace. */
    private static final String[] RESTART_TEXT = {
        "To be restarted if SA_RESTART is set", "To be restarted", "To be restarted if no handler", null,
        "Interrupted by signal",
    };

    /**
     * A signal number as strace names it, which is not glibc's naming: 32 is "SIGRTMIN" and 33..64
     * are "SIGRT_1".."SIGRT_32" (counted from the kernel's SIGRTMIN, 32); anything else is decimal.
     */
    public static String signalName(int sig) {
        if (sig >= 1 && sig < STANDARD_SIGNALS.length) {
            return STANDARD_SIGNALS[sig];
        }
        return sig > 32 && sig <= 64 ? "SIGRT_" + (sig - 32) : Integer.toString(sig);
    }

    private static final String[] STANDARD_SIGNALS = {
        null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1",
        "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP",
        "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR",
        "SIGSYS", "SIGRTMIN",
    };

    private static final String[] PTRACE_EVENTS = {
        null, "PTRACE_EVENT_FORK", "PTRACE_EVENT_VFORK", "PTRACE_EVENT_CLONE", "PTRACE_EVENT_EXEC",
        "PTRACE_EVENT_VFORK_DONE", "PTRACE_EVENT_EXIT", "PTRACE_EVENT_SECCOMP",
    };

    /**
     * A wait status as wait4 and waitpid show it: "[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]",
     * "[{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}]",
     * "[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}]", "[{WIFCONTINUED(s)}]"; leftover bits follow as
     * " | 0x...", a status fitting none as "[0x...]" (strace's printstatus).
     */
    public static String waitStatus(int status) {
        StringBuilder out = new StringBuilder("[");
        int low = status & 0x7F;
        if ((status & 0xFF) == 0x7F) {
            int sig = (status >> 8) & 0xFF;
            out.append("{WIFSTOPPED(s) && WSTOPSIG(s) == ").append(signalName(sig & 0x7F))
                    .append((sig & 0x80) != 0 ? " | 0x80" : "").append('}');
            status &= ~(sig << 8 | 0x7F);
        } else if (low != 0 && low != 0x7F) {
            out.append("{WIFSIGNALED(s) && WTERMSIG(s) == ").append(signalName(low))
                    .append((status & 0x80) != 0 ? " && WCOREDUMP(s)" : "").append('}');
            status &= ~(low | 0x80);
        } else if (low == 0) {
            out.append("{WIFEXITED(s) && WEXITSTATUS(s) == ").append((status >> 8) & 0xFF).append('}');
            status &= ~0xFF00;
        } else if (status == 0xFFFF) {
            return "[{WIFCONTINUED(s)}]";
        } else {
            return "[" + hex(status) + "]";
        }
        int event = status >>> 16;
        if (event != 0) {
            String name = event < PTRACE_EVENTS.length ? PTRACE_EVENTS[event] : event == 0x80 ? "PTRACE_EVENT_STOP" : null;
            out.append(" | ").append(name != null ? name : hex(event) + " /* PTRACE_EVENT_??? */").append(" << 16");
            status &= 0xFFFF;
        }
        if (status != 0) {
            out.append(" | ").append(hex(status));
        }
        return out.append(']').toString();
    }

    /** An unsigned hex number as C's "%#x": "0x1f", but "0" for zero. */
    public static String hex(int v) {
        return v == 0 ? "0" : "0x" + Integer.toHexString(v);
    }

    /** An address argument: "NULL" or "0x804a000". */
    public static String pointer(int v) {
        return v == 0 ? "NULL" : hex(v);
    }

    /**
     * An argv-style array: ["ls", "-l"]. Each string is quoted with the default limit (strings are
     * taken as UTF-8: a guest string should be decoded from its bytes as UTF-8 to show the same).
     * At most {@link #DEFAULT_LIMIT} elements are shown; "..." marks more, or truncated (the
     * caller stopped reading, as strace does at an unreadable element).
     */
    public static String stringArray(List<String> items, boolean truncated) {
        StringBuilder out = new StringBuilder("[");
        int shown = Math.min(items.size(), DEFAULT_LIMIT);
        for (int i = 0; i < shown; i++) {
            byte[] bytes = items.get(i).getBytes(StandardCharsets.UTF_8);
            out.append(i == 0 ? "" : ", ").append(quote(bytes, bytes.length, DEFAULT_LIMIT));
        }
        if (truncated || items.size() > shown) {
            out.append(shown == 0 ? "..." : ", ...");
        }
        return out.append(']').toString();
    }

    /**
     * execve's envp as strace abbreviates it without -v: the address, then a C comment counting the
     * variables ("12 vars", "1 var", "0 vars").
     */
    public static String varsComment(int address, int count) {
        return pointer(address) + " /* " + count + (count == 1 ? " var */" : " vars */");
    }
}
