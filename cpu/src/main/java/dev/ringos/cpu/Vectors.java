package dev.ringos.cpu;

/** Trap and interrupt vectors, x86's numbers. */
public final class Vectors {
    public static final int DIVIDE_ERROR = 0;       // #DE
    public static final int DEBUG = 1;              // #DB
    public static final int BREAKPOINT = 3;         // #BP
    public static final int INVALID_OPCODE = 6;     // #UD
    public static final int DOUBLE_FAULT = 8;       // #DF
    public static final int SEGMENT_NOT_PRESENT = 11; // #NP: a gate with P clear
    public static final int GENERAL_PROTECTION = 13; // #GP
    public static final int PAGE_FAULT = 14;        // #PF
    public static final int TIMER = 32;
    public static final int CONSOLE = 33;
    public static final int SYSCALL = 0x80;

    private Vectors() {
    }

    /** x86's "contributory" exceptions: two of them in a row make a double fault. */
    public static boolean isContributory(int vector) {
        return vector == DIVIDE_ERROR || (vector >= 10 && vector <= 13);
    }

    /** Whether delivering this vector as an exception pushes an error code (#DF, #TS, #NP, #SS, #GP, #PF, #AC). */
    public static boolean hasErrorCode(int vector) {
        return vector == DOUBLE_FAULT || (vector >= 10 && vector <= 14) || vector == 17;
    }


    public static String name(int vector) {
        return switch (vector) {
            case DIVIDE_ERROR -> "#DE";
            case DEBUG -> "#DB";
            case BREAKPOINT -> "#BP";
            case INVALID_OPCODE -> "#UD";
            case DOUBLE_FAULT -> "#DF";
            case SEGMENT_NOT_PRESENT -> "#NP";
            case GENERAL_PROTECTION -> "#GP";
            case PAGE_FAULT -> "#PF";
            case TIMER -> "timer";
            case CONSOLE -> "console";
            default -> "vector " + vector;
        };
    }
}
