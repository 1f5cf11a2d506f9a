package dev.ringos.asm.elf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A string table being built (.strtab, .shstrtab): NUL-terminated names, the empty name at
 * offset 0. Names are stored in the order they are added, so the table is deterministic.
 */
final class StringTable {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    StringTable() {
        bytes.write(0);
    }

    /** Adds {@code name} and returns its offset (0 for the empty name). */
    int add(String name) {
        if (name.isEmpty()) {
            return 0;
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a name in an ELF string table cannot contain NUL: "
                    + name.replace("\0", "\\0"));
        }
        int offset = bytes.size();
        bytes.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        bytes.write(0);
        return offset;
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
