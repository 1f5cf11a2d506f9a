package dev.ringos.kernel;

import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.vfs.CpioEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A guest program for the hostfs tests, written from Java: a list of syscalls, each printing
 * its result as {@code tag=value} on a line of its own, and the whole run with host directories
 * mounted. {@link #stop} makes the guest stop itself (SIGSTOP) so a test can change the host
 * under it, then {@link Run#resume} lets it go on.
 */
final class HostFsGuest {
    static final int OPEN = 5, CLOSE = 6, READ = 3, WRITE = 4, CREAT = 8, LINK = 9, UNLINK = 10, CHDIR = 12,
            MKNOD = 14, CHMOD = 15, LSEEK = 19, GETPID = 20, MOUNT = 21, KILL = 37, RENAME = 38, MKDIR = 39,
            RMDIR = 40, SYMLINK = 83, READLINK = 85, TRUNCATE = 92, FTRUNCATE = 93, FCHMOD = 94, FCHDIR = 133,
            CHOWN = 182, GETCWD = 183, STAT64 = 195, LSTAT64 = 196, FSTAT64 = 197, GETDENTS64 = 220, OPENAT = 295;
    static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0100, O_EXCL = 0200, O_TRUNC = 01000,
            O_APPEND = 02000, O_DIRECTORY = 0200000, O_NOFOLLOW = 0400000;
    static final int EPERM = -1, ENOENT = -2, EBADF = -9, EACCES = -13, EBUSY = -16, EEXIST = -17, EXDEV = -18,
            ENOTDIR = -20, EISDIR = -21, EINVAL = -22, EROFS = -30, ELOOP = -40;
    private static final int SIGSTOP = 19, SIGCONT = 18;

    /** What an earlier call returned (an fd), to pass to a later one. */
    record Result(String tag) {
    }

    /** A buffer in the guest's memory. */
    record Buffer(String label) {
    }

    private final StringBuilder code = new StringBuilder();
    private final StringBuilder data = new StringBuilder();
    private final StringBuilder bss = new StringBuilder();
    private final Map<String, String> slots = new HashMap<>();
    private final Map<String, String> strings = new HashMap<>();
    private final List<CpioEntry> image = new ArrayList<>();
    private int labels;

    /** A file of the guest's own root image (not of the host). */
    HostFsGuest file(String path, String contents) {
        image.add(new CpioEntry(path, CpioEntry.S_IFREG | 0644, contents.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** Calls syscall {@code number} with {@code args} (Integer, String, Result or Buffer) and prints {@code tag=result}. */
    Result call(String tag, int number, Object... args) {
        if (slots.containsKey(tag)) {
            throw new IllegalArgumentException("tag used twice: " + tag);
        }
        String[] registers = {"ebx", "ecx", "edx", "esi", "edi"};
        code.append("        mov eax, ").append(number).append('\n');
        for (int i = 0; i < args.length; i++) {
            code.append("        mov ").append(registers[i]).append(", ").append(operand(args[i])).append('\n');
        }
        code.append("        int 0x80\n");
        String slot = label("result");
        slots.put(tag, slot);
        bss.append(slot).append(": resd 1\n");
        code.append("        mov [").append(slot).append("], eax\n");
        printTag(tag + "=");
        code.append("        call print_dec\n        call print_nl\n");
        return new Result(tag);
    }

    Buffer buffer(int size) {
        String label = label("buffer");
        bss.append(label).append(": resb ").append(size).append('\n');
        return new Buffer(label);
    }

    /** Prints {@code tag:} and then as many bytes of {@code buffer} as {@code length} returned (nothing if it failed). */
    void show(String tag, Buffer buffer, Result length) {
        printTag(tag + ":");
        String skip = label("skip");
        code.append("        mov edx, [").append(slot(length)).append("]\n")
                .append("        test edx, edx\n        jle ").append(skip).append('\n')
                .append("        mov eax, ").append(WRITE).append("\n        mov ebx, 1\n")
                .append("        mov ecx, ").append(buffer.label()).append("\n        int 0x80\n")
                .append(skip).append(":\n        call print_nl\n");
    }

    /** Prints {@code tag=} and the dword at {@code offset} in {@code buffer} (a stat64 field). */
    void field(String tag, Buffer buffer, int offset) {
        printTag(tag + "=");
        code.append("        mov eax, [").append(buffer.label()).append('+').append(offset).append("]\n")
                .append("        call print_dec\n        call print_nl\n");
    }

    /** The guest stops itself here (kill(getpid(), SIGSTOP)) until the test resumes it. */
    void stop() {
        code.append("        mov eax, ").append(GETPID).append("\n        int 0x80\n")
                .append("        mov ebx, eax\n        mov eax, ").append(KILL).append("\n        mov ecx, ")
                .append(SIGSTOP).append("\n        int 0x80\n");
    }

    private void printTag(String text) {
        code.append("        mov esi, ").append(string(text)).append("\n        call print_str\n");
    }

    private String operand(Object arg) {
        if (arg instanceof Integer n) {
            return Integer.toString(n);
        }
        if (arg instanceof String s) {
            return string(s);
        }
        if (arg instanceof Result r) {
            return "[" + slot(r) + "]";
        }
        if (arg instanceof Buffer b) {
            return b.label();
        }
        throw new IllegalArgumentException("not an argument: " + arg);
    }

    private String slot(Result r) {
        String slot = slots.get(r.tag());
        if (slot == null) {
            throw new IllegalArgumentException("no call tagged " + r.tag());
        }
        return slot;
    }

    /** A NUL-terminated string in the data section, its bytes as the guest sees them (UTF-8). */
    private String string(String s) {
        return strings.computeIfAbsent(s, k -> {
            String label = label("string");
            data.append(label).append(": db ");
            for (byte b : k.getBytes(StandardCharsets.UTF_8)) {
                data.append(b & 0xFF).append(", ");
            }
            data.append("0\n");
            return label;
        });
    }

    private String label(String kind) {
        return kind + "_" + labels++;
    }

    String source() {
        return GuestLib.with("global _start\n_start:\n" + code
                + "        mov eax, 1\n        xor ebx, ebx\n        int 0x80\n"
                + "section .data\n" + data + "section .bss\n" + bss);
    }

    /** A host directory and where it goes in the guest. */
    record Mount(Path host, String guest, boolean readOnly) {
    }

    /** Boots with the mounts made and runs the guest until it exits or stops itself. */
    Run start(Mount... mounts) {
        LiveGuest guest = new LiveGuest(KernelConfig.defaults(), "/bin/hostfs", source(),
                image.toArray(new CpioEntry[0]));
        for (Mount m : mounts) {
            guest.kernel.mountHost(m.host(), m.guest(), m.readOnly());
        }
        Run run = new Run(guest);
        run.go();
        return run;
    }

    /** A run: its output so far, and the results by tag. */
    static final class Run {
        final LiveGuest guest;
        RunResult end;

        Run(LiveGuest guest) {
            this.guest = guest;
        }

        private void go() {
            end = guest.runUntilQuiet(500_000_000L);
        }

        /** Continues a guest that stopped itself. */
        Run resume() {
            guest.kill(2, SIGCONT);
            go();
            return this;
        }

        boolean exited() {
            return end == RunResult.SHUTDOWN && guest.kernel.core().shutdownStatus() == 0;
        }

        String out() {
            return guest.out();
        }

        /** Every {@code tag=value} line, in order. */
        Map<String, Integer> results() {
            Map<String, Integer> results = new LinkedHashMap<>();
            for (String line : out().split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.indexOf(':') < 0) {
                    results.put(line.substring(0, eq), Integer.parseInt(line.substring(eq + 1)));
                }
            }
            return results;
        }

        int result(String tag) {
            Integer r = results().get(tag);
            if (r == null) {
                throw new AssertionError("no result for " + tag + " in:\n" + out());
            }
            return r;
        }

        /** What {@link HostFsGuest#show} printed for {@code tag}. */
        String shown(String tag) {
            for (String line : out().split("\n")) {
                if (line.startsWith(tag + ":")) {
                    return line.substring(tag.length() + 1);
                }
            }
            throw new AssertionError("nothing shown for " + tag + " in:\n" + out());
        }
    }
}
