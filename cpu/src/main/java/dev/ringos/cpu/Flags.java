package dev.ringos.cpu;

/** EFLAGS bits, in x86 positions. */
public final class Flags {
    public static final int CF = 1;
    /** Bit 1 always reads as one, as on x86. */
    public static final int RESERVED_ONE = 1 << 1;
    public static final int PF = 1 << 2;
    public static final int AF = 1 << 4;
    public static final int ZF = 1 << 6;
    public static final int SF = 1 << 7;
    public static final int TF = 1 << 8;
    public static final int IF = 1 << 9;
    public static final int DF = 1 << 10;
    public static final int OF = 1 << 11;
    public static final int IOPL_SHIFT = 12;
    public static final int IOPL = 3 << IOPL_SHIFT;

    /** The status flags that arithmetic computes. */
    public static final int ARITHMETIC = CF | PF | AF | ZF | SF | OF;
    /** Every bit software can change (at the right privilege). */
    public static final int MODIFIABLE = ARITHMETIC | TF | IF | DF | IOPL;

    private Flags() {
    }

    public static int iopl(int eflags) {
        return (eflags & IOPL) >>> IOPL_SHIFT;
    }
}
