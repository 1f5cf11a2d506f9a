package dev.ringos.asm.disasm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The cpu module's objdump recording (cpu/src/test/resources/oracle/objdump-i386.txt): one
 * encoding of every opcode-table row, made by the Encoder and checked there against the table,
 * with what GNU objdump read in those bytes. Encoded at address 0.
 */
record OracleRows(String encoding, String syntax, byte[] bytes, String objdump) {
    static final Path FILE = Path.of("../../cpu/src/test/resources/oracle/objdump-i386.txt");

    String key() {
        return encoding + "\t" + syntax;
    }

    static List<OracleRows> all() {
        try {
            List<OracleRows> rows = new ArrayList<>();
            for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                rows.add(new OracleRows(f[0], f[1], HexFormat.ofDelimiter(" ").parseHex(f[2]), f[3]));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("the cpu module's objdump recording is missing: " + FILE, e);
        }
    }
}
