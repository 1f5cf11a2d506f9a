package dev.ringos.userland;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.kernel.core.RunResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /sbin/init as PID 1, with the stand-in shell as /bin/sh. */
class InitTest {

    @Test
    void initHandsItsArgumentsToTheShell() {
        SystemUnderTest system = SystemUnderTest.streams("", Map.of(), "-c", "args");
        assertThat(system.status()).isZero();
        assertThat(system.out()).isEqualTo("sh\n-c\nargs\n");
    }

    @Test
    void theShellGetsTheSystemsEnvironmentAndOnlyTheTermOfTheHost() {
        SystemUnderTest system = SystemUnderTest.streams("", Map.of("TERM", "xterm-256color", "SECRET", "x"),
                "-c", "env");
        assertThat(system.status()).isZero();
        assertThat(system.out()).isEqualTo(
                "PATH=/bin:/sbin\nHOME=/root\nUSER=root\nSHELL=/bin/sh\nTERM=xterm-256color\n");
    }

    @Test
    void withoutATerminalTheShellReadsItsCommandsFromStandardInput() {
        SystemUnderTest system = SystemUnderTest.streams("args\necho one\nerr two\n", Map.of());
        assertThat(system.status()).isZero();
        assertThat(system.out()).isEqualTo("sh\none\n");
        assertThat(system.err()).isEqualTo("two\n");
    }

    @Test
    void theMachineStopsWithTheShellsExitStatus() {
        assertThat(SystemUnderTest.streams("echo a\nexit 42\necho never\n", Map.of()).status()).isEqualTo(42);
        assertThat(SystemUnderTest.streams("", Map.of(), "-c", "exit 3").status()).isEqualTo(3);
    }

    @Test
    void aShellKilledBySignalNStopsTheMachineWith128PlusNWhenNotInteractive() {
        SystemUnderTest system = SystemUnderTest.streams("", Map.of(), "-c", "kill 11");
        assertThat(system.status()).isEqualTo(139);
        assertThat(system.err()).isEmpty();
    }

    @Test
    void initReapsOrphans() {
        SystemUnderTest system = SystemUnderTest.streams("", Map.of(), "-c", "orphan");
        assertThat(system.status()).isZero();
        assertThat(system.out()).isEqualTo("reaped\n");
    }

    @Test
    void tmpIsARamfsOfItsOwn() {
        SystemUnderTest system = SystemUnderTest.streams("", Map.of(), "-c", "mounts");
        assertThat(system.status()).isZero();
        assertThat(system.out()).contains("none /tmp ramfs rw 0 0\n");
        assertThat(system.err()).isEmpty();
    }

    @Test
    void onATerminalTheShellIsAnInteractiveLoginShellLeadingASessionWithTheConsole() {
        SystemUnderTest system = SystemUnderTest.terminal();
        assertThat(system.screen()).isEqualTo("$ ");
        assertThat(system.type("args\r")).isEqualTo("args\r\n-sh\r\n-i\r\n$ ");
        assertThat(system.type("session\r")).isEqualTo("session\r\nleader tty\r\n$ ");
        assertThat(system.type("env\r")).contains("TERM=vt100\r\n");
        assertThat(system.type("exit 7\r")).isEqualTo("exit 7\r\n");
        assertThat(system.status()).isEqualTo(7);
    }

    @Test
    void endOfFileAtThePromptEndsTheShellAndTheMachine() {
        SystemUnderTest system = SystemUnderTest.terminal();
        system.screen();
        system.type("\u0004");
        assertThat(system.status()).isZero();
    }

    @Test
    void anInteractiveShellKilledByASignalIsStartedAgain() {
        SystemUnderTest system = SystemUnderTest.terminal();
        system.screen();
        assertThat(system.type("kill 9\r"))
                .isEqualTo("kill 9\r\ninit: /bin/sh was killed by signal 9; starting it again\r\n$ ");
        assertThat(system.type("session\r")).isEqualTo("session\r\nleader tty\r\n$ ");
        system.type("exit 5\r");
        assertThat(system.status()).isEqualTo(5);
    }

    @Test
    void aShellThatKeepsDyingIsGivenUpAfterTenRestarts() {
        SystemUnderTest system = SystemUnderTest.terminal();
        system.screen();
        for (int i = 0; i < 10; i++) {
            assertThat(system.type("kill 9\r")).endsWith("starting it again\r\n$ ");
        }
        system.terminal.type("kill 9\r");
        assertThat(system.run()).isEqualTo(RunResult.SHUTDOWN);
        assertThat(system.kernel.core().shutdownStatus()).isEqualTo(137);
    }

    @Test
    void aCommandLineOnATerminalRunsOnceAndIsNotStartedAgain() {
        SystemUnderTest system = SystemUnderTest.terminal("-c", "session");
        assertThat(system.screen()).isEqualTo("leader tty\r\n");
        assertThat(system.status()).isZero();
        assertThat(SystemUnderTest.terminal("-c", "kill 15").status()).isEqualTo(143);
    }
}
