package dev.ringos.cli;

import dev.ringos.kernel.servers.vfs.HostConsole;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The guest's fds 0, 1 and 2 on the host's stdin, stdout and stderr, kept separate. Input is
 * read from the host only when the guest waits for it ({@link #fill}), so the guest never
 * blocks the host except when there is truly nothing else to do.
 */
final class StdioConsole implements HostConsole {
    private final InputStream in;
    private final OutputStream out;
    private final OutputStream err;
    private final byte[] pending = new byte[4096];
    private int start;
    private int end;
    private boolean endOfInput;

    StdioConsole(InputStream in, OutputStream out, OutputStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public void write(int stream, byte[] data, int offset, int length) {
        try {
            (stream == 2 ? err : out).write(data, offset, length);
            if (stream == 2) {
                out.flush();
                err.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        if (start == end) {
            return endOfInput ? 0 : -1;
        }
        int n = Math.min(length, end - start);
        System.arraycopy(pending, start, into, offset, n);
        start += n;
        return n;
    }

    /** Blocks until the host has input (or its end); output is flushed first, as a prompt may be waiting. */
    void fill() throws IOException {
        flush();
        int n = in.read(pending, 0, pending.length);
        start = 0;
        end = Math.max(n, 0);
        endOfInput = n < 0;
    }

    void flush() throws IOException {
        out.flush();
        err.flush();
    }
}
