package dev.ringos.cli;

import dev.ringos.kernel.Kernel;
import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.vfs.tty.TerminalConsole;
import dev.ringos.kernel.servers.vfs.tty.Termios;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;

/**
 * The host's terminal attached to the guest's console, as a terminal emulator is to a Linux
 * console: the host terminal is in raw mode, every key goes to the guest's line discipline
 * ({@link TerminalConsole#type}), the guest's output goes to the screen unchanged, and window
 * changes become the guest's window size (and its SIGWINCH). Ctrl-C, Ctrl-Z and Ctrl-D are bytes
 * like any other: the guest's terminal makes them SIGINT, SIGTSTP and end of file.
 *
 * <p>Line editing, as rlwrap does it: when every guest thread waits for keys and the guest's
 * terminal is in canonical mode with echo on, with nothing typed yet, the host reads the line
 * with JLine — editing, history in {@code ~/.ringos_history}, completion of guest commands and
 * file names — showing the guest's unfinished output line as the prompt, then types the finished
 * line into the guest whole. The guest's echo of it is not shown again (JLine has shown it). A
 * signal key or end of file typed while JLine reads ends the line unsent and goes to the guest as
 * the key it is. When a program switches the terminal to raw mode (no ICANON or no echo), keys go
 * through one by one, as typed.
 *
 * <p>The kernel runs on this thread only; keys are read between slices of guest time.
 */
final class TerminalSession {
    /** Guest cycles between looks at the keyboard while the guest is busy. */
    private static final long SLICE = 5_000_000L;
    /** How often a busy guest's keyboard is looked at, in host nanoseconds. */
    private static final long POLL_NANOS = 20_000_000L;
    /** A guest output line longer than this is no prompt: keys then go through as typed. */
    private static final int PROMPT_MAX = 512;
    private static final int HANGUP = 129;

    private final Terminal terminal;
    private final NonBlockingReader keyboard;
    private final OutputStream screen;
    private final TerminalConsole console;
    private final Kernel kernel;
    private final LineReader lineReader;
    private volatile boolean resized;
    /** While a finished line is typed into the guest: its echo is not shown (JLine showed the line). */
    private boolean swallowing;
    /** The guest's output since its last CR or LF: the prompt of a line being read. */
    private final byte[] partial = new byte[PROMPT_MAX];
    private int partialLength;
    private boolean partialTooLong;
    /** The guest terminal's modes while JLine reads a line. */
    private Termios modes = Termios.defaults();
    /** A key that ended JLine's line to go to the guest as itself (a signal key, end of file), or 0. */
    private int endingKey;
    private long lastPoll;
    private boolean hungUp;

    private TerminalSession(Terminal terminal, SystemOptions options) {
        this.terminal = terminal;
        this.keyboard = terminal.reader();
        this.screen = new BufferedOutputStream(terminal.output(), 1 << 16);
        this.console = new TerminalConsole(this::show);
        Size size = terminal.getSize();
        if (size.getRows() > 0 && size.getColumns() > 0) {
            console.resize(size.getRows(), size.getColumns());
        }
        this.kernel = new Kernel(SystemRun.config(options), SystemRun.image(), console, this::traceLine);
        SystemRun.mount(kernel, options);
        this.lineReader = options.noEdit ? null : lineReader(terminal, new GuestFiles(kernel));
    }

    /** Boots on the host's terminal and runs until the shell exits; its status. */
    static int run(SystemOptions options, PrintWriter err) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("ringos").build()) {
            if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
                err.println("ringos: the host's terminal cannot be put in raw mode; try ringos --no-edit or"
                        + " ringos < /dev/tty");
                return 1;
            }
            TerminalSession session = new TerminalSession(terminal, options);
            int started = session.kernel.boot(List.of(), System.getenv(), options.strace);
            if (started != 0) {
                err.println("ringos: the kernel could not start " + Kernel.INIT + " (error " + -started + ")");
                return SystemRun.KERNEL_FAILED;
            }
            Attributes original = terminal.getAttributes();
            RunResult end;
            try {
                terminal.setAttributes(raw(original));
                terminal.handle(Terminal.Signal.WINCH, signal -> session.resized = true);
                end = session.loop();
            } finally {
                session.screen.flush();
                terminal.setAttributes(original);
                terminal.flush();
            }
            if (session.hungUp) {
                return HANGUP;
            }
            return SystemRun.ended(session.kernel, end, err);
        }
    }

    /**
     * The host terminal's raw mode: no echo, no line editing, no signal keys, no flow control, no
     * CR/NL mapping in either direction; the guest's terminal does all of that.
     */
    private static Attributes raw(Attributes original) {
        Attributes raw = new Attributes(original);
        for (Attributes.LocalFlag f : List.of(Attributes.LocalFlag.ICANON, Attributes.LocalFlag.ECHO,
                Attributes.LocalFlag.ISIG, Attributes.LocalFlag.IEXTEN)) {
            raw.setLocalFlag(f, false);
        }
        for (Attributes.InputFlag f : List.of(Attributes.InputFlag.IXON, Attributes.InputFlag.ICRNL,
                Attributes.InputFlag.INLCR, Attributes.InputFlag.IGNCR, Attributes.InputFlag.ISTRIP)) {
            raw.setInputFlag(f, false);
        }
        raw.setOutputFlag(Attributes.OutputFlag.OPOST, false);
        raw.setControlChar(Attributes.ControlChar.VMIN, 1);
        raw.setControlChar(Attributes.ControlChar.VTIME, 0);
        return raw;
    }

    private RunResult loop() throws IOException {
        while (true) {
            applyResize();
            RunResult result = kernel.run(SLICE);
            screen.flush();
            switch (result) {
                case BUDGET -> {
                    long now = System.nanoTime();
                    if (now - lastPoll >= POLL_NANOS) {
                        lastPoll = now;
                        typeWaitingKeys(1);
                    }
                }
                case WAITING_FOR_INPUT -> {
                    if (lineEditing()) {
                        editLine();
                    } else {
                        waitForKeys();
                    }
                }
                default -> {
                    return result;
                }
            }
            if (hungUp) {
                return RunResult.SHUTDOWN;
            }
        }
    }

    private void applyResize() {
        if (!resized) {
            return;
        }
        resized = false;
        Size size = terminal.getSize();
        if (size.getRows() > 0 && size.getColumns() > 0) {
            console.resize(size.getRows(), size.getColumns());
        }
    }

    // ---- keys as typed ----

    /** Blocks until keys come (or the window changes), then types them into the guest. */
    private void waitForKeys() throws IOException {
        while (!resized && !hungUp) {
            if (typeWaitingKeys(100)) {
                return;
            }
        }
    }

    /**
     * Types into the guest whatever keys arrive within {@code millis} ms (and right after them);
     * whether there were any.
     */
    private boolean typeWaitingKeys(long millis) throws IOException {
        int c = keyboard.read(millis);
        if (c == NonBlockingReader.READ_EXPIRED) {
            return false;
        }
        if (c == NonBlockingReader.EOF) {
            hungUp = true;
            return false;
        }
        StringBuilder keys = new StringBuilder();
        keys.append((char) c);
        while (keys.length() < 4096 && (c = keyboard.read(1L)) >= 0) {
            keys.append((char) c);
        }
        console.type(keys.toString());
        return true;
    }

    // ---- lines edited on the host ----

    /** Whether the guest reads whole echoed lines with none begun: the host may then edit the line. */
    private boolean lineEditing() {
        if (lineReader == null || partialTooLong || console.holdsInput()) {
            return false;
        }
        Termios now = console.modes();
        return now.local(Termios.ICANON) && now.local(Termios.ECHO);
    }

    private void editLine() throws IOException {
        modes = console.modes();
        endingKey = 0;
        String prompt = new String(partial, 0, partialLength, StandardCharsets.UTF_8);
        screen.write('\r');             // JLine draws the prompt again from the start of the line
        screen.flush();
        String line;
        try {
            line = lineReader.readLine(prompt.replace("%", "%%"));
        } catch (UserInterruptException e) {
            line = e.getPartialLine();
            endingKey = modes.cc[Termios.VINTR];
        } catch (EndOfFileException e) {
            // JLine's own end of file (^D on an empty line) leaves the line shown and a newline.
            partialLength = 0;
            console.type(new byte[] {(byte) modes.cc[Termios.VEOF]});
            return;
        } finally {
            lineReader.unsetOpt(LineReader.Option.ERASE_LINE_ON_FINISH);
            lineReader.setVariable(LineReader.DISABLE_HISTORY, false);
        }
        resized = true;                 // JLine took the window-change signal while it read
        if (endingKey != 0) {
            // JLine has erased its line: show it as the guest's terminal had it, then the key
            // goes to the guest, which echoes it (^C) and signals or ends the file as it does.
            show((prompt + line).getBytes(StandardCharsets.UTF_8));
            screen.flush();
            console.type(new byte[] {(byte) endingKey});
            return;
        }
        partialLength = 0;
        swallowing = true;
        try {
            console.type(typed(line, modes));
        } finally {
            swallowing = false;
        }
    }

    /**
     * The keys that give the guest {@code line} and its end: control characters quoted with
     * VLNEXT (so ^U in the line is not a kill), then Enter as the terminal expects it.
     */
    static byte[] typed(String line, Termios modes) {
        ByteArrayOutputStream keys = new ByteArrayOutputStream();
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        int lnext = modes.local(Termios.IEXTEN) ? modes.cc[Termios.VLNEXT] : 0;
        for (byte b : bytes) {
            if (lnext != 0 && b != '\t' && ((b & 0xFF) < 0x20 || b == 0x7F)) {
                keys.write(lnext);
            }
            keys.write(b);
        }
        keys.write(modes.input(Termios.ICRNL) && !modes.input(Termios.IGNCR) ? '\r' : '\n');
        return keys.toByteArray();
    }

    private LineReader lineReader(Terminal terminal, GuestFiles files) {
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(false);
        parser.setEofOnEscapedNewLine(false);
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("ringos")
                .parser(parser)
                .completer(new GuestCompleter(files))
                .variable(LineReader.HISTORY_FILE, historyFile())
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)  // '!' is the guest shell's
                .option(LineReader.Option.HISTORY_INCREMENTAL, true)
                .build();
        reader.getWidgets().put("ringos-ending-key", () -> endLineWithKey(reader));
        KeyMap<Binding> keys = reader.getKeyMaps().get(LineReader.MAIN);
        for (char c : new char[] {'C', 'Z', '\\', 'D'}) {
            keys.bind(new Reference("ringos-ending-key"), KeyMap.ctrl(c));
        }
        return reader;
    }

    /**
     * A signal key (with ISIG) ends the line unsent; so does end of file on an empty line. Other
     * uses of these keys are the guest's: plain data without ISIG, delete under the cursor for ^D.
     */
    private boolean endLineWithKey(LineReader reader) {
        int key = reader.getLastBinding().charAt(0);
        boolean signal = modes.local(Termios.ISIG)
                && (key == modes.cc[Termios.VINTR] || key == modes.cc[Termios.VSUSP] || key == modes.cc[Termios.VQUIT]);
        boolean endOfFile = key == modes.cc[Termios.VEOF] && reader.getBuffer().length() == 0;
        if (!signal && !endOfFile) {
            if (key == modes.cc[Termios.VEOF]) {
                reader.callWidget(LineReader.DELETE_CHAR);
            } else {
                reader.getBuffer().write(key);
            }
            return true;
        }
        endingKey = key;
        reader.setOpt(LineReader.Option.ERASE_LINE_ON_FINISH);
        reader.setVariable(LineReader.DISABLE_HISTORY, true);    // a line not sent is no history
        reader.callWidget(LineReader.ACCEPT_LINE);
        return true;
    }

    /** ~/.ringos_history, HOME as the shell has it. */
    private static Path historyFile() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"), ".ringos_history");
    }

    // ---- the screen ----

    private void show(byte[] data) {
        show(data, 0, data.length);
    }

    private void show(byte[] data, int offset, int length) {
        if (swallowing) {
            return;
        }
        try {
            screen.write(data, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int end = offset + length;
        int from = end;
        while (from > offset && data[from - 1] != '\n' && data[from - 1] != '\r') {
            from--;
        }
        if (from > offset) {
            partialLength = 0;
            partialTooLong = false;
        }
        int n = end - from;
        if (partialTooLong || partialLength + n > PROMPT_MAX) {
            partialTooLong = true;
            return;
        }
        System.arraycopy(data, from, partial, partialLength, n);
        partialLength += n;
    }

    private void traceLine(String line) {
        show((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        partialLength = 0;
    }
}
