package dev.ringos.kernel.core;

import static dev.ringos.kernel.core.Signal.Action.CONTINUE;
import static dev.ringos.kernel.core.Signal.Action.CORE;
import static dev.ringos.kernel.core.Signal.Action.IGNORE;
import static dev.ringos.kernel.core.Signal.Action.STOP;
import static dev.ringos.kernel.core.Signal.Action.TERMINATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringos.kernel.core.Signal.Action;
import org.junit.jupiter.api.Test;

class SignalTest {
    /** signal(7), "Standard signals", in number order for i386. */
    private static final Object[][] STANDARD = {
        {1, "SIGHUP", TERMINATE, "Hangup"}, {2, "SIGINT", TERMINATE, "Interrupt"},
        {3, "SIGQUIT", CORE, "Quit"}, {4, "SIGILL", CORE, "Illegal instruction"},
        {5, "SIGTRAP", CORE, "Trace/breakpoint trap"}, {6, "SIGABRT", CORE, "Aborted"},
        {7, "SIGBUS", CORE, "Bus error"}, {8, "SIGFPE", CORE, "Floating point exception"},
        {9, "SIGKILL", TERMINATE, "Killed"}, {10, "SIGUSR1", TERMINATE, "User defined signal 1"},
        {11, "SIGSEGV", CORE, "Segmentation fault"}, {12, "SIGUSR2", TERMINATE, "User defined signal 2"},
        {13, "SIGPIPE", TERMINATE, "Broken pipe"}, {14, "SIGALRM", TERMINATE, "Alarm clock"},
        {15, "SIGTERM", TERMINATE, "Terminated"}, {16, "SIGSTKFLT", TERMINATE, "Stack fault"},
        {17, "SIGCHLD", IGNORE, "Child exited"}, {18, "SIGCONT", CONTINUE, "Continued"},
        {19, "SIGSTOP", STOP, "Stopped (signal)"}, {20, "SIGTSTP", STOP, "Stopped"},
        {21, "SIGTTIN", STOP, "Stopped (tty input)"}, {22, "SIGTTOU", STOP, "Stopped (tty output)"},
        {23, "SIGURG", IGNORE, "Urgent I/O condition"}, {24, "SIGXCPU", CORE, "CPU time limit exceeded"},
        {25, "SIGXFSZ", CORE, "File size limit exceeded"}, {26, "SIGVTALRM", TERMINATE, "Virtual timer expired"},
        {27, "SIGPROF", TERMINATE, "Profiling timer expired"}, {28, "SIGWINCH", IGNORE, "Window changed"},
        {29, "SIGIO", TERMINATE, "I/O possible"}, {30, "SIGPWR", TERMINATE, "Power failure"},
        {31, "SIGSYS", CORE, "Bad system call"},
    };

    @Test
    void standardSignalsMatchSignal7AndGlibc() {
        assertThat(STANDARD.length).isEqualTo(31);
        for (Object[] row : STANDARD) {
            int sig = (Integer) row[0];
            assertThat(Signal.name(sig)).isEqualTo(row[1]);
            assertThat(Signal.defaultAction(sig)).as((String) row[1]).isEqualTo(row[2]);
            assertThat(Signal.description(sig)).isEqualTo(row[3]);
            assertThat(Signal.byName((String) row[1])).isEqualTo(sig);
        }
        assertThat(Signal.SIGSEGV).isEqualTo(11);
        assertThat(Signal.SIGSYS).isEqualTo(31);
    }

    @Test
    void realTimeSignalsAreNamedLikeBashAndTerminate() {
        assertThat(Signal.name(34)).isEqualTo("SIGRTMIN");
        assertThat(Signal.name(37)).isEqualTo("SIGRTMIN+3");
        assertThat(Signal.name(49)).isEqualTo("SIGRTMIN+15");
        assertThat(Signal.name(50)).isEqualTo("SIGRTMAX-14");
        assertThat(Signal.name(63)).isEqualTo("SIGRTMAX-1");
        assertThat(Signal.name(64)).isEqualTo("SIGRTMAX");
        assertThat(Signal.name(32)).isEqualTo("SIG32");
        assertThat(Signal.description(34)).isEqualTo("Real-time signal 0");
        assertThat(Signal.description(37)).isEqualTo("Real-time signal 3");
        assertThat(Signal.description(64)).isEqualTo("Real-time signal 30");
        assertThat(Signal.description(32)).isEqualTo("Unknown signal 32");
        for (int sig = 32; sig <= 64; sig++) {
            assertThat(Signal.defaultAction(sig)).isEqualTo(TERMINATE);
            assertThat(Signal.catchable(sig)).isTrue();
        }
    }

    @Test
    void invalidSignals() {
        for (int sig : new int[] {0, -1, 65, 99, Integer.MIN_VALUE}) {
            assertThat(Signal.valid(sig)).isFalse();
            assertThat(Signal.name(sig)).isNull();
            assertThat(Signal.defaultAction(sig)).isNull();
            assertThat(Signal.catchable(sig)).isFalse();
        }
        assertThat(Signal.description(0)).isEqualTo("Unknown signal 0");
        assertThat(Signal.description(65)).isEqualTo("Unknown signal 65");
        assertThatThrownBy(() -> Signal.mask(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void byNameAcceptsBashSpellings() {
        assertThat(Signal.byName("SEGV")).isEqualTo(11);
        assertThat(Signal.byName("SIGSEGV")).isEqualTo(11);
        assertThat(Signal.byName("sigsegv")).isEqualTo(11);
        assertThat(Signal.byName("segv")).isEqualTo(11);
        assertThat(Signal.byName("Kill")).isEqualTo(9);
        assertThat(Signal.byName("9")).isEqualTo(9);
        assertThat(Signal.byName("64")).isEqualTo(64);
        assertThat(Signal.byName("RTMIN")).isEqualTo(34);
        assertThat(Signal.byName("SIGRTMIN+3")).isEqualTo(37);
        assertThat(Signal.byName("rtmin+20")).isEqualTo(54); // bash: kill -l rtmin+20 prints 54
        assertThat(Signal.byName("RTMAX-1")).isEqualTo(63);
        assertThat(Signal.byName("SIGRTMAX")).isEqualTo(64);
        assertThat(Signal.byName("IOT")).isEqualTo(Signal.SIGABRT);
        assertThat(Signal.byName("SIGPOLL")).isEqualTo(Signal.SIGIO);
        assertThat(Signal.byName("CLD")).isEqualTo(Signal.SIGCHLD);
        for (String bad : new String[] {"", "SIG", "FOO", "0", "65", "-9", "007", "RTMIN+31", "RTMAX-31",
                "RTMIN+", "RTMIN+x", " SEGV", "99999999999"}) {
            assertThat(Signal.byName(bad)).as(bad).isEqualTo(-1);
        }
        assertThat(Signal.byName(null)).isEqualTo(-1);
        for (int sig = 1; sig < Signal.NSIG; sig++) {
            assertThat(Signal.byName(Signal.name(sig))).isEqualTo(sig);
            assertThat(Signal.byName(Integer.toString(sig))).isEqualTo(sig);
        }
    }

    @Test
    void onlyKillAndStopAreUncatchable() {
        for (int sig = 1; sig < Signal.NSIG; sig++) {
            assertThat(Signal.catchable(sig)).isEqualTo(sig != Signal.SIGKILL && sig != Signal.SIGSTOP);
        }
    }

    @Test
    void maskIsTheSigsetBit() {
        assertThat(Signal.mask(1)).isEqualTo(1L);
        assertThat(Signal.mask(Signal.SIGKILL)).isEqualTo(0x100L);
        assertThat(Signal.mask(64)).isEqualTo(Long.MIN_VALUE);
        assertThat(Action.values()).hasSize(5);
    }
}
