package dev.ringos.kernel.core;

/**
 * A range of an address space with one kind of backing and one set of rights (Linux's VMA).
 * Pages are created on first touch: zero-filled, or filled from {@code image} (an ELF segment's
 * file bytes, placed at {@code imageAddress}).
 */
public final class Region {
    /** Rights, with ELF's p_flags values. */
    public static final int READ = 4, WRITE = 2, EXEC = 1;

    public enum Kind { IMAGE, ANONYMOUS, HEAP, STACK, GUARD, VDSO }

    final int start;
    int end;
    final int rights;
    final Kind kind;
    final byte[] image;
    final int imageAddress;
    /** What /proc/PID/maps shows in its last column. */
    final String name;

    Region(int start, int end, int rights, Kind kind, byte[] image, int imageAddress, String name) {
        this.start = start;
        this.end = end;
        this.rights = rights;
        this.kind = kind;
        this.image = image;
        this.imageAddress = imageAddress;
        this.name = name;
    }

    Region copy() {
        return new Region(start, end, rights, kind, image, imageAddress, name);
    }

    boolean contains(int va) {
        return Integer.compareUnsigned(va, start) >= 0 && Integer.compareUnsigned(va, end) < 0;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public int rights() {
        return rights;
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return String.format("%08x-%08x %c%c%c %s", start, end, (rights & READ) != 0 ? 'r' : '-',
                (rights & WRITE) != 0 ? 'w' : '-', (rights & EXEC) != 0 ? 'x' : '-', name);
    }
}
