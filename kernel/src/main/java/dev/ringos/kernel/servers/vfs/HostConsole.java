package dev.ringos.kernel.servers.vfs;

/**
 * The host's end of the guest's standard streams: fd 0 reads from the host, fds 1 and 2 write
 * to the host's stdout and stderr, kept separate (as {@code docker run} without {@code -t}).
 */
public interface HostConsole {
    /** Bytes for guest fd 1 ({@code stream} 1) or 2 ({@code stream} 2). */
    void write(int stream, byte[] data, int offset, int length);

    /** Up to {@code length} bytes of input: the count, 0 at end of input, -1 when none is there yet. */
    int read(byte[] into, int offset, int length);

    /** A console that reads end-of-file and collects nothing. */
    static HostConsole discarding() {
        return new HostConsole() {
            @Override
            public void write(int stream, byte[] data, int offset, int length) {
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                return 0;
            }
        };
    }
}
