package dev.ringos.kernel.servers.vfs.tty;

/**
 * A terminal's modes: Linux i386's {@code struct termios} as TCGETS and TCSETS pass it — c_iflag,
 * c_oflag, c_cflag, c_lflag (u32 at 0, 4, 8, 12), c_line (u8 at 16), c_cc[19] (at 17): 36 bytes.
 * Flag values are those of {@code asm-generic/termbits.h} (octal, as there).
 */
public final class Termios {
    public static final int SIZE = 36;
    public static final int NCCS = 19;

    // c_iflag
    public static final int IGNBRK = 01, BRKINT = 02, IGNPAR = 04, PARMRK = 010, INPCK = 020, ISTRIP = 040,
            INLCR = 0100, IGNCR = 0200, ICRNL = 0400, IUCLC = 01000, IXON = 02000, IXANY = 04000,
            IXOFF = 010000, IMAXBEL = 020000, IUTF8 = 040000;
    // c_oflag
    public static final int OPOST = 01, OLCUC = 02, ONLCR = 04, OCRNL = 010, ONOCR = 020, ONLRET = 040,
            TABDLY = 014000, XTABS = 014000;
    // c_cflag
    public static final int B38400 = 017, CSIZE = 060, CS8 = 060, CSTOPB = 0100, CREAD = 0200, PARENB = 0400,
            HUPCL = 02000, CLOCAL = 04000;
    // c_lflag
    public static final int ISIG = 01, ICANON = 02, XCASE = 04, ECHO = 010, ECHOE = 020, ECHOK = 040,
            ECHONL = 0100, NOFLSH = 0200, TOSTOP = 0400, ECHOCTL = 01000, ECHOPRT = 02000, ECHOKE = 04000,
            FLUSHO = 010000, PENDIN = 040000, IEXTEN = 0100000;
    // c_cc indices
    public static final int VINTR = 0, VQUIT = 1, VERASE = 2, VKILL = 3, VEOF = 4, VTIME = 5, VMIN = 6, VSWTC = 7,
            VSTART = 8, VSTOP = 9, VSUSP = 10, VEOL = 11, VREPRINT = 12, VDISCARD = 13, VWERASE = 14, VLNEXT = 15,
            VEOL2 = 16;

    /** Linux's INIT_C_CC: ^C ^\ DEL ^U ^D, TIME 0, MIN 1, SWTC off, ^Q ^S ^Z, EOL off, ^R ^O ^W ^V, EOL2 off. */
    private static final byte[] DEFAULT_CC = {3, 034, 0177, 025, 4, 0, 1, 0, 021, 023, 032, 0, 022, 017, 027, 026, 0};

    public int iflag;
    public int oflag;
    public int cflag;
    public int lflag;
    public int line;
    /** The control characters, unsigned; 0 disables one (POSIX's _POSIX_VDISABLE on Linux). */
    public final int[] cc = new int[NCCS];

    /** Linux's tty_std_termios: what a console starts with (a cooked, echoing, signalling line). */
    public static Termios defaults() {
        Termios t = new Termios();
        t.iflag = ICRNL | IXON;
        t.oflag = OPOST | ONLCR;
        t.cflag = B38400 | CS8 | CREAD | HUPCL;
        t.lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
        for (int i = 0; i < DEFAULT_CC.length; i++) {
            t.cc[i] = DEFAULT_CC[i] & 0xFF;
        }
        return t;
    }

    public void copyFrom(Termios other) {
        iflag = other.iflag;
        oflag = other.oflag;
        cflag = other.cflag;
        lflag = other.lflag;
        line = other.line;
        System.arraycopy(other.cc, 0, cc, 0, NCCS);
    }

    public boolean input(int flag) {
        return (iflag & flag) != 0;
    }

    public boolean output(int flag) {
        return (oflag & flag) != 0;
    }

    public boolean local(int flag) {
        return (lflag & flag) != 0;
    }

    /** Whether {@code c} is the control character at {@code index} (never, when that one is disabled). */
    public boolean is(int c, int index) {
        int v = cc[index];
        return v != 0 && v == c;
    }

    /** The 36 bytes TCGETS copies out. */
    public void encode(byte[] into) {
        putInt(into, 0, iflag);
        putInt(into, 4, oflag);
        putInt(into, 8, cflag);
        putInt(into, 12, lflag);
        into[16] = (byte) line;
        for (int i = 0; i < NCCS; i++) {
            into[17 + i] = (byte) cc[i];
        }
    }

    /** Reads the 36 bytes TCSETS copies in. */
    public void decode(byte[] from) {
        iflag = getInt(from, 0);
        oflag = getInt(from, 4);
        cflag = getInt(from, 8);
        lflag = getInt(from, 12);
        line = from[16] & 0xFF;
        for (int i = 0; i < NCCS; i++) {
            cc[i] = from[17 + i] & 0xFF;
        }
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
