package dev.ringos.kernel.syscall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LinuxSyscallNamesTest {
    @Test
    void wellKnownNumbersHaveTheirLinuxNames() {
        Map<Integer, String> known = new LinkedHashMap<>();
        known.put(0, "restart_syscall");
        known.put(1, "exit");
        known.put(2, "fork");
        known.put(3, "read");
        known.put(4, "write");
        known.put(5, "open");
        known.put(6, "close");
        known.put(7, "waitpid");
        known.put(11, "execve");
        known.put(13, "time");
        known.put(17, "break");
        known.put(20, "getpid");
        known.put(37, "kill");
        known.put(42, "pipe");
        known.put(45, "brk");
        known.put(54, "ioctl");
        known.put(63, "dup2");
        known.put(90, "mmap");
        known.put(91, "munmap");
        known.put(102, "socketcall");
        known.put(114, "wait4");
        known.put(119, "sigreturn");
        known.put(120, "clone");
        known.put(122, "uname");
        known.put(140, "_llseek");
        known.put(158, "sched_yield");
        known.put(173, "rt_sigreturn");
        known.put(174, "rt_sigaction");
        known.put(175, "rt_sigprocmask");
        known.put(183, "getcwd");
        known.put(190, "vfork");
        known.put(192, "mmap2");
        known.put(195, "stat64");
        known.put(220, "getdents64");
        known.put(221, "fcntl64");
        known.put(224, "gettid");
        known.put(240, "futex");
        known.put(243, "set_thread_area");
        known.put(252, "exit_group");
        known.put(258, "set_tid_address");
        known.put(295, "openat");
        known.put(310, "unshare");
        known.put(346, "setns");
        known.put(354, "seccomp");
        known.put(355, "getrandom");
        known.put(359, "socket");
        known.put(383, "statx");
        known.put(386, "rseq");
        known.put(393, "semget");
        known.put(403, "clock_gettime64");
        known.put(435, "clone3");
        known.put(450, "set_mempolicy_home_node");
        known.put(462, "mseal");
        known.forEach((number, name) -> {
            assertThat(LinuxSyscallNames.name(number)).as("name(%d)", number).isEqualTo(name);
            assertThat(LinuxSyscallNames.number(name)).as("number(%s)", name).isEqualTo(number);
        });
    }

    @Test
    void holesAndOutOfRangeNumbersHaveNoName() {
        for (int hole : new int[] {222, 223, 251, 285, 387, 388, 389, 390, 391, 392, 415}) {
            assertThat(LinuxSyscallNames.name(hole)).as("name(%d)", hole).isNull();
        }
        assertThat(LinuxSyscallNames.name(-1)).isNull();
        assertThat(LinuxSyscallNames.name(Integer.MIN_VALUE)).isNull();
        assertThat(LinuxSyscallNames.name(LinuxSyscallNames.limit())).isNull();
        assertThat(LinuxSyscallNames.name(Integer.MAX_VALUE)).isNull();
    }

    @Test
    void limitIsOneMoreThanTheHighestAssignedNumber() {
        int limit = LinuxSyscallNames.limit();
        assertThat(limit).isGreaterThan(462);
        assertThat(LinuxSyscallNames.name(limit - 1)).isNotNull();
    }

    @Test
    void everyNameRoundTripsAndUnknownNamesAreMinusOne() {
        int named = 0;
        for (int i = 0; i < LinuxSyscallNames.limit(); i++) {
            String name = LinuxSyscallNames.name(i);
            if (name != null) {
                named++;
                assertThat(name).matches("[a-z_][a-z0-9_]*");
                assertThat(LinuxSyscallNames.number(name)).as(name).isEqualTo(i);
            }
        }
        assertThat(named).isEqualTo(LinuxSyscallNames.limit() - 11);
        assertThat(LinuxSyscallNames.number("no_such_call")).isEqualTo(-1);
        assertThat(LinuxSyscallNames.number("")).isEqualTo(-1);
        assertThat(LinuxSyscallNames.number(null)).isEqualTo(-1);
        assertThat(LinuxSyscallNames.number("READ")).isEqualTo(-1);
    }

    private static final Pattern DEFINE = Pattern.compile("^#define\\s+__NR_(\\w+)\\s+(\\d+)\\s*$");

    @Test
    void agreesWithTheInstalledUnistd32Header() throws IOException {
        Path header = null;
        for (String candidate : List.of(
                "/usr/include/i386-linux-gnu/asm/unistd_32.h",
                "/usr/include/x86_64-linux-gnu/asm/unistd_32.h",
                "/usr/include/asm/unistd_32.h")) {
            if (Files.isRegularFile(Path.of(candidate))) {
                header = Path.of(candidate);
                break;
            }
        }
        assumeTrue(header != null, "no asm/unistd_32.h installed");
        int checked = 0;
        for (String line : Files.readAllLines(header, StandardCharsets.UTF_8)) {
            Matcher m = DEFINE.matcher(line);
            if (m.matches()) {
                String name = m.group(1);
                int number = Integer.parseInt(m.group(2));
                assertThat(LinuxSyscallNames.name(number)).as("%s: __NR_%s", header, name).isEqualTo(name);
                assertThat(LinuxSyscallNames.number(name)).as("%s: __NR_%s", header, name).isEqualTo(number);
                checked++;
            }
        }
        assertThat(checked).as("__NR_ lines in %s", header).isGreaterThan(300);
    }
}
