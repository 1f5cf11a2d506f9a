package dev.ringos.kernel.servers.pm;

/** Linux's wait status encoding (what WIFEXITED, WTERMSIG, WIFSTOPPED… decode). */
final class WaitStatus {
    static final int CONTINUED = 0xFFFF;

    static int exited(int code) {
        return (code & 0xFF) << 8;
    }

    static int signaled(int sig) {
        return sig & 0x7F;
    }

    static int stopped(int sig) {
        return (sig & 0xFF) << 8 | 0x7F;
    }

    /** What a shell reports as $?: the exit code, or 128 + the signal. */
    static int shellStatus(int status) {
        int sig = status & 0x7F;
        return sig == 0 ? (status >> 8) & 0xFF : 128 + sig;
    }

    private WaitStatus() {
    }
}
