package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.pm.ProcView;
import dev.ringos.kernel.servers.vfs.CpioEntry;
import dev.ringos.kernel.servers.vfs.Modes;
import dev.ringos.kernel.servers.vfs.procfs.ProcessInfo;
import dev.ringos.kernel.servers.vfs.tty.TerminalConsole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console terminal from ring 3, driven from the host as a person at a keyboard would: boot
 * with a {@link TerminalConsole}, run until every thread waits for keys, type, run on, and look
 * at the screen.
 */
class TtyTest {
    private static final String TTY_LIB = """
            SYS_OPEN      equ 5
            SYS_IOCTL     equ 54
            SYS_SETPGID   equ 57
            SYS_GETPGRP   equ 65
            SYS_SETSID    equ 66
            TCGETS        equ 0x5401
            TCSETS        equ 0x5402
            TIOCSCTTY     equ 0x540E
            TIOCGPGRP     equ 0x540F
            TIOCSPGRP     equ 0x5410
            TIOCGWINSZ    equ 0x5413
            TIOCSWINSZ    equ 0x5414
            FIONREAD      equ 0x541B
            TIOCGSID      equ 0x5429
            TIOCNOTTY     equ 0x5422
            ICANON        equ 2
            ECHO          equ 8
            ISIG          equ 1
            TOSTOP        equ 0400o
            VMIN          equ 6
            SIGTTIN       equ 21
            SIGTTOU       equ 22
            """;

    private static String program(String text) {
        return TTY_LIB + GuestLib.with(text);
    }

    /** A kernel booted on a terminal console, init running {@code /bin/prog} as PID 2 in init's session. */
    private static final class Terminal {
        final TerminalConsole console = new TerminalConsole();
        final Kernel kernel;

        Terminal(String source) {
            this(source, null);
        }

        Terminal(String source, int[] window) {
            if (window != null) {
                console.resize(window[0], window[1]);
            }
            List<CpioEntry> image = new ArrayList<>();
            image.add(new CpioEntry(Kernel.INIT, CpioEntry.S_IFREG | 0755, Kernel.runInit()));
            image.add(new CpioEntry("/bin/prog", CpioEntry.S_IFREG | 0755, GuestRun.assemble("/bin/prog", source)));
            kernel = new Kernel(KernelConfig.defaults(), image, console, line -> { });
            assertThat(kernel.start(List.of(Kernel.INIT, "/bin/prog"), List.of(), false)).isZero();
        }

        /** Runs until the machine waits for keys or stops; what it shows meanwhile. */
        String run() {
            long end = kernel.core().cycles() + 200_000_000L;
            RunResult result = RunResult.BUDGET;
            while (result == RunResult.BUDGET && kernel.core().cycles() < end) {
                result = kernel.run(end - kernel.core().cycles());
            }
            assertThat(result).isIn(RunResult.WAITING_FOR_INPUT, RunResult.SHUTDOWN);
            return console.takeOutput();
        }

        /** Types {@code keys}, then runs until the machine waits again; what the screen showed. */
        String type(String keys) {
            console.type(keys);
            return run();
        }

        boolean waitingForKeys() {
            return kernel.run(1_000) == RunResult.WAITING_FOR_INPUT;
        }

        int exitStatus() {
            assertThat(kernel.run(1_000)).isEqualTo(RunResult.SHUTDOWN);
            return kernel.core().shutdownStatus();
        }
    }

    /** Reads lines and shows each as <count>bytes, until a read returns 0 or less. */
    private static final String LINES = program("""
            global _start
            _start:
                    mov eax, SYS_READ
                    xor ebx, ebx
                    mov ecx, buf
                    mov edx, 100
                    int 0x80
                    mov edi, eax
                    say "<"
                    call print_dec
                    say ">"
                    test edi, edi
                    jle .done
                    mov eax, SYS_WRITE
                    mov ebx, 1
                    mov ecx, buf
                    mov edx, edi
                    int 0x80
                    jmp _start
            .done:
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            section .bss
            buf: resb 100
            """);

    @Test
    void aCanonicalReadGetsTheEditedLineAndEndOfFileEndsIt() {
        Terminal t = new Terminal(LINES);
        assertThat(t.run()).isEmpty();
        assertThat(t.waitingForKeys()).isTrue();
        assertThat(t.type("ab\u007fc\r")).isEqualTo("ab\b \bc\r\n<3>ac\r\n");
        assertThat(t.type("xyz\u0015hello\r")).isEqualTo("xyz\b \b\b \b\b \bhello\r\n<6>hello\r\n");
        assertThat(t.type("par\u0004")).as("^D mid-line: the partial line, no newline").isEqualTo("par<3>par");
        assertThat(t.type("\u0004")).as("^D on an empty line: end of file").isEqualTo("<0>\r\n");
        assertThat(t.exitStatus()).isZero();
    }

    @Test
    void procfsShowsTheConsoleAsTheControllingTerminalOfInitsSession() {
        Terminal t = new Terminal(LINES);
        t.run();
        ProcessInfo reader = new ProcView(t.kernel.processes()).process(2);
        assertThat(reader.ttyNr()).as("/dev/console, 5:1").isEqualTo(Modes.device(5, 1));
        assertThat(reader.tpgid()).as("init's group is in the foreground").isEqualTo(1);
    }

    @Test
    void keysTypedBeforeTheReaderAsksWaitForIt() {
        Terminal t = new Terminal(LINES);
        t.console.type("one\rtwo\r");
        assertThat(t.run()).isEqualTo("one\r\ntwo\r\n<4>one\r\n<4>two\r\n");
    }

    /** Turns echo off with TCSETS, reads a line, turns it back on, reads another. */
    private static final String NO_ECHO = program("""
            global _start
            _start:
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TCGETS
                    mov edx, modes
                    int 0x80
                    and dword [modes+12], ~ECHO
                    call set_modes
                    call read_line
                    or dword [modes+12], ECHO
                    call set_modes
                    call read_line
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            set_modes:
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TCSETS
                    mov edx, modes
                    int 0x80
                    ret
            read_line:
                    mov eax, SYS_READ
                    xor ebx, ebx
                    mov ecx, buf
                    mov edx, 100
                    int 0x80
                    mov edx, eax
                    say "got:"
                    mov eax, SYS_WRITE
                    mov ebx, 1
                    mov ecx, buf
                    int 0x80
                    ret
            section .bss
            modes: resb 36
            buf: resb 100
            """);

    @Test
    void echoGoesOffAndOnWithTcsets() {
        Terminal t = new Terminal(NO_ECHO);
        assertThat(t.run()).isEmpty();
        assertThat(t.type("secret\r")).isEqualTo("got:secret\r\n");
        assertThat(t.type("plain\r")).isEqualTo("plain\r\ngot:plain\r\n");
        assertThat(t.exitStatus()).isZero();
    }

    /** Raw mode (no ICANON, ECHO or ISIG; VMIN 1): shows the codes of each read's bytes until a 'q'. */
    private static final String RAW = program("""
            global _start
            _start:
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TCGETS
                    mov edx, modes
                    int 0x80
                    and dword [modes+12], ~(ICANON | ECHO | ISIG)
                    mov byte [modes+17+VMIN], 1
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TCSETS
                    mov edx, modes
                    int 0x80
            .read:
                    mov eax, SYS_READ
                    xor ebx, ebx
                    mov ecx, buf
                    mov edx, 16
                    int 0x80
                    mov edi, eax
                    call print_dec
                    say ":"
                    xor esi, esi
            .byte:
                    say " "
                    movzx eax, byte [buf+esi]
                    call print_dec
                    inc esi
                    cmp esi, edi
                    jl .byte
                    call print_nl
                    cmp byte [buf], 'q'
                    jne .read
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            section .bss
            modes: resb 36
            buf: resb 16
            """);

    @Test
    void rawModeHandsOverBytesAsTypedWithoutEchoOrSignals() {
        Terminal t = new Terminal(RAW);
        assertThat(t.run()).isEmpty();
        assertThat(t.type("a")).isEqualTo("1: 97\r\n");
        assertThat(t.type("\u0003\u001a\u007f")).isEqualTo("3: 3 26 127\r\n");
        assertThat(t.type("q")).isEqualTo("1: 113\r\n");
        assertThat(t.exitStatus()).isZero();
    }

    /**
     * A job-control shell in miniature: forks a child into its own group, gives it the terminal
     * (TIOCSPGRP), and waits with WUNTRACED. The child waits until it is in the foreground, then
     * reads. A stopped child is killed and waited for again. Then the parent, ignoring SIGTTOU as
     * shells do, takes the terminal back.
     */
    private static final String JOB = program("""
            global _start
            _start:
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz child
                    mov edi, eax
                    mov [group], eax
                    mov eax, SYS_SETPGID
                    mov ebx, edi
                    mov ecx, edi
                    int 0x80
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TIOCSPGRP
                    mov edx, group
                    int 0x80
                    say "foreground "
                    call print_dec
                    call print_nl
                    call wait_child
                    mov eax, [status]
                    cmp al, 0x7f
                    jne .back
                    mov eax, SYS_KILL
                    mov ebx, edi
                    mov ecx, SIGKILL
                    int 0x80
                    call wait_child
            .back:
                    mov eax, SYS_RT_SIGACTION
                    mov ebx, SIGTTOU
                    mov ecx, ignore
                    xor edx, edx
                    mov esi, 8
                    int 0x80
                    mov eax, SYS_GETPGRP
                    int 0x80
                    mov [group], eax
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TIOCSPGRP
                    mov edx, group
                    int 0x80
                    say "back "
                    call print_dec
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            wait_child:
                    mov eax, SYS_WAIT4
                    mov ebx, edi
                    mov ecx, status
                    mov edx, WUNTRACED
                    xor esi, esi
                    int 0x80
                    say "child "
                    mov eax, [status]
                    call print_hex
                    call print_nl
                    ret
            child:
                    mov eax, SYS_SETPGID
                    xor ebx, ebx
                    xor ecx, ecx
                    int 0x80
            until_foreground:
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TIOCGPGRP
                    mov edx, group
                    int 0x80
                    mov eax, SYS_GETPID
                    int 0x80
                    cmp eax, [group]
                    je child_read
                    mov eax, SYS_SCHED_YIELD
                    int 0x80
                    jmp until_foreground
            child_read:
                    mov eax, SYS_READ
                    xor ebx, ebx
                    mov ecx, buf
                    mov edx, 100
                    int 0x80
                    say "child read "
                    call print_dec
                    call print_nl
                    mov eax, SYS_EXIT
                    mov ebx, 1
                    int 0x80
            section .data
            ignore: dd 1, 0, 0, 0, 0
            section .bss
            group: resd 1
            status: resd 1
            buf: resb 100
            """);

    @Test
    void interruptKillsTheForegroundGroupAndSparesTheParentInAnother() {
        Terminal t = new Terminal(JOB);
        assertThat(t.run()).isEqualTo("foreground 0\r\n");
        assertThat(t.waitingForKeys()).isTrue();
        assertThat(t.type("abc\u0003")).isEqualTo("abc^Cchild 00000002\r\nback 0\r\n");
        assertThat(t.exitStatus()).isZero();
    }

    @Test
    void suspendStopsTheForegroundGroupAndWaitpidSeesItStopped() {
        Terminal t = new Terminal(JOB);
        t.run();
        assertThat(t.type("\u001a")).isEqualTo("^Zchild 0000147f\r\nchild 00000009\r\nback 0\r\n");
        assertThat(t.exitStatus()).isZero();
    }

    @Test
    void quitKillsTheForegroundGroupWithSigquit() {
        Terminal t = new Terminal(JOB);
        t.run();
        assertThat(t.type("\u001c")).isEqualTo("^\\child 00000003\r\nback 0\r\n");
        assertThat(t.exitStatus()).isZero();
    }

    @Test
    void theForegroundChildReadsWhatIsTyped() {
        Terminal t = new Terminal(JOB);
        t.run();
        assertThat(t.type("hi\r")).isEqualTo("hi\r\nchild read 3\r\nchild 00000100\r\nback 0\r\n");
    }

    /** A foreground child that never reads, only spins; the parent waits for it. */
    private static final String SPINNER = program("""
            global _start
            _start:
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz spin
                    mov edi, eax
                    mov [group], eax
                    mov eax, SYS_SETPGID
                    mov ebx, edi
                    mov ecx, edi
                    int 0x80
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TIOCSPGRP
                    mov edx, group
                    int 0x80
                    say "spinning"
                    call print_nl
                    mov eax, SYS_WAIT4
                    mov ebx, edi
                    mov ecx, status
                    xor edx, edx
                    xor esi, esi
                    int 0x80
                    mov eax, [status]
                    call print_hex
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            spin:
                    mov eax, SYS_SETPGID
                    xor ebx, ebx
                    xor ecx, ecx
                    int 0x80
            .forever:
                    jmp .forever
            section .bss
            group: resd 1
            status: resd 1
            """);

    @Test
    void interruptReachesAForegroundProgramThatIsRunningNotReading() {
        Terminal t = new Terminal(SPINNER);
        assertThat(t.kernel.run(20_000_000)).isEqualTo(RunResult.BUDGET);
        assertThat(t.console.takeOutput()).isEqualTo("spinning\r\n");
        assertThat(t.type("\u0003")).isEqualTo("^C00000002\r\n");
        assertThat(t.exitStatus()).isZero();
    }

    /**
     * After {@code parentSetUp}, a child in a background group of the terminal's session runs
     * {@code childSetUp} and {@code childAction} and exits with the action's result; the parent
     * waits with WUNTRACED, then gives it the terminal and SIGCONT, and waits for it again.
     */
    private static String background(String parentSetUp, String childSetUp, String childAction) {
        return program("""
                global _start
                _start:
                        %s
                        mov eax, SYS_FORK
                        int 0x80
                        test eax, eax
                        jz child
                        mov edi, eax
                        mov [group], eax
                        mov eax, SYS_SETPGID
                        mov ebx, edi
                        mov ecx, edi
                        int 0x80
                        call wait_child
                        mov eax, SYS_IOCTL
                        xor ebx, ebx
                        mov ecx, TIOCSPGRP
                        mov edx, group
                        int 0x80
                        mov eax, SYS_KILL
                        mov ebx, edi
                        mov ecx, SIGCONT
                        int 0x80
                        call wait_child
                        mov eax, SYS_EXIT
                        xor ebx, ebx
                        int 0x80
                wait_child:
                        mov eax, SYS_WAIT4
                        mov ebx, edi
                        mov ecx, status
                        mov edx, WUNTRACED
                        xor esi, esi
                        int 0x80
                        say "child "
                        mov eax, [status]
                        call print_hex
                        call print_nl
                        ret
                child:
                        mov eax, SYS_SETPGID
                        xor ebx, ebx
                        xor ecx, ecx
                        int 0x80
                        %s
                        %s
                        mov edi, eax
                        say "child got "
                        call print_dec
                        call print_nl
                        mov eax, SYS_EXIT
                        mov ebx, edi
                        int 0x80
                section .data
                ignore: dd 1, 0, 0, 0, 0
                dfl: dd 0, 0, 0, 0, 0
                section .bss
                group: resd 1
                status: resd 1
                modes: resb 36
                buf: resb 100
                """.formatted(parentSetUp, childSetUp, childAction));
    }

    private static final String READ = """
                        mov eax, SYS_READ
                        xor ebx, ebx
                        mov ecx, buf
                        mov edx, 100
                        int 0x80
            """;

    @Test
    void aBackgroundReadStopsTheReaderWithSigttinAndRunsAgainInTheForeground() {
        Terminal t = new Terminal(background("", "", READ));
        assertThat(t.run()).isEqualTo("child 0000157f\r\n");
        assertThat(t.type("hi\r")).isEqualTo("hi\r\nchild got 3\r\nchild 00000300\r\n");
        assertThat(t.exitStatus()).isZero();
    }

    @Test
    void aBackgroundReaderThatIgnoresSigttinGetsEio() {
        String ignore = """
                        mov eax, SYS_RT_SIGACTION
                        mov ebx, SIGTTIN
                        mov ecx, ignore
                        xor edx, edx
                        mov esi, 8
                        int 0x80
                """;
        Terminal t = new Terminal(background("", ignore, READ));
        assertThat(t.run()).startsWith("child got -5\r\nchild 0000fb00\r\n");
    }

    @Test
    void aBackgroundWriteStopsWithSigttouOnlyUnderTostop() {
        String write = """
                        mov eax, SYS_WRITE
                        mov ebx, 1
                        mov ecx, buf
                        mov edx, 2
                        mov word [buf], 0x6b6f
                        int 0x80
                """;
        Terminal free = new Terminal(background("", "", write));
        assertThat(free.run()).startsWith("okchild got 2\r\nchild 00000200\r\n");

        // The parent ignores SIGTTOU, so its own writes from the background go on; its child does not.
        Terminal stopped = new Terminal(background(TTOU_IGNORED + SET_TOSTOP, TTOU_DEFAULT, write));
        assertThat(stopped.run()).isEqualTo("child 0000167f\r\nokchild got 2\r\nchild 00000200\r\n");
    }

    @Test
    void aBackgroundProcessChangingTheModesStopsWithSigttou() {
        Terminal t = new Terminal(background(TTOU_IGNORED, TTOU_DEFAULT, SET_TOSTOP + "        mov eax, 7\n"));
        assertThat(t.run()).isEqualTo("child 0000167f\r\nchild got 7\r\nchild 00000700\r\n");
    }

    private static final String TTOU_IGNORED = """
                        mov eax, SYS_RT_SIGACTION
                        mov ebx, SIGTTOU
                        mov ecx, ignore
                        xor edx, edx
                        mov esi, 8
                        int 0x80
            """;

    private static final String TTOU_DEFAULT = """
                        mov eax, SYS_RT_SIGACTION
                        mov ebx, SIGTTOU
                        mov ecx, dfl
                        xor edx, edx
                        mov esi, 8
                        int 0x80
            """;

    private static final String SET_TOSTOP = """
                        mov eax, SYS_IOCTL
                        xor ebx, ebx
                        mov ecx, TCGETS
                        mov edx, modes
                        int 0x80
                        or dword [modes+12], TOSTOP
                        mov eax, SYS_IOCTL
                        xor ebx, ebx
                        mov ecx, TCSETS
                        mov edx, modes
                        int 0x80
            """;

    /** Shows the window size, sets another with TIOCSWINSZ, and shows it. */
    private static final String WINDOW = program("""
            global _start
            _start:
                    call show
                    mov dword [size], 0x0064001e
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TIOCSWINSZ
                    mov edx, size
                    int 0x80
                    call show
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            show:
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TIOCGWINSZ
                    mov edx, size
                    int 0x80
                    movzx eax, word [size]
                    call print_dec
                    say "x"
                    movzx eax, word [size+2]
                    call print_dec
                    call print_nl
                    ret
            section .bss
            size: resw 4
            """);

    @Test
    void theWindowSizeIsWhatTheHostSet() {
        Terminal t = new Terminal(WINDOW, new int[] {50, 132});
        assertThat(t.run()).isEqualTo("50x132\r\n30x100\r\n");
        assertThat(new Terminal(WINDOW).run()).as("default").startsWith("24x80\r\n");
    }

    /** Catches SIGWINCH (no SA_RESTART), reads, and shows what the read returned and the new size. */
    private static final String WINCH = program("""
            global _start
            _start:
                    mov eax, SYS_RT_SIGACTION
                    mov ebx, 28             ; SIGWINCH
                    mov ecx, action
                    xor edx, edx
                    mov esi, 8
                    int 0x80
                    mov eax, SYS_READ
                    xor ebx, ebx
                    mov ecx, size
                    mov edx, 8
                    int 0x80
                    say "read "
                    call print_dec
                    say " caught "
                    mov eax, [caught]
                    call print_dec
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TIOCGWINSZ
                    mov edx, size
                    int 0x80
                    say " size "
                    movzx eax, word [size]
                    call print_dec
                    say "x"
                    movzx eax, word [size+2]
                    call print_dec
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            on_winch:
                    inc dword [caught]
                    ret
            section .data
            action: dd on_winch, 0, 0, 0, 0
            section .bss
            caught: resd 1
            size: resw 4
            """);

    @Test
    void resizingTheHostWindowSendsSigwinchToTheForeground() {
        Terminal t = new Terminal(WINCH);
        assertThat(t.run()).isEmpty();
        t.console.resize(40, 100);
        assertThat(t.run()).isEqualTo("read -4 caught 1 size 40x100\r\n");
    }

    /** FIONREAD after reading one byte of a line: the rest of the line is there. */
    private static final String PENDING = program("""
            global _start
            _start:
                    mov eax, SYS_READ
                    xor ebx, ebx
                    mov ecx, buf
                    mov edx, 1
                    int 0x80
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, FIONREAD
                    mov edx, buf
                    int 0x80
                    mov eax, [buf]
                    say "pending "
                    call print_dec
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            section .bss
            buf: resd 1
            """);

    @Test
    void fionreadCountsWhatIsLeftOfTheLine() {
        Terminal t = new Terminal(PENDING);
        t.run();
        assertThat(t.type("abc\r")).isEqualTo("abc\r\npending 3\r\n");
    }

    /** The controlling terminal: who has one, /dev/tty, setsid, TIOCSCTTY. Prints each result. */
    private static final String CONTROLLING = program("""
            global _start
            %macro show 0
                    call print_dec
                    say " "
            %endmacro
            _start:
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TIOCGSID
                    mov edx, value
                    int 0x80
                    mov eax, [value]
                    show
                    call open_tty
                    show
                    mov eax, SYS_SETSID
                    int 0x80
                    show
                    call open_tty
                    show
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TIOCGPGRP
                    mov edx, value
                    int 0x80
                    show
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TIOCSCTTY
                    xor edx, edx
                    int 0x80
                    show
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TIOCSCTTY
                    mov edx, 1
                    int 0x80
                    show
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TIOCGSID
                    mov edx, value
                    int 0x80
                    mov eax, [value]
                    show
                    call open_tty
                    show
                    mov eax, SYS_IOCTL
                    mov ebx, 0
                    mov ecx, 0x1234
                    int 0x80
                    show
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TCGETS
                    mov edx, 16
                    int 0x80
                    show
                    mov eax, 19             ; lseek
                    xor ebx, ebx
                    xor ecx, ecx
                    xor edx, edx
                    int 0x80
                    show
                    mov eax, SYS_RT_SIGACTION
                    mov ebx, 1              ; SIGHUP, which TIOCNOTTY sends the foreground: this process
                    mov ecx, ignore
                    xor edx, edx
                    mov esi, 8
                    int 0x80
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TIOCNOTTY
                    int 0x80
                    show
                    call open_tty
                    show
                    mov eax, SYS_OPEN
                    mov ebx, console
                    mov ecx, 2
                    int 0x80
                    show
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TIOCGSID
                    mov edx, value
                    int 0x80
                    mov eax, [value]
                    show
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            open_tty:
                    mov eax, SYS_OPEN
                    mov ebx, tty
                    mov ecx, 2
                    int 0x80
                    ret
            section .data
            tty: db "/dev/tty", 0
            console: db "/dev/console", 0
            ignore: dd 1, 0, 0, 0, 0
            section .bss
            value: resd 1
            """);

    @Test
    void aSessionHasAControllingTerminalThatDevTtyOpens() {
        Terminal t = new Terminal(CONTROLLING);
        // sid 1 (init's session); /dev/tty opens; setsid → 2; no terminal now: ENXIO, ENOTTY;
        // TIOCSCTTY: EPERM while session 1 has it, 0 when root takes it; sid 2; /dev/tty opens;
        // an unknown request ENOTTY; TCGETS to a bad pointer EFAULT; lseek ESPIPE; TIOCNOTTY gives
        // it up, and /dev/tty fails again; opening /dev/console, the leader takes it once more.
        assertThat(t.run()).isEqualTo("1 3 2 -6 -25 -1 0 2 4 -25 -14 -29 0 -6 5 2 \r\n");
    }

    /**
     * A session leader takes the console (TIOCSCTTY 1, as root), forks, and exits; its child, left
     * in the session, has no controlling terminal any more. The first process waits for the child to go.
     */
    private static final String LEADER_EXITS = program("""
            global _start
            _start:
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz leader
                    mov eax, SYS_WAIT4
                    mov ebx, -1
                    mov ecx, status
                    xor edx, edx
                    xor esi, esi
                    int 0x80
                    movzx edi, byte [status+1]
            .poll:
                    mov eax, SYS_KILL
                    mov ebx, edi
                    xor ecx, ecx
                    int 0x80
                    test eax, eax
                    jnz .done
                    mov eax, SYS_SCHED_YIELD
                    int 0x80
                    jmp .poll
            .done:
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            leader:
                    mov eax, SYS_SETSID
                    int 0x80
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TIOCSCTTY
                    mov edx, 1
                    int 0x80
                    mov eax, SYS_OPEN
                    mov ebx, tty
                    mov ecx, 2
                    int 0x80
                    call print_dec
                    call print_nl
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz orphan
                    mov ebx, eax
                    mov eax, SYS_EXIT
                    int 0x80
            orphan:
                    mov eax, SYS_GETPPID
                    int 0x80
                    cmp eax, 1
                    je .alone
                    mov eax, SYS_SCHED_YIELD
                    int 0x80
                    jmp orphan
            .alone:
                    mov eax, SYS_OPEN
                    mov ebx, tty
                    mov ecx, 2
                    int 0x80
                    call print_dec
                    say " "
                    mov eax, SYS_IOCTL
                    xor ebx, ebx
                    mov ecx, TIOCGSID
                    mov edx, status
                    int 0x80
                    call print_dec
                    call print_nl
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            section .data
            tty: db "/dev/tty", 0
            section .bss
            status: resd 1
            """);

    @Test
    void aSessionLosesItsTerminalWhenItsLeaderExits() {
        Terminal t = new Terminal(LEADER_EXITS);
        assertThat(t.run()).isEqualTo("3\r\n-6 -25\r\n");
        assertThat(t.exitStatus()).isZero();
    }
}
