package dev.ringos.asm;

import java.util.ArrayList;
import java.util.List;

/**
 * An assembly listing like {@code nasm -l}: for each source line its number, the address it was
 * assembled at (absolute, since ringos sections have fixed addresses), its bytes in hex, and the
 * line itself. Long runs of bytes continue on further lines, the hex ending in {@code -}.
 */
public final class Listing {
    private static final int BYTES_PER_ROW = 9;

    /**
     * What one source line produced: {@code address} is -1 for a line that produced nothing
     * (a comment, a directive); {@code reserved} counts bytes reserved in .bss.
     */
    public record Entry(SourceLine line, long address, byte[] bytes, long reserved) {
    }

    private final List<Entry> entries;

    public Listing(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        for (Entry e : entries) {
            render(out, e);
        }
        return out.toString();
    }

    private static void render(StringBuilder out, Entry e) {
        int number = e.line().line();
        if (e.address() < 0) {
            row(out, number, "", "", e.line().text());
        } else if (e.reserved() > 0) {
            row(out, number, address(e.address()), String.format("<res %Xh>", e.reserved()), e.line().text());
        } else if (e.bytes().length == 0) {
            row(out, number, address(e.address()), "", e.line().text());
        } else {
            byte[] b = e.bytes();
            for (int start = 0; start < b.length; start += BYTES_PER_ROW) {
                int end = Math.min(b.length, start + BYTES_PER_ROW);
                StringBuilder hex = new StringBuilder();
                for (int i = start; i < end; i++) {
                    hex.append(String.format("%02X", b[i] & 0xFF));
                }
                if (end < b.length) {
                    hex.append('-');
                }
                row(out, number, address(e.address() + start), hex.toString(), start == 0 ? e.line().text() : "");
            }
        }
    }

    private static String address(long a) {
        return String.format("%08X", a & 0xFFFF_FFFFL);
    }

    private static void row(StringBuilder out, int number, String address, String hex, String source) {
        String row = String.format("%6d %-8s %-24s%s", number, address, hex, source);
        out.append(row.stripTrailing()).append('\n');
    }

    /** Collects entries while the last pass runs. */
    static final class Recorder {
        private final List<Entry> entries = new ArrayList<>();

        void add(Entry e) {
            entries.add(e);
        }

        Listing build() {
            return new Listing(entries);
        }
    }
}
