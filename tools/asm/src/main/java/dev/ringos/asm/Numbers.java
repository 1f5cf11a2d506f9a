package dev.ringos.asm;

import java.util.Locale;

/** Numeric literals in NASM's forms: {@code 123}, {@code 0x1F}, {@code 1Fh}, {@code 0b101}, {@code 101b}, {@code 17q}. */
public final class Numbers {
    private Numbers() {
    }

    /** The value of {@code token}; throws {@link AsmException} if it is not a number. */
    public static long parse(Token token) {
        String t = token.text().toLowerCase(Locale.ROOT).replace("_", "");
        int radix = 10;
        String digits = t;
        if (t.length() > 2 && t.charAt(0) == '0' && "xhboqdty".indexOf(t.charAt(1)) >= 0 && !t.endsWith("h")) {
            radix = radixOf(t.charAt(1));
            digits = t.substring(2);
        } else if (t.length() > 1 && "hxboqdty".indexOf(t.charAt(t.length() - 1)) >= 0) {
            radix = radixOf(t.charAt(t.length() - 1));
            digits = t.substring(0, t.length() - 1);
        }
        try {
            long value = Long.parseLong(digits, radix);
            if (value > 0xFFFF_FFFFL) {
                throw new AsmException(token.column(), "number '" + token.text() + "' does not fit in 32 bits");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new AsmException(token.column(), "invalid number '" + token.text() + "'");
        }
    }

    private static int radixOf(char c) {
        return switch (c) {
            case 'x', 'h' -> 16;
            case 'b', 'y' -> 2;
            case 'o', 'q' -> 8;
            default -> 10;
        };
    }
}
