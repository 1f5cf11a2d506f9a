package dev.ringos.asm;

import dev.ringos.asm.elf.Executable;
import java.util.Locale;

/** The four sections, in the order they are laid out in memory, each with its segment permissions. */
public enum Section {
    TEXT(".text", Executable.R | Executable.X),
    RODATA(".rodata", Executable.R),
    DATA(".data", Executable.R | Executable.W),
    BSS(".bss", Executable.R | Executable.W);

    /**
     * Where .text starts (where GNU ld puts it in a static x86-64 executable); the others follow,
     * each on a fresh page. Low enough that the bare machine, with paging off, can load a program
     * at its addresses into its default 64 MiB. docs/elf.md has the layout.
     */
    public static final long TEXT_BASE = 0x0040_1000L;
    public static final long PAGE = 0x1000;

    private final String sectionName;
    private final int flags;

    Section(String sectionName, int flags) {
        this.sectionName = sectionName;
        this.flags = flags;
    }

    public String sectionName() {
        return sectionName;
    }

    public int flags() {
        return flags;
    }

    /** The section called {@code name} (".text" or "text"), or null. */
    public static Section named(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Section s : values()) {
            if (s.sectionName.equals(n) || s.sectionName.substring(1).equals(n)) {
                return s;
            }
        }
        return null;
    }

    /** Section start addresses for these sizes: .text at {@link #TEXT_BASE}, each next one at the next page boundary. */
    public static long[] layout(long[] sizes) {
        long[] bases = new long[values().length];
        long cursor = TEXT_BASE;
        for (Section s : values()) {
            bases[s.ordinal()] = cursor;
            if (sizes[s.ordinal()] > 0) {
                cursor = (cursor + sizes[s.ordinal()] + PAGE - 1) / PAGE * PAGE;
            }
        }
        return bases;
    }
}
