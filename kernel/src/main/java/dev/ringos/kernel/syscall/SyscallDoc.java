package dev.ringos.kernel.syscall;

import dev.ringos.kernel.Kernel;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.servers.vfs.HostConsole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders {@code docs/syscalls.md} from the syscall table, so the compatibility document cannot
 * drift from the code (as gVisor's docs come from its {@code linux64.go}): {@code SyscallDocTest}
 * fails when the committed file differs from {@link #render()}. Every row of the table is listed
 * with its support status, note and strace argument kinds; every Linux i386 number ringos lacks
 * is listed as ENOSYS, named by {@link LinuxSyscallNames}.
 *
 * <p>The table is taken from a booted {@link Kernel}, not built here, so that calls a server
 * registers while the kernel is wired ({@link SyscallTable#add}) appear too.
 *
 * <p>Regenerate (from the repository root): {@value #REGENERATE}.
 */
public final class SyscallDoc {
    public static final String REGENERATE =
            "mvn -q -B -o test -pl kernel -Dtest=SyscallDocTest -Dringos.updateDocs=true";

    private SyscallDoc() {
    }

    /**
     * The areas the reference groups Linux's calls into. A call is placed by its name; one no list
     * names lands in {@link #OTHER}, whose table appears only when it has rows.
     */
    enum Area {
        PROCESSES("Processes", "life cycle, identity, groups and sessions, scheduling, limits", """
                exit exit_group fork vfork clone clone3 execve execveat wait4 waitpid waitid getpid gettid
                getppid setpgid getpgrp getpgid setsid getsid getuid getgid geteuid getegid setuid setgid
                setreuid setregid setresuid getresuid setresgid getresgid getgroups setgroups setfsuid setfsgid
                getuid32 getgid32 geteuid32 getegid32 setuid32 setgid32 setreuid32 setregid32 setresuid32
                getresuid32 setresgid32 getresgid32 getgroups32 setgroups32 setfsuid32 setfsgid32
                sched_yield sched_setparam sched_getparam sched_setscheduler sched_getscheduler
                sched_get_priority_max sched_get_priority_min sched_rr_get_interval sched_setaffinity
                sched_getaffinity sched_setattr sched_getattr nice getpriority setpriority getrusage
                getrlimit setrlimit ugetrlimit prlimit64 uname olduname oldolduname sysinfo personality
                set_tid_address set_thread_area get_thread_area futex futex_time64 ptrace reboot
                pidfd_open pidfd_getfd acct"""),
        MEMORY("Memory", "the program break and mappings", """
                brk mmap mmap2 munmap mprotect mremap madvise msync mincore mlock munlock mlockall
                munlockall mlock2 membarrier"""),
        SIGNALS("Signals", "dispositions, masks, sending, handlers and their return", """
                kill tkill tgkill signal sigaction rt_sigaction sigprocmask rt_sigprocmask sigpending
                rt_sigpending sigsuspend rt_sigsuspend sigreturn rt_sigreturn pause sgetmask ssetmask
                sigaltstack rt_sigtimedwait rt_sigtimedwait_time64 rt_sigqueueinfo rt_tgsigqueueinfo
                signalfd signalfd4 pidfd_send_signal restart_syscall"""),
        FILES("Files", "descriptors, paths, directories, pipes, mounts and devices", """
                read write open openat openat2 creat close close_range dup dup2 dup3 pipe pipe2 lseek
                _llseek readv writev pread64 pwrite64 preadv pwritev sendfile sendfile64 ioctl fcntl fcntl64
                stat lstat fstat stat64 lstat64 fstat64 fstatat64 statx oldstat oldlstat oldfstat statfs
                fstatfs statfs64 fstatfs64 access faccessat faccessat2 getdents getdents64 readdir chdir fchdir
                getcwd mkdir mkdirat rmdir unlink unlinkat link linkat rename renameat renameat2 symlink
                symlinkat readlink readlinkat mknod mknodat chmod fchmod fchmodat chown fchown lchown
                fchownat chown32 fchown32 lchown32 umask truncate ftruncate truncate64 ftruncate64 sync
                syncfs fsync fdatasync select _newselect poll ppoll pselect6 epoll_create epoll_create1
                epoll_ctl epoll_wait epoll_pwait mount umount umount2 pivot_root chroot utime utimes
                utimensat futimesat flock eventfd eventfd2 memfd_create"""),
        TIME("Time", "clocks, timers and sleeping", """
                time stime gettimeofday settimeofday times alarm nanosleep clock_gettime clock_settime
                clock_getres clock_nanosleep clock_gettime64 clock_settime64 clock_getres_time64
                clock_nanosleep_time64 setitimer getitimer timer_create timer_settime timer_gettime
                timer_getoverrun timer_delete timerfd_create timerfd_settime timerfd_gettime adjtimex"""),
        NETWORK("Network", "sockets and host names", """
                socketcall socket socketpair bind connect listen accept accept4 getsockopt setsockopt
                getsockname getpeername sendto sendmsg recvfrom recvmsg shutdown sendmmsg recvmmsg
                sethostname setdomainname"""),
        ISOLATION("Namespaces and seccomp", "what a process may see and call", """
                unshare setns seccomp prctl capget capset"""),
        OTHER("Other", "", "");

        final String title;
        final String scope;
        private final Set<String> names;

        Area(String title, String scope, String names) {
            this.title = title;
            this.scope = scope;
            this.names = Set.of(names.isBlank() ? new String[0] : names.trim().split("\\s+"));
        }

        static Area of(String name) {
            for (Area a : values()) {
                if (a.names.contains(name)) {
                    return a;
                }
            }
            return OTHER;
        }
    }

    /** The reference for the syscall table of a freshly booted kernel. */
    public static String render() {
        return render(new Kernel(KernelConfig.defaults(), List.of(), HostConsole.discarding(), line -> { })
                .syscalls());
    }

    public static String render(SyscallTable table) {
        List<Syscall> linux = new ArrayList<>();
        List<Syscall> ringos = new ArrayList<>();
        for (Syscall call : table.rows()) {
            (call.number() >= SyscallTable.PRIVATE_BASE ? ringos : linux).add(call);
        }
        StringBuilder md = new StringBuilder();
        intro(md, table, linux);
        abi(md);
        implemented(md, linux);
        privateCalls(md, ringos);
        missing(md, table);
        return md.toString();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SyscallDoc OUTPUT.md   (the repository's is docs/syscalls.md)");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        Files.writeString(out, render(), StandardCharsets.UTF_8);
    }

    // ---- sections ----

    private static void intro(StringBuilder md, SyscallTable table, List<Syscall> linux) {
        md.append("# ringos system calls\n\n");
        md.append("<!-- Generated by dev.ringos.kernel.syscall.SyscallDoc from the syscall table; do not edit.\n")
                .append("     Regenerate: ").append(REGENERATE).append(" -->\n\n");
        long full = linux.stream().filter(c -> c.support() == Support.FULL).count();
        md.append("ringos speaks Linux's i386 system call ABI, so a 32-bit Linux program that sticks to the calls\n")
                .append("below runs unchanged. Linux assigns ").append(assignedLinuxNumbers()).append(" numbers (0–")
                .append(LinuxSyscallNames.limit() - 1).append("); ringos implements ").append(linux.size())
                .append(" of them,\n").append(full).append(" fully and ").append(linux.size() - full)
                .append(" in part. The tables are rendered from `SyscallTable`, the table the dispatcher looks\n")
                .append("numbers up in and `--strace` formats arguments from. How a call travels through the kernel\n")
                .append("is told in `docs/kernel.md`.\n\n");
        md.append("**Support:** *").append(Support.FULL).append("* — as the Linux man page documents it, for every\n")
                .append("argument Linux accepts; *").append(Support.PARTIAL)
                .append("* — the common cases, and the note says what is missing. Anything\n")
                .append("else fails with ENOSYS.\n\n");
    }

    private static void abi(StringBuilder md) {
        md.append("## The calling convention\n\n");
        table(md, "register", "holds");
        row(md, "`eax`", "the call's number (Linux i386 numbering; ringos's own calls from "
                + SyscallTable.PRIVATE_BASE + " up) and, on return, the result");
        row(md, "`ebx` `ecx` `edx` `esi` `edi` `ebp`", "arguments 1 to 6, in that order");
        md.append('\n');
        md.append("- **Entry.** `int 0x80` (its gate has DPL 3, so ring 3 may use it) and `syscall` reach the same\n")
                .append("  dispatcher with the same registers; the vDSO's `__kernel_vsyscall` (the AT_SYSINFO entry)\n")
                .append("  is `int 0x80; ret`. A call leaves every other register as it found it (execve and\n")
                .append("  sigreturn aside: they load new ones).\n")
                .append("- **Result.** A value in `eax`, or −errno (Linux's numbers, from −1 to −")
                .append(Errno.MAX).append(") when the call\n")
                .append("  fails: libc's `errno` is the negation, and `strace` shows the name.\n")
                .append("- **User pointers.** The kernel reads and writes user memory only through checked copy-in\n")
                .append("  and copy-out with ring 3's rights: a pointer into unmapped memory, into the kernel half or\n")
                .append("  (for a write) into read-only memory fails with EFAULT (").append(Errno.EFAULT.number())
                .append("), never with a crash.\n")
                .append("- **Missing calls.** A number not in the tables (those listed under *Not implemented*, and\n")
                .append("  any other) fails with ENOSYS (").append(Errno.ENOSYS.number()).append(").\n")
                .append("- **Waiting.** A call that must wait (wait4 for a running child, pause, read with no input\n")
                .append("  yet) parks the thread; no host thread blocks. When a signal handler interrupts it, it\n")
                .append("  either restarts (SA_RESTART) or fails with EINTR, as on Linux.\n\n");
        md.append("Arguments are listed by the kinds `--strace` shows them as:\n\n");
        table(md, "kind", "shown as");
        for (Arg a : Arg.values()) {
            row(md, code(kind(a)), describe(a));
        }
        md.append('\n');
    }

    private static void implemented(StringBuilder md, List<Syscall> linux) {
        md.append("## Implemented calls\n\n");
        md.append("By area, each table in number order.\n\n");
        Map<Area, List<Syscall>> byArea = new EnumMap<>(Area.class);
        for (Syscall call : linux) {
            byArea.computeIfAbsent(Area.of(call.name()), a -> new ArrayList<>()).add(call);
        }
        for (Area area : Area.values()) {
            List<Syscall> calls = byArea.get(area);
            if (calls == null) {
                continue;
            }
            md.append("### ").append(area.title).append("\n\n");
            if (!area.scope.isEmpty()) {
                md.append(Character.toUpperCase(area.scope.charAt(0))).append(area.scope.substring(1))
                        .append(".\n\n");
            }
            callTable(md, calls, false);
            md.append('\n');
        }
    }

    private static void privateCalls(StringBuilder md, List<Syscall> ringos) {
        md.append("## ringos's own calls: IPC ports\n\n");
        md.append("Numbers from ").append(SyscallTable.PRIVATE_BASE).append(" (")
                .append(hex(SyscallTable.PRIVATE_BASE))
                .append(", `SyscallTable.PRIVATE_BASE`) up lie above every Linux number and belong to\n")
                .append("ringos: IPC ports, through which a user program can call a server or be one. They use the\n")
                .append("same registers and the same dispatcher; on Linux these numbers are ENOSYS.\n\n");
        if (ringos.isEmpty()) {
            md.append("None is implemented yet.\n\n");
            return;
        }
        callTable(md, ringos, true);
        md.append('\n');
    }

    private static void missing(StringBuilder md, SyscallTable table) {
        md.append("## Not implemented (ENOSYS)\n\n");
        md.append("Every Linux i386 call ringos lacks, by number; each returns −ENOSYS. So do the numbers Linux\n")
                .append("leaves unassigned (").append(unassigned()).append(").\n\n");
        table(md, "numbers", "calls");
        int limit = LinuxSyscallNames.limit();
        for (int from = 0; from < limit; from += 10) {
            List<String> names = new ArrayList<>();
            for (int n = from; n < Math.min(from + 10, limit); n++) {
                String name = LinuxSyscallNames.name(n);
                if (name != null && table.get(n) == null) {
                    names.add(n + " " + name);
                }
            }
            if (!names.isEmpty()) {
                row(md, from + "–" + Math.min(from + 9, limit - 1), String.join(", ", names));
            }
        }
    }

    private static void callTable(StringBuilder md, List<Syscall> calls, boolean hexNumbers) {
        table(md, "number", "call", "arguments", "support", "note");
        for (Syscall c : calls) {
            String number = hexNumbers ? c.number() + " (" + hex(c.number()) + ")" : String.valueOf(c.number());
            String args = c.args().isEmpty() ? "—"
                    : c.args().stream().map(SyscallDoc::kind).collect(Collectors.joining(", "));
            row(md, number, code(c.name()), args, c.support().toString(), c.note());
        }
    }

    // ---- facts ----

    private static int assignedLinuxNumbers() {
        int n = 0;
        for (int i = 0; i < LinuxSyscallNames.limit(); i++) {
            n += LinuxSyscallNames.name(i) != null ? 1 : 0;
        }
        return n;
    }

    /** "222, 223, 251, 285, 387–392, 415": runs of three or more are ranges. */
    private static String unassigned() {
        List<String> parts = new ArrayList<>();
        int limit = LinuxSyscallNames.limit();
        for (int n = 0; n < limit; n++) {
            if (LinuxSyscallNames.name(n) != null) {
                continue;
            }
            int end = n;
            while (end + 1 < limit && LinuxSyscallNames.name(end + 1) == null) {
                end++;
            }
            if (end - n >= 2) {
                parts.add(n + "–" + end);
            } else {
                for (int i = n; i <= end; i++) {
                    parts.add(String.valueOf(i));
                }
            }
            n = end;
        }
        return String.join(", ", parts);
    }

    /** The argument kind's short name, as the tables use it. */
    static String kind(Arg a) {
        return switch (a) {
            case INT -> "int";
            case UINT -> "unsigned";
            case HEX -> "hex";
            case POINTER -> "pointer";
            case PATH -> "path";
            case BUFFER_IN -> "buffer in";
            case BUFFER_OUT -> "buffer out";
            case OPEN_FLAGS -> "open flags";
            case MODE -> "mode";
            case SIGNAL -> "signal";
            case WAIT_STATUS -> "wait status";
            case WAIT_OPTIONS -> "wait options";
            case ARGV -> "argv";
            case ENVP -> "envp";
            case SIGPROCMASK_HOW -> "how";
            default -> a.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static String describe(Arg a) {
        return switch (a) {
            case INT -> "signed decimal";
            case UINT -> "unsigned decimal";
            case HEX -> "hexadecimal";
            case POINTER -> "an address in hexadecimal, `NULL` for 0";
            case PATH -> "a NUL-terminated string, quoted, in full";
            case BUFFER_IN -> "the bytes the call reads, quoted, at most " + StraceText.DEFAULT_LIMIT
                    + " of them; the next argument is the length";
            case BUFFER_OUT -> "the bytes the call filled, quoted as above, shown once it returns (the result is their count)";
            case OPEN_FLAGS -> "`O_` flag names joined by `|`";
            case MODE -> "octal (`0644`)";
            case SIGNAL -> "the signal's name (`SIGINT`)";
            case WAIT_STATUS -> "the status the call stored, decoded (`[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]`)";
            case WAIT_OPTIONS -> "`W` flag names joined by `|`";
            case ARGV -> "a NULL-terminated array of strings, listed";
            case ENVP -> "an address and the count (`0xbffff8e4 /* 3 vars */`)";
            case SIGPROCMASK_HOW -> "`SIG_BLOCK`, `SIG_UNBLOCK` or `SIG_SETMASK`";
            default -> "";
        };
    }

    // ---- Markdown ----

    private static void table(StringBuilder md, String... headings) {
        row(md, headings);
        md.append('|');
        for (int i = 0; i < headings.length; i++) {
            md.append("---|");
        }
        md.append('\n');
    }

    private static void row(StringBuilder md, String... cells) {
        md.append('|');
        for (String c : cells) {
            md.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        md.append('\n');
    }

    private static String code(String s) {
        return "`" + s + "`";
    }

    private static String hex(int v) {
        return "0x" + Integer.toHexString(v).toUpperCase(Locale.ROOT);
    }
}
