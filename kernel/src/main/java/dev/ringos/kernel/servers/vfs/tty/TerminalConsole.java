package dev.ringos.kernel.servers.vfs.tty;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The host's end of the console terminal: what a keyboard and a screen are to a real one. The
 * host types raw bytes, as a terminal emulator sends them (Enter is '\r', Ctrl-C is 3, Ctrl-D
 * is 4, Backspace is DEL), and is shown the terminal's output after output processing.
 *
 * <p>The kernel runs on one host thread; call {@link #type} and {@link #resize} from that thread,
 * between calls to {@code Kernel.run}. Between runs every kernel structure is at rest (the CPU
 * stops only between instructions, never inside the kernel's own code), so the line discipline
 * runs at once on the host's thread: it echoes, and a signal key signals the foreground group
 * as {@code kill} would. Then the console interrupt is raised: its handler wakes the threads
 * waiting for host input — the terminal's readers sleep there, which is how {@code Kernel.run}
 * knows to answer WAITING_FOR_INPUT — and a halted CPU wakes up to run what became runnable.
 */
public final class TerminalConsole {
    /** Where the terminal's output goes: the host's screen. */
    @FunctionalInterface
    public interface Screen {
        void show(byte[] data, int offset, int length);
    }

    private final Screen screen;
    private final ByteArrayOutputStream kept;
    private Tty tty;
    private Runnable interrupt;
    private int rows = 24;
    private int columns = 80;

    /** A console whose output is kept until {@link #takeOutput} (tests, captures). */
    public TerminalConsole() {
        this.kept = new ByteArrayOutputStream();
        this.screen = kept::write;
    }

    /** A console whose output goes to {@code screen} as it is made. */
    public TerminalConsole(Screen screen) {
        this.kept = null;
        this.screen = screen;
    }

    /** The kernel's console terminal is now this console's far end. */
    void connect(Tty tty, Runnable interrupt) {
        this.tty = tty;
        this.interrupt = interrupt;
        tty.resize(rows, columns, 0, 0);
    }

    void show(byte[] data, int offset, int length) {
        screen.show(data, offset, length);
    }

    /** Keys, as raw bytes. */
    public void type(byte[] keys, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > keys.length) {
            throw new IndexOutOfBoundsException("keys [" + offset + ", " + (offset + length) + ") of "
                    + keys.length);
        }
        connected().input(keys, offset, length);
        interrupt.run();
    }

    public void type(byte[] keys) {
        type(keys, 0, keys.length);
    }

    /** Keys as text, sent as UTF-8. */
    public void type(String keys) {
        type(keys.getBytes(StandardCharsets.UTF_8));
    }

    /** The host's window is now {@code rows} by {@code columns}: TIOCGWINSZ reports it, SIGWINCH tells the foreground. */
    public void resize(int rows, int columns) {
        if (rows < 0 || rows > 0xFFFF || columns < 0 || columns > 0xFFFF) {
            throw new IllegalArgumentException("a window of " + rows + " by " + columns);
        }
        this.rows = rows;
        this.columns = columns;
        if (tty != null) {
            tty.resize(rows, columns, 0, 0);
            interrupt.run();
        }
    }

    /**
     * The terminal's modes as programs have set them with TCSETS (a copy). A host that edits lines
     * itself looks here: in canonical mode with echo on, a line typed whole is what the program
     * expects; with ICANON off every key must go through as it comes.
     */
    public Termios modes() {
        Termios copy = Termios.defaults();
        if (tty != null) {
            copy.copyFrom(tty.termios());
        }
        return copy;
    }

    /** Whether keys typed are still unread by any program (a line half typed, typeahead). */
    public boolean holdsInput() {
        return tty != null && tty.holdsInput();
    }

    /** What the terminal has shown since the last call, as UTF-8 (only for a console made to keep it). */
    public String takeOutput() {
        if (kept == null) {
            throw new IllegalStateException("this console shows its output as it comes; it keeps none");
        }
        String text = kept.toString(StandardCharsets.UTF_8);
        kept.reset();
        return text;
    }

    private Tty connected() {
        if (tty == null) {
            throw new IllegalStateException("no kernel has this console yet");
        }
        return tty;
    }
}
