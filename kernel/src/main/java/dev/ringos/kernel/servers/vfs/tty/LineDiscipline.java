package dev.ringos.kernel.servers.vfs.tty;

import static dev.ringos.kernel.servers.vfs.tty.Termios.*;

import dev.ringos.kernel.core.Signal;

/**
 * Linux's N_TTY line discipline, the part of a terminal between the keyboard and the reader and
 * between the writer and the screen. Keys arrive one byte at a time ({@link #receive}); in
 * canonical mode (ICANON) they are gathered into a line the user may edit — VERASE, VWERASE,
 * VKILL, VLNEXT, VREPRINT — and a reader gets nothing until the line ends with a newline, VEOL,
 * VEOL2 or VEOF (a VEOF on an empty line is end of file: the read returns 0). In non-canonical
 * mode every byte is readable at once and a read waits for VMIN bytes; VTIME is not
 * implemented (a read behaves as with VTIME 0). With ISIG, VINTR, VQUIT and VSUSP become
 * SIGINT, SIGQUIT and SIGTSTP for the foreground group and flush the input (unless NOFLSH);
 * with IXON, VSTOP and VSTART stop and restart output. Input is mapped by ISTRIP, IUCLC, IGNCR,
 * ICRNL and INLCR; echo (ECHO, ECHOE, ECHOK, ECHOKE, ECHONL, ECHOCTL) and the program's output
 * go through output processing (OPOST: ONLCR, OCRNL, ONOCR, ONLRET, OLCUC, XTABS) to the screen.
 *
 * <p>Pure: it knows nothing of processes. What it does to the world goes through its
 * {@link Terminal}: bytes for the screen, and signals. It allocates nothing after construction.
 */
public final class LineDiscipline {
    /** Linux's N_TTY_BUF_SIZE: what a terminal holds unread, and one more than the longest line. */
    public static final int BUFFER = 4096;

    /** Where the line discipline's effects go. */
    public interface Terminal {
        /** Bytes for the screen (echo and the program's output, processed). */
        void show(byte[] data, int offset, int length);

        /** A signal key was typed: the signal for the foreground process group. */
        void signal(int sig);
    }

    private enum Erase { CHARACTER, WORD, LINE }

    private final Termios termios = Termios.defaults();
    private final Terminal terminal;

    /** What a read may take: whole lines in canonical mode, any bytes otherwise. A ring. */
    private final byte[] queue = new byte[BUFFER];
    private int queueHead;
    private int queued;
    /** Canonical mode: the lengths of the lines in the queue, oldest first; 0 is an end of file. A ring. */
    private final int[] lines = new int[BUFFER + 1];
    private int linesHead;
    private int lineCount;
    /** Canonical mode: the line being typed, not yet readable. */
    private final byte[] edit = new byte[BUFFER];
    private int editLength;
    /** The screen column where the line being typed began (erasing a tab needs it). */
    private int editColumn;
    private boolean literalNext;
    /** Output stopped by VSTOP (or TCOOFF): writers wait. */
    private boolean stopped;
    /** The screen column, as output processing has moved it. */
    private int column;
    /** Processed bytes not yet shown: flushed at the end of each receive and write. */
    private final byte[] screen = new byte[256];
    private int pending;

    public LineDiscipline(Terminal terminal) {
        this.terminal = terminal;
    }

    /** The current modes (read-only: change them with {@link #setTermios}). */
    public Termios termios() {
        return termios;
    }

    /**
     * TCSETS. Leaving canonical mode makes the line being typed readable; entering it turns
     * unread bytes into the start of the line being typed, as Linux does.
     */
    public void setTermios(Termios modes) {
        boolean wasCanonical = canonical();
        termios.copyFrom(modes);
        if (wasCanonical && !canonical()) {
            int n = Math.min(editLength, BUFFER - queued);
            for (int i = 0; i < n; i++) {
                enqueue(edit[i]);
            }
            editLength = 0;
            lineCount = 0;
            literalNext = false;
        } else if (!wasCanonical && canonical()) {
            editLength = 0;
            while (queued > 0 && editLength < BUFFER - 1) {
                edit[editLength++] = queue[queueHead];
                queueHead = (queueHead + 1) % BUFFER;
                queued--;
            }
            flushQueue();
        }
        if (!termios.input(IXON)) {
            stopped = false;
        }
    }

    public boolean canonical() {
        return termios.local(ICANON);
    }

    // ---- input ----

    /**
     * Keys from the keyboard. Returns how many were taken: fewer than {@code length} when the
     * buffer is full (the rest must wait for a reader to make room, as a throttled line waits).
     */
    public int receive(byte[] keys, int offset, int length) {
        int taken = 0;
        while (taken < length && receive(keys[offset + taken] & 0xFF)) {
            taken++;
        }
        flush();
        return taken;
    }

    private boolean receive(int c) {
        if (termios.input(ISTRIP)) {
            c &= 0x7F;
        }
        if (termios.input(IUCLC) && termios.local(IEXTEN) && c >= 'A' && c <= 'Z') {
            c += 'a' - 'A';
        }
        if (literalNext) {
            literalNext = false;
            return ordinary(c);
        }
        if (termios.input(IXON)) {
            if (termios.is(c, VSTOP)) {
                stopped = true;
                return true;
            }
            if (termios.is(c, VSTART)) {
                stopped = false;
                return true;
            }
        }
        if (termios.local(ISIG)) {
            int sig = termios.is(c, VINTR) ? Signal.SIGINT
                    : termios.is(c, VQUIT) ? Signal.SIGQUIT
                    : termios.is(c, VSUSP) ? Signal.SIGTSTP : 0;
            if (sig != 0) {
                signalKey(sig, c);
                return true;
            }
        }
        if (stopped && termios.input(IXON) && termios.input(IXANY)) {
            stopped = false;
        }
        if (c == '\r') {
            if (termios.input(IGNCR)) {
                return true;
            }
            if (termios.input(ICRNL)) {
                c = '\n';
            }
        } else if (c == '\n' && termios.input(INLCR)) {
            c = '\r';
        }
        return canonical() ? canonicalKey(c) : ordinary(c);
    }

    /** Linux's isig: the input goes (unless NOFLSH), the group gets the signal, the key is echoed. */
    private void signalKey(int sig, int c) {
        if (!termios.local(NOFLSH)) {
            flushInput();
        }
        terminal.signal(sig);
        if (termios.input(IXON)) {
            stopped = false;
        }
        if (termios.local(ECHO)) {
            echo(c);
        }
    }

    private boolean canonicalKey(int c) {
        boolean extended = termios.local(IEXTEN);
        if (termios.is(c, VERASE)) {
            erase(Erase.CHARACTER, c);
            return true;
        }
        if (termios.is(c, VKILL)) {
            erase(Erase.LINE, c);
            return true;
        }
        if (extended && termios.is(c, VWERASE)) {
            erase(Erase.WORD, c);
            return true;
        }
        if (extended && termios.is(c, VLNEXT)) {
            literalNext = true;
            if (termios.local(ECHO) && termios.local(ECHOCTL)) {
                processed('^');
                processed('\b');
            }
            return true;
        }
        if (extended && termios.local(ECHO) && termios.is(c, VREPRINT)) {
            echo(c);
            processed('\n');
            for (int i = 0; i < editLength; i++) {
                echo(edit[i] & 0xFF);
            }
            return true;
        }
        if (c == '\n') {
            if (!roomForLine(editLength + 1)) {
                return false;
            }
            if (termios.local(ECHO) || termios.local(ECHONL)) {
                processed('\n');
            }
            edit[editLength++] = (byte) c;
            endLine();
            return true;
        }
        if (termios.is(c, VEOF)) {
            if (!roomForLine(editLength)) {
                return false;
            }
            endLine();
            return true;
        }
        if (termios.is(c, VEOL) || extended && termios.is(c, VEOL2)) {
            if (!roomForLine(editLength + 1)) {
                return false;
            }
            if (termios.local(ECHO)) {
                startOfLine();
                echo(c);
            }
            edit[editLength++] = (byte) c;
            endLine();
            return true;
        }
        return ordinary(c);
    }

    /** A byte that is data: into the line being typed, or (non-canonical) straight to the queue; echoed. */
    private boolean ordinary(int c) {
        if (canonical()) {
            if (editLength >= BUFFER - 1) {
                return true;    // a line longer than the buffer loses its excess, as on Linux
            }
            startOfLine();
            edit[editLength++] = (byte) c;
        } else {
            if (queued == BUFFER) {
                return false;
            }
            enqueue((byte) c);
        }
        if (termios.local(ECHO)) {
            echo(c);
        }
        return true;
    }

    private void startOfLine() {
        if (editLength == 0) {
            editColumn = column;
        }
    }

    private boolean roomForLine(int length) {
        return queued + length <= BUFFER && lineCount < lines.length;
    }

    /** The line being typed becomes readable. */
    private void endLine() {
        for (int i = 0; i < editLength; i++) {
            enqueue(edit[i]);
        }
        lines[(linesHead + lineCount) % lines.length] = editLength;
        lineCount++;
        editLength = 0;
    }

    /** Linux's eraser: takes back a character, a word (BSD's ALTWERASE) or the line, and rubs it off the screen. */
    private void erase(Erase what, int key) {
        if (editLength == 0) {
            return;
        }
        boolean echo = termios.local(ECHO);
        if (what == Erase.LINE && (!echo || !termios.local(ECHOK) || !termios.local(ECHOKE)
                || !termios.local(ECHOE))) {
            editLength = 0;
            if (echo) {
                echo(key);
                if (termios.local(ECHOK)) {
                    processed('\n');
                }
            }
            return;
        }
        int alnums = 0;
        while (editLength > 0) {
            int end = editLength;
            int start = end - 1;
            while (continuation(edit[start] & 0xFF) && start > 0) {
                start--;
            }
            int c = edit[start] & 0xFF;
            if (continuation(c)) {
                break;  // never half a character
            }
            if (what == Erase.WORD) {
                if (isAlnum(c) || c == '_') {
                    alnums++;
                } else if (alnums > 0) {
                    break;
                }
            }
            editLength = start;
            if (echo) {
                rubOut(what, c, key);
            }
            if (what == Erase.CHARACTER) {
                break;
            }
        }
    }

    private void rubOut(Erase what, int c, int key) {
        if (what == Erase.CHARACTER && !termios.local(ECHOE)) {
            echo(key);
        } else if (c == '\t') {
            int back = 8 - (tabStartColumn() & 7);
            for (int i = 0; i < back && column > 0; i++) {
                processed('\b');
            }
        } else {
            boolean control = isControl(c);
            int width = control ? (termios.local(ECHOCTL) ? 2 : 0) : 1;
            for (int i = 0; i < width; i++) {
                processed('\b');
                processed(' ');
                processed('\b');
            }
        }
    }

    /** Columns the line takes up to the tab just erased, from the previous tab or the start of the line. */
    private int tabStartColumn() {
        int columns = 0;
        for (int i = editLength - 1; i >= 0; i--) {
            int c = edit[i] & 0xFF;
            if (c == '\t') {
                return columns;
            }
            if (isControl(c)) {
                columns += termios.local(ECHOCTL) ? 2 : 0;
            } else if (!continuation(c)) {
                columns++;
            }
        }
        return columns + editColumn;
    }

    /** TCIFLUSH, and a signal key without NOFLSH: every unread byte and the line being typed go. */
    public void flushInput() {
        flushQueue();
        editLength = 0;
        literalNext = false;
    }

    private void flushQueue() {
        queueHead = 0;
        queued = 0;
        linesHead = 0;
        lineCount = 0;
    }

    private void enqueue(byte b) {
        queue[(queueHead + queued) % BUFFER] = b;
        queued++;
    }

    // ---- reading ----

    /**
     * A read: the count taken (0 at end of file), or -1 when the reader must wait. Canonical:
     * at most one line, and a line longer than {@code length} is left for the next reads.
     * Non-canonical: waits for min(VMIN, length) bytes then takes what there is; VMIN 0 never waits.
     */
    public int read(byte[] into, int offset, int length) {
        if (length <= 0) {
            return 0;
        }
        if (canonical()) {
            if (lineCount == 0) {
                return -1;
            }
            int n = Math.min(length, lines[linesHead]);
            take(into, offset, n);
            lines[linesHead] -= n;
            if (lines[linesHead] == 0) {
                linesHead = (linesHead + 1) % lines.length;
                lineCount--;
            }
            return n;
        }
        int min = termios.cc[VMIN];
        if (min > 0 && queued < Math.min(min, length)) {
            return -1;
        }
        int n = Math.min(length, queued);
        take(into, offset, n);
        return n;
    }

    private void take(byte[] into, int offset, int n) {
        for (int i = 0; i < n; i++) {
            into[offset + i] = queue[queueHead];
            queueHead = (queueHead + 1) % BUFFER;
        }
        queued -= n;
    }

    /** FIONREAD: the bytes a reader could take now (in canonical mode, those of complete lines). */
    public int available() {
        return queued;
    }

    /** Whether anything typed is still unread: finished lines, an end of file, or a line being typed. */
    public boolean holdsInput() {
        return queued > 0 || lineCount > 0 || editLength > 0;
    }

    /** Whether a read would return now rather than wait. */
    public boolean readable() {
        return canonical() ? lineCount > 0 : termios.cc[VMIN] == 0 || queued > 0;
    }

    // ---- output ----

    /** A program's output, through output processing to the screen. */
    public void write(byte[] from, int offset, int length) {
        if (!termios.output(OPOST)) {
            flush();
            terminal.show(from, offset, length);
            return;
        }
        for (int i = 0; i < length; i++) {
            processed(from[offset + i] & 0xFF);
        }
        flush();
    }

    public boolean stopped() {
        return stopped;
    }

    /** TCXONC's TCOOFF and TCOON. */
    public void setStopped(boolean stopped) {
        this.stopped = stopped;
    }

    /** Echoes a key: a control character as ^X under ECHOCTL (not tab or newline). */
    private void echo(int c) {
        if (termios.local(ECHOCTL) && isControl(c) && c != '\t' && c != '\n') {
            processed('^');
            processed(c ^ 0100);
        } else {
            processed(c);
        }
    }

    /** One byte through output processing (Linux's do_output_char), tracking the column. */
    private void processed(int c) {
        if (!termios.output(OPOST)) {
            emit(c);
            return;
        }
        switch (c) {
            case '\n' -> {
                if (termios.output(ONLRET)) {
                    column = 0;
                }
                if (termios.output(ONLCR)) {
                    emit('\r');
                    column = 0;
                }
                emit('\n');
            }
            case '\r' -> {
                if (termios.output(ONOCR) && column == 0) {
                    return;
                }
                if (termios.output(OCRNL)) {
                    if (termios.output(ONLRET)) {
                        column = 0;
                    }
                    emit('\n');
                    return;
                }
                column = 0;
                emit('\r');
            }
            case '\t' -> {
                int spaces = 8 - (column & 7);
                column += spaces;
                if ((termios.oflag & TABDLY) == XTABS) {
                    for (int i = 0; i < spaces; i++) {
                        emit(' ');
                    }
                } else {
                    emit('\t');
                }
            }
            case '\b' -> {
                if (column > 0) {
                    column--;
                }
                emit('\b');
            }
            default -> {
                if (!isControl(c)) {
                    if (termios.output(OLCUC) && c >= 'a' && c <= 'z') {
                        c -= 'a' - 'A';
                    }
                    if (!continuation(c)) {
                        column++;
                    }
                }
                emit(c);
            }
        }
    }

    private void emit(int b) {
        if (pending == screen.length) {
            flush();
        }
        screen[pending++] = (byte) b;
    }

    private void flush() {
        if (pending > 0) {
            int n = pending;
            pending = 0;
            terminal.show(screen, 0, n);
        }
    }

    private static boolean isControl(int c) {
        return c < 32 || c == 127;
    }

    private static boolean isAlnum(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** A UTF-8 continuation byte, when IUTF8 says input is UTF-8 (erase then takes whole characters). */
    private boolean continuation(int c) {
        return termios.input(IUTF8) && (c & 0xC0) == 0x80;
    }
}
