package dev.ringos.kernel.syscall;

import static dev.ringos.kernel.syscall.StraceText.DEFAULT_LIMIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every expected line was printed by strace 6.1 on Linux (x86_64 host; the flag, errno and signal
 * numbers it decodes are the same as i386's). strace pads " = " to column 40; {@link #observed}
 * removes that padding.
 */
class StraceTextTest {
    private static String observed(String straceLine) {
        return straceLine.replaceFirst("\\) +=", ") =");
    }

    private static String write(int fd, byte[] data, int result) {
        return "write(" + fd + ", " + StraceText.quote(data, data.length, DEFAULT_LIMIT) + ", " + data.length + ")"
                + StraceText.errorSuffix(result);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    // strace -e trace=write -o out.txt python3 w.py, where w.py does os.write(1, b) for each buffer.
    @Test
    void writeBuffersAsStraceQuotesThem() {
        assertThat(write(1, ascii("a".repeat(40)), 40))
                .isEqualTo(observed("write(1, \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"..., 40) = 40"));
        assertThat(write(1, ascii("a".repeat(32)), 32))
                .isEqualTo(observed("write(1, \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", 32) = 32"));
        assertThat(write(1, ascii("a".repeat(33)), 33))
                .isEqualTo(observed("write(1, \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"..., 33) = 33"));
        assertThat(write(1, ascii("\u001b[0m"), 4)).isEqualTo(observed("write(1, \"\\33[0m\", 4)                   = 4"));
        assertThat(write(1, ascii("\u001b5"), 2)).isEqualTo(observed("write(1, \"\\0335\", 2)                    = 2"));
        assertThat(write(1, ascii("\u001bx"), 2)).isEqualTo(observed("write(1, \"\\33x\", 2)                     = 2"));
        assertThat(write(1, ascii("\u001b8"), 2)).isEqualTo(observed("write(1, \"\\338\", 2)                     = 2"));
        assertThat(write(1, ascii("\u001b9"), 2)).isEqualTo(observed("write(1, \"\\339\", 2)                     = 2"));
        assertThat(write(1, bytes('c', 'a', 'f', 0xC3, 0xA9, '\n'), 6))
                .isEqualTo(observed("write(1, \"caf\\303\\251\\n\", 6)            = 6"));
        assertThat(write(1, ascii("\t\n\u000b\f\r\"\\'"), 8))
                .isEqualTo(observed("write(1, \"\\t\\n\\v\\f\\r\\\"\\\\'\", 8)          = 8"));
        assertThat(write(1, bytes(0, 1, 0x7F, 0x80, 0xFF), 5))
                .isEqualTo(observed("write(1, \"\\0\\1\\177\\200\\377\", 5)         = 5"));
        assertThat(write(1, bytes(0, '1'), 2)).isEqualTo(observed("write(1, \"\\0001\", 2)                    = 2"));
        assertThat(write(1, bytes(7, 8), 2)).isEqualTo(observed("write(1, \"\\7\\10\", 2)                    = 2"));
        assertThat(write(1, ascii("??=x"), 4)).isEqualTo(observed("write(1, \"??=x\", 4)                     = 4"));
        assertThat(write(1, bytes(0x1B, 0x1B, '1'), 3)).isEqualTo(observed("write(1, \"\\33\\0331\", 3)                 = 3"));
        assertThat(write(1, bytes('~', ' ', 0x1F), 3)).isEqualTo(observed("write(1, \"~ \\37\", 3)                    = 3"));
        assertThat(write(1, ascii("a".repeat(31) + "\n" + "b".repeat(5)), 37))
                .isEqualTo(observed("write(1, \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\\n\"..., 37) = 37"));
        assertThat(write(1, new byte[0], 0)).isEqualTo(observed("write(1, \"\", 0)                         = 0"));
        assertThat(write(1, ascii("abc\0def"), 7)).isEqualTo(observed("write(1, \"abc\\0def\", 7)                 = 7"));
    }

    // Same command: the byte after the limit does not widen the octal escape before it.
    @Test
    void octalWidthLooksOnlyAtShownBytes() {
        byte[] data = ascii("a".repeat(31) + "\u001b55555");
        assertThat(write(1, data, 37))
                .isEqualTo(observed("write(1, \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\\33\"..., 37) = 37"));
        assertThat(StraceText.quote(ascii("hello\n"), 6, DEFAULT_LIMIT)).isEqualTo("\"hello\\n\"");
        assertThat(StraceText.quote(ascii("abcdef"), 6, 3)).isEqualTo("\"abc\"...");
        assertThat(StraceText.quote(ascii("abc"), 100, 3)).isEqualTo("\"abc\"..."); // only the shown bytes are needed
    }

    // python3 calling openat directly (ctypes syscall 257) with these flags, traced with -e trace=openat.
    @Test
    void openFlagsAsStraceNamesThem() {
        assertThat(StraceText.openFlags(0)).isEqualTo("O_RDONLY");
        assertThat(StraceText.openFlags(1)).isEqualTo("O_WRONLY");
        assertThat(StraceText.openFlags(2)).isEqualTo("O_RDWR");
        assertThat(StraceText.openFlags(3)).isEqualTo("O_ACCMODE");
        assertThat(StraceText.openFlags(02000000)).isEqualTo("O_RDONLY|O_CLOEXEC");
        assertThat(StraceText.openFlags(0x80000000 | 040)).isEqualTo("O_RDONLY|0x80000020");
        assertThat(StraceText.openFlags(040)).isEqualTo("O_RDONLY|0x20");
        assertThat(StraceText.openFlags(020000 | 1)).isEqualTo("O_WRONLY|FASYNC");
        assertThat(StraceText.openFlags(040000 | 01000000 | 010000000)).isEqualTo("O_RDONLY|O_DIRECT|O_NOATIME|O_PATH");
        assertThat(StraceText.openFlags(020200000 | 2)).isEqualTo("O_RDWR|O_TMPFILE");
        assertThat(StraceText.openFlags(020000000 | 2)).isEqualTo("O_RDWR|__O_TMPFILE");
        assertThat(StraceText.openFlags(04010000)).isEqualTo("O_RDONLY|O_SYNC");
        assertThat(StraceText.openFlags(04000000)).isEqualTo("O_RDONLY|__O_SYNC");
        // and os.open from python3 (which adds O_CLOEXEC):
        assertThat(StraceText.openFlags(1 | 0100 | 01000 | 02000000)).isEqualTo("O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC");
        assertThat(StraceText.openFlags(2 | 0100 | 0200 | 02000 | 02000000))
                .isEqualTo("O_RDWR|O_CREAT|O_EXCL|O_APPEND|O_CLOEXEC");
        assertThat(StraceText.openFlags(04000 | 0200000 | 0400000 | 02000000))
                .isEqualTo("O_RDONLY|O_NONBLOCK|O_NOFOLLOW|O_CLOEXEC|O_DIRECTORY");
        assertThat(StraceText.openFlags(0100000 | 02000000)).isEqualTo("O_RDONLY|O_LARGEFILE|O_CLOEXEC");
        assertThat(StraceText.openFlags(0400 | 010000 | 02000000)).isEqualTo("O_RDONLY|O_NOCTTY|O_DSYNC|O_CLOEXEC");
    }

    // Same run: openat(AT_FDCWD, "/tmp/zz_flags_test", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0644) = 3
    @Test
    void openLineWithModeAndError() {
        String path = "/tmp/zz_flags_test";
        String created = "openat(AT_FDCWD, " + StraceText.quote(ascii(path), path.length(), 4096) + ", "
                + StraceText.openFlags(1 | 0100 | 01000 | 02000000) + ", " + StraceText.mode(0644) + ")"
                + StraceText.errorSuffix(3);
        assertThat(created).isEqualTo("openat(AT_FDCWD, \"/tmp/zz_flags_test\", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0644) = 3");
        String missing = "openat(AT_FDCWD, \"/tmp/zz_flags_test\", " + StraceText.openFlags(0100000 | 02000000) + ")"
                + StraceText.errorSuffix(-2);
        assertThat(missing).isEqualTo(
                "openat(AT_FDCWD, \"/tmp/zz_flags_test\", O_RDONLY|O_LARGEFILE|O_CLOEXEC) = -1 ENOENT (No such file or directory)");
        assertThat(StraceText.mode(0)).isEqualTo("000");
        assertThat(StraceText.mode(7)).isEqualTo("007");
        assertThat(StraceText.mode(0755)).isEqualTo("0755");
    }

    // strace -e trace=getppid -e inject=getppid:error=N python3 -c 'import os; os.getppid()'
    // (strace adds " (INJECTED)", left out here).
    @Test
    void errorSuffixAsStracePrintsResults() {
        assertThat(StraceText.errorSuffix(-2)).isEqualTo(" = -1 ENOENT (No such file or directory)");
        assertThat(StraceText.errorSuffix(-133)).isEqualTo(" = -1 EHWPOISON (Memory page has hardware error)");
        assertThat(StraceText.errorSuffix(-41)).isEqualTo(" = -1 (errno 41)");
        assertThat(StraceText.errorSuffix(-58)).isEqualTo(" = -1 (errno 58)");
        assertThat(StraceText.errorSuffix(-134)).isEqualTo(" = -1 (errno 134)");
        assertThat(StraceText.errorSuffix(-200)).isEqualTo(" = -1 (errno 200)");
        assertThat(StraceText.errorSuffix(-512)).isEqualTo(" = ? ERESTARTSYS (To be restarted if SA_RESTART is set)");
        assertThat(StraceText.errorSuffix(-513)).isEqualTo(" = ? ERESTARTNOINTR (To be restarted)");
        assertThat(StraceText.errorSuffix(-514)).isEqualTo(" = ? ERESTARTNOHAND (To be restarted if no handler)");
        assertThat(StraceText.errorSuffix(-515)).isEqualTo(" = -1 ENOIOCTLCMD (Unknown error 515)");
        assertThat(StraceText.errorSuffix(-516)).isEqualTo(" = ? ERESTART_RESTARTBLOCK (Interrupted by signal)");
        assertThat(StraceText.errorSuffix(-517)).isEqualTo(" = -1 EPROBE_DEFER (Unknown error 517)");
        assertThat(StraceText.errorSuffix(-519)).isEqualTo(" = -1 (errno 519)");
        assertThat(StraceText.errorSuffix(-520)).isEqualTo(" = -1 (errno 520)");
        assertThat(StraceText.errorSuffix(-524)).isEqualTo(" = -1 ENOTSUPP (Unknown error 524)");
        assertThat(StraceText.errorSuffix(-530)).isEqualTo(" = -1 ERECALLCONFLICT (Unknown error 530)");
        assertThat(StraceText.errorSuffix(-531)).isEqualTo(" = -1 (errno 531)");
        assertThat(StraceText.errorSuffix(-4095)).isEqualTo(" = -1 (errno 4095)");
        assertThat(StraceText.errorSuffix(42)).isEqualTo(" = 42");
        assertThat(StraceText.errorSuffix(0)).isEqualTo(" = 0");
        assertThat(StraceText.errorSuffix(3)).isEqualTo(" = 3");
    }

    // kill(pid, N) lines from python3 k.py traced with -e trace=kill,wait4: 32 is SIGRTMIN, 33 SIGRT_1, 65 "65".
    @Test
    void signalNamesAsStraceWritesThem() {
        assertThat(StraceText.signalName(15)).isEqualTo("SIGTERM");
        assertThat(StraceText.signalName(9)).isEqualTo("SIGKILL");
        assertThat(StraceText.signalName(16)).isEqualTo("SIGSTKFLT");
        assertThat(StraceText.signalName(29)).isEqualTo("SIGIO");
        assertThat(StraceText.signalName(31)).isEqualTo("SIGSYS");
        assertThat(StraceText.signalName(32)).isEqualTo("SIGRTMIN");
        assertThat(StraceText.signalName(33)).isEqualTo("SIGRT_1");
        assertThat(StraceText.signalName(34)).isEqualTo("SIGRT_2");
        assertThat(StraceText.signalName(64)).isEqualTo("SIGRT_32");
        assertThat(StraceText.signalName(0)).isEqualTo("0");
        assertThat(StraceText.signalName(65)).isEqualTo("65");
        assertThat(StraceText.signalName(99)).isEqualTo("99");
        assertThat(StraceText.signalName(-1)).isEqualTo("-1");
    }

    // strace -e trace=wait4 -e signal=none python3 ws.py: children that exit, are killed, stop and continue
    // (core dumps enabled with ulimit -c unlimited).
    @Test
    void waitStatusesAsStraceShowsThem() {
        assertThat(StraceText.waitStatus(0)).isEqualTo("[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]");
        assertThat(StraceText.waitStatus(3 << 8)).isEqualTo("[{WIFEXITED(s) && WEXITSTATUS(s) == 3}]");
        assertThat(StraceText.waitStatus(255 << 8)).isEqualTo("[{WIFEXITED(s) && WEXITSTATUS(s) == 255}]");
        assertThat(StraceText.waitStatus(15)).isEqualTo("[{WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM}]");
        assertThat(StraceText.waitStatus(9)).isEqualTo("[{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}]");
        assertThat(StraceText.waitStatus(11 | 0x80))
                .isEqualTo("[{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}]");
        assertThat(StraceText.waitStatus(6 | 0x80))
                .isEqualTo("[{WIFSIGNALED(s) && WTERMSIG(s) == SIGABRT && WCOREDUMP(s)}]");
        assertThat(StraceText.waitStatus(34)).isEqualTo("[{WIFSIGNALED(s) && WTERMSIG(s) == SIGRT_2}]");
        assertThat(StraceText.waitStatus(40)).isEqualTo("[{WIFSIGNALED(s) && WTERMSIG(s) == SIGRT_8}]");
        assertThat(StraceText.waitStatus(64)).isEqualTo("[{WIFSIGNALED(s) && WTERMSIG(s) == SIGRT_32}]");
        assertThat(StraceText.waitStatus(19 << 8 | 0x7F)).isEqualTo("[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}]");
        assertThat(StraceText.waitStatus(20 << 8 | 0x7F)).isEqualTo("[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTSTP}]");
        assertThat(StraceText.waitStatus(0xFFFF)).isEqualTo("[{WIFCONTINUED(s)}]");
        // From strace's printstatus source, not observed: ptrace stops and leftovers.
        assertThat(StraceText.waitStatus((0x80 | 5) << 8 | 0x7F))
                .isEqualTo("[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP | 0x80}]");
        assertThat(StraceText.waitStatus(4 << 16 | 5 << 8 | 0x7F))
                .isEqualTo("[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP} | PTRACE_EVENT_EXEC << 16]");
        assertThat(StraceText.waitStatus(0xFF)).isEqualTo("[0xff]");
    }

    // Whole wait4 lines from the same run.
    @Test
    void wait4Line() {
        String line = "wait4(31889, " + StraceText.waitStatus(11 | 0x80) + ", 0, " + StraceText.pointer(0) + ")"
                + StraceText.errorSuffix(31889);
        assertThat(line).isEqualTo("wait4(31889, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}], 0, NULL) = 31889");
    }

    @Test
    void numbersAndPointers() {
        assertThat(StraceText.hex(0x1f)).isEqualTo("0x1f");
        assertThat(StraceText.hex(0)).isEqualTo("0"); // mmap(..., 3, 0) and brk results: %#x
        assertThat(StraceText.hex(0x26000)).isEqualTo("0x26000");
        assertThat(StraceText.hex(-1)).isEqualTo("0xffffffff");
        assertThat(StraceText.pointer(0)).isEqualTo("NULL"); // brk(NULL)
        assertThat(StraceText.pointer(0x804a000)).isEqualTo("0x804a000");
        assertThat(StraceText.pointer(0xbffff000)).isEqualTo("0xbffff000");
    }

    // strace -e trace=execve env -i A=1 B=2 /bin/ls -l /tmp/t.c; /bin/echo a 'b c' "x<TAB>y" q*40;
    // /bin/true $(seq 1 40); env -i A=1 strace ... /bin/true; env -i strace ... /bin/true.
    @Test
    void execveArrays() {
        assertThat("execve(\"/bin/ls\", " + StraceText.stringArray(List.of("/bin/ls", "-l", "/tmp/t.c"), false) + ", "
                + StraceText.varsComment(0x563e45ea, 2) + ")" + StraceText.errorSuffix(0))
                .isEqualTo("execve(\"/bin/ls\", [\"/bin/ls\", \"-l\", \"/tmp/t.c\"], 0x563e45ea /* 2 vars */) = 0");
        assertThat(StraceText.stringArray(List.of("/bin/echo", "a", "b c", "x\ty", "q".repeat(40)), false))
                .isEqualTo("[\"/bin/echo\", \"a\", \"b c\", \"x\\ty\", \"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq\"...]");
        List<String> many = new ArrayList<>(List.of("/bin/true"));
        StringBuilder expected = new StringBuilder("[\"/bin/true\"");
        for (int i = 1; i <= 40; i++) {
            many.add(Integer.toString(i));
            if (i <= 31) {
                expected.append(", \"").append(i).append('"');
            }
        }
        assertThat(StraceText.stringArray(many, false)).isEqualTo(expected.append(", ...]").toString());
        assertThat(StraceText.stringArray(List.of("A=1", "B=2"), false)).isEqualTo("[\"A=1\", \"B=2\"]");
        assertThat(StraceText.stringArray(List.of(), false)).isEqualTo("[]");
        assertThat(StraceText.stringArray(List.of("x"), true)).isEqualTo("[\"x\", ...]");
        assertThat(StraceText.stringArray(List.of("caf\u00e9"), false)).isEqualTo("[\"caf\\303\\251\"]");
        assertThat(StraceText.varsComment(0xbffff000, 12)).isEqualTo("0xbffff000 /* 12 vars */");
        assertThat(StraceText.varsComment(0x7ffd9f85, 1)).isEqualTo("0x7ffd9f85 /* 1 var */");
        assertThat(StraceText.varsComment(0x7fffc215, 0)).isEqualTo("0x7fffc215 /* 0 vars */");
    }
}
