package dev.ringos.kernel.core;

/**
 * Process-context identifiers for address spaces: 1–4095, reused after a space is destroyed
 * (and its translations flushed). When all are taken a space gets 0, which the core flushes on
 * every switch to it: correct, only slower.
 */
final class Pcids {
    static final int UNTAGGED = 0;
    private static final int LAST = 4095;

    private final int[] free = new int[LAST];
    private int freeCount;
    private int next = 1;

    int allocate() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        return next <= LAST ? next++ : UNTAGGED;
    }

    void release(int pcid) {
        if (pcid != UNTAGGED) {
            free[freeCount++] = pcid;
        }
    }
}
