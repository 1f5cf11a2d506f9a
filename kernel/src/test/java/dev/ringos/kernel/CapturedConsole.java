package dev.ringos.kernel;

import dev.ringos.kernel.servers.vfs.HostConsole;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A host console for tests: input given up front, output and errors collected. */
final class CapturedConsole implements HostConsole {
    private final byte[] input;
    private int position;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    CapturedConsole(String input) {
        this.input = input.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void write(int stream, byte[] data, int offset, int length) {
        (stream == 1 ? out : err).write(data, offset, length);
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        int n = Math.min(length, input.length - position);
        System.arraycopy(input, position, into, offset, n);
        position += n;
        return n;
    }
}
