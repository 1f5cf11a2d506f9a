package dev.ringos.cpu;

/**
 * A guest fault on its way to delivery. One preallocated instance per CPU, without a stack trace,
 * so raising a fault allocates nothing; it never leaves the CPU.
 */
final class CpuFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    int vector;
    int errorCode;
    boolean hasErrorCode;

    CpuFault() {
        super(null, null, false, false);
    }

    CpuFault set(int vector, int errorCode, boolean hasErrorCode) {
        this.vector = vector;
        this.errorCode = errorCode;
        this.hasErrorCode = hasErrorCode;
        return this;
    }
}
