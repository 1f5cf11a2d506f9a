package dev.ringos.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Command-line numbers: decimal, or hexadecimal with 0x, with an optional K/M/G (×1024) suffix. */
final class Numbers implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
        long value = parse(text);
        if (value > 0xFFFF_FFFFL) {
            throw new TypeConversionException("'" + text + "' does not fit in 32 bits");
        }
        return (int) value;
    }

    static long parse(String text) {
        String t = text.trim().toLowerCase();
        long unit = 1;
        if (t.endsWith("k") || t.endsWith("m") || t.endsWith("g")) {
            unit = t.endsWith("k") ? 1L << 10 : t.endsWith("m") ? 1L << 20 : 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        try {
            long v = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            if (v < 0 || v > Long.MAX_VALUE / unit) {
                throw new NumberFormatException();
            }
            return v * unit;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a number (decimal, or 0x… hexadecimal)");
        }
    }

    /** The same rules for 64-bit values such as cycle counts and memory sizes. */
    static final class Long64 implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return parse(text);
        }
    }
}
