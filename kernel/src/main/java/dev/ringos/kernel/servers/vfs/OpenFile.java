package dev.ringos.kernel.servers.vfs;

/**
 * An open file description (shared by dup and fork): what it reads from or writes to, its
 * offset and flags.
 */
final class OpenFile {
    enum Kind { CONSOLE_IN, CONSOLE_OUT, CONSOLE_ERR, REGULAR, DIRECTORY }

    final Kind kind;
    final byte[] data;
    final int flags;
    long offset;
    int references = 1;

    OpenFile(Kind kind, byte[] data, int flags) {
        this.kind = kind;
        this.data = data;
        this.flags = flags;
    }
}
