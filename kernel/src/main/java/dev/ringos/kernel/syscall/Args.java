package dev.ringos.kernel.syscall;

/**
 * A syscall's six arguments (EBX, ECX, EDX, ESI, EDI, EBP), filled in for each call. One
 * instance is reused for every call, so the syscall path allocates nothing.
 */
public final class Args {
    private final int[] values = new int[6];

    void set(int ebx, int ecx, int edx, int esi, int edi, int ebp) {
        values[0] = ebx;
        values[1] = ecx;
        values[2] = edx;
        values[3] = esi;
        values[4] = edi;
        values[5] = ebp;
    }

    /** Argument {@code i}, 0-based. */
    public int get(int i) {
        return values[i];
    }

    public int a0() {
        return values[0];
    }

    public int a1() {
        return values[1];
    }

    public int a2() {
        return values[2];
    }

    public int a3() {
        return values[3];
    }

    public int a4() {
        return values[4];
    }

    public int a5() {
        return values[5];
    }
}
