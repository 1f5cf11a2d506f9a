package dev.ringos.kernel.servers.vfs.tty;

import static dev.ringos.kernel.servers.vfs.tty.Termios.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.kernel.core.Signal;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The line discipline alone: keys in, lines out, what the screen shows and which signals go. */
class LineDisciplineTest {
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final List<Integer> signals = new ArrayList<>();
    private final LineDiscipline tty = new LineDiscipline(new LineDiscipline.Terminal() {
        @Override
        public void show(byte[] data, int offset, int length) {
            screen.write(data, offset, length);
        }

        @Override
        public void signal(int sig) {
            signals.add(sig);
        }
    });

    private int type(String keys) {
        byte[] bytes = keys.getBytes(StandardCharsets.ISO_8859_1);
        return tty.receive(bytes, 0, bytes.length);
    }

    /** What one read of up to {@code count} bytes gets, or null if it would wait. */
    private String read(int count) {
        byte[] into = new byte[count];
        int n = tty.read(into, 0, count);
        return n < 0 ? null : new String(into, 0, n, StandardCharsets.ISO_8859_1);
    }

    private String read() {
        return read(100);
    }

    private String shown() {
        String s = screen.toString(StandardCharsets.ISO_8859_1);
        screen.reset();
        return s;
    }

    private void modes(Consumer<Termios> change) {
        Termios t = new Termios();
        t.copyFrom(tty.termios());
        change.accept(t);
        tty.setTermios(t);
    }

    @Test
    void startsWithLinuxsConsoleModes() {
        Termios t = tty.termios();
        assertThat(t.iflag).isEqualTo(ICRNL | IXON);
        assertThat(t.oflag).isEqualTo(OPOST | ONLCR);
        assertThat(t.cflag).isEqualTo(B38400 | CS8 | CREAD | HUPCL);
        assertThat(t.lflag).isEqualTo(ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN);
        byte[] bytes = new byte[Termios.SIZE];
        t.encode(bytes);
        assertThat(bytes).startsWith(0x00, 0x05, 0, 0, 0x05, 0, 0, 0, 0xBF, 0x04, 0, 0, 0x3B, 0x8A, 0, 0, 0,
                3, 0x1C, 0x7F, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1A, 0, 0x12, 0x0F, 0x17, 0x16, 0);
        Termios back = new Termios();
        back.decode(bytes);
        assertThat(back.lflag).isEqualTo(t.lflag);
        assertThat(back.cc).containsExactly(t.cc);
    }

    @Test
    void aLineIsReadableOnlyWhenItEnds() {
        type("abc");
        assertThat(read()).isNull();
        assertThat(tty.readable()).isFalse();
        type("\r");
        assertThat(tty.available()).isEqualTo(4);
        assertThat(read()).isEqualTo("abc\n");
        assertThat(shown()).isEqualTo("abc\r\n");
        assertThat(read()).isNull();
    }

    @Test
    void aReadTakesOneLineAtMostAndLeavesTheRestOfALongOne() {
        type("abcdef\rxy\r");
        assertThat(read(4)).isEqualTo("abcd");
        assertThat(read()).isEqualTo("ef\n");
        assertThat(read()).isEqualTo("xy\n");
    }

    @Test
    void eraseTakesBackOneCharacterAndRubsItOut() {
        type("ab\u007fc\r");
        assertThat(read()).isEqualTo("ac\n");
        assertThat(shown()).isEqualTo("ab\b \bc\r\n");
    }

    @Test
    void eraseOnAnEmptyLineDoesNothing() {
        type("\u007f\u007fa\r");
        assertThat(read()).isEqualTo("a\n");
        assertThat(shown()).isEqualTo("a\r\n");
    }

    @Test
    void eraseWithoutEchoeEchoesTheEraseCharacter() {
        modes(t -> t.lflag &= ~ECHOE);
        type("ab\u007f");
        assertThat(shown()).isEqualTo("ab^?");
    }

    @Test
    void killDiscardsTheLineAndRubsItAllOut() {
        type("xyz\u0015hi\r");
        assertThat(read()).isEqualTo("hi\n");
        assertThat(shown()).isEqualTo("xyz\b \b\b \b\b \bhi\r\n");
    }

    @Test
    void killWithoutEchokeEchoesTheKillCharacterAndANewline() {
        modes(t -> t.lflag &= ~ECHOKE);
        type("xy\u0015z\r");
        assertThat(read()).isEqualTo("z\n");
        assertThat(shown()).isEqualTo("xy^U\r\nz\r\n");
    }

    @Test
    void wordEraseTakesTheLastWordAndTheBlanksAfterIt() {
        type("one two  \u0017three\r");
        assertThat(read()).isEqualTo("one three\n");
    }

    @Test
    void endOfFileOnAnEmptyLineReadsAsZeroOnce() {
        type("\u0004");
        assertThat(tty.readable()).isTrue();
        assertThat(read()).isEmpty();
        assertThat(read()).isNull();
        assertThat(shown()).as("^D is not echoed").isEmpty();
    }

    @Test
    void endOfFileMidLineGivesThePartialLineWithoutANewline() {
        type("par\u0004");
        assertThat(read()).isEqualTo("par");
        assertThat(read()).isNull();
        type("\u0004");
        assertThat(read()).isEmpty();
    }

    @Test
    void controlCharactersEchoAsCaretLettersAndEraseAsTwoColumns() {
        type("a\u0001b\r");
        assertThat(read()).isEqualTo("a\u0001b\n");
        assertThat(shown()).isEqualTo("a^Ab\r\n");
        type("\u0001\u007f");
        assertThat(shown()).isEqualTo("^A\b \b\b \b");
    }

    @Test
    void erasingATabBacksUpToWhereItStarted() {
        type("ab\t\u007f");
        assertThat(shown()).isEqualTo("ab\t\b\b\b\b\b\b");
        type("x\r");
        assertThat(read()).isEqualTo("abx\n");
    }

    @Test
    void literalNextTakesTheNextKeyAsData() {
        type("\u0016\u007f\u0016\u0003\r");
        assertThat(read()).isEqualTo("\u007f\u0003\n");
        assertThat(signals).isEmpty();
        assertThat(shown()).isEqualTo("^\b^?^\b^C\r\n");
    }

    @Test
    void reprintShowsTheLineAgain() {
        type("ab\u0012");
        assertThat(shown()).isEqualTo("ab^R\r\nab");
    }

    @Test
    void signalKeysSignalFlushAndEcho() {
        type("abc\u0003");
        assertThat(signals).containsExactly(Signal.SIGINT);
        assertThat(shown()).isEqualTo("abc^C");
        type("\r");
        assertThat(read()).as("the typed line went with the interrupt").isEqualTo("\n");
        type("\u001a\u001c");
        assertThat(signals).containsExactly(Signal.SIGINT, Signal.SIGTSTP, Signal.SIGQUIT);
        assertThat(shown()).endsWith("^Z^\\");
    }

    @Test
    void noflshKeepsTheInputAcrossASignal() {
        modes(t -> t.lflag |= NOFLSH);
        type("done\r" + "abc\u0003\r");
        assertThat(read()).isEqualTo("done\n");
        assertThat(read()).isEqualTo("abc\n");
    }

    @Test
    void withoutIsigSignalKeysAreData() {
        modes(t -> t.lflag &= ~ISIG);
        type("\u0003\u001a\r");
        assertThat(signals).isEmpty();
        assertThat(read()).isEqualTo("\u0003\u001a\n");
    }

    @Test
    void echoOffShowsNothingButEchonlStillShowsTheNewline() {
        modes(t -> t.lflag &= ~ECHO);
        type("secret\r");
        assertThat(shown()).isEmpty();
        assertThat(read()).isEqualTo("secret\n");
        modes(t -> t.lflag |= ECHONL);
        type("x\r");
        assertThat(shown()).isEqualTo("\r\n");
    }

    @Test
    void rawModeHandsOverEachByteAtOnce() {
        modes(t -> t.lflag &= ~(ICANON | ECHO | ISIG));
        type("a");
        assertThat(read()).isEqualTo("a");
        type("\u0003\u007f\u0004");
        assertThat(read()).isEqualTo("\u0003\u007f\u0004");
        assertThat(signals).isEmpty();
        assertThat(read()).as("VMIN 1: waits").isNull();
        assertThat(shown()).isEmpty();
    }

    @Test
    void rawModeWaitsForVminBytesAndVminZeroNeverWaits() {
        modes(t -> {
            t.lflag &= ~ICANON;
            t.cc[VMIN] = 3;
        });
        type("ab");
        assertThat(read()).isNull();
        assertThat(read(2)).as("a count below VMIN is enough").isEqualTo("ab");
        type("cde");
        assertThat(read()).isEqualTo("cde");
        modes(t -> t.cc[VMIN] = 0);
        assertThat(read()).isEmpty();
    }

    @Test
    void rawModeEchoShowsCarriageReturnAsCaretM() {
        modes(t -> {
            t.lflag &= ~ICANON;
            t.iflag &= ~ICRNL;
        });
        type("a\r");
        assertThat(shown()).isEqualTo("a^M");
        assertThat(read()).isEqualTo("a\r");
    }

    @Test
    void leavingCanonicalModeMakesTheTypedLineReadable() {
        type("half");
        modes(t -> t.lflag &= ~ICANON);
        assertThat(read()).isEqualTo("half");
    }

    @Test
    void enteringCanonicalModeMakesUnreadBytesTheStartOfTheLine() {
        modes(t -> t.lflag &= ~ICANON);
        type("xy");
        modes(t -> t.lflag |= ICANON);
        assertThat(read()).isNull();
        type("\u007fz\r");
        assertThat(read()).isEqualTo("xz\n");
    }

    @Test
    void inputMapping() {
        modes(t -> t.iflag = INLCR | ISTRIP);
        type("a\n\u00e1");
        modes(t -> t.lflag &= ~ICANON);
        assertThat(read()).isEqualTo("a\ra");
        modes(t -> t.iflag = IGNCR);
        type("b\rc");
        assertThat(read()).isEqualTo("bc");
    }

    @Test
    void outputProcessing() {
        byte[] text = "a\nb\r\tc".getBytes(StandardCharsets.ISO_8859_1);
        tty.write(text, 0, text.length);
        assertThat(shown()).isEqualTo("a\r\nb\r\tc");
        modes(t -> t.oflag = OPOST | OCRNL | ONLRET | XTABS | OLCUC);
        tty.write(text, 0, text.length);
        assertThat(shown()).isEqualTo("A\nB\n        C");
        modes(t -> t.oflag = 0);
        tty.write(text, 0, text.length);
        assertThat(shown()).isEqualTo("a\nb\r\tc");
    }

    @Test
    void stopAndStartKeysHoldOutput() {
        type("\u0013");
        assertThat(tty.stopped()).isTrue();
        type("a");
        assertThat(tty.stopped()).as("only VSTART restarts without IXANY").isTrue();
        type("\u0011");
        assertThat(tty.stopped()).isFalse();
        modes(t -> t.iflag |= IXANY);
        type("\u0013b");
        assertThat(tty.stopped()).isFalse();
        type("\r");
        assertThat(read()).isEqualTo("ab\n");
    }

    @Test
    void aFullBufferRefusesMoreUntilARead() {
        modes(t -> t.lflag &= ~(ICANON | ECHO));
        byte[] lots = new byte[LineDiscipline.BUFFER + 10];
        assertThat(tty.receive(lots, 0, lots.length)).isEqualTo(LineDiscipline.BUFFER);
        assertThat(read(10)).hasSize(10);
        assertThat(tty.receive(lots, 0, 20)).isEqualTo(10);
    }

    @Test
    void aLineLongerThanTheBufferLosesItsExcess() {
        modes(t -> t.lflag &= ~ECHO);
        String line = "x".repeat(LineDiscipline.BUFFER + 100);
        assertThat(type(line + "\r")).isEqualTo(line.length() + 1);
        assertThat(read(LineDiscipline.BUFFER + 200)).hasSize(LineDiscipline.BUFFER);
    }

    @Test
    void withIutf8EraseTakesAWholeCharacter() {
        modes(t -> t.iflag |= IUTF8);
        type("a\u00c3\u00a9\u007f\r");
        assertThat(read()).isEqualTo("a\n");
        assertThat(shown()).isEqualTo("a\u00c3\u00a9\b \b\r\n");
    }

    @Test
    void flushDropsEverythingUnread() {
        type("one\rtwo");
        tty.flushInput();
        type("\r");
        assertThat(read()).isEqualTo("\n");
    }
}
