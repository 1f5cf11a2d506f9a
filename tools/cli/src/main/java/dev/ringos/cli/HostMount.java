package dev.ringos.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --mount HOST:GUEST[:ro]}: the host directory HOST mounted at the absolute guest path
 * GUEST, read-only with {@code :ro} ({@code :rw}, the default, may be said too). HOST may hold
 * colons; the last colon before GUEST's leading slash separates them.
 */
record HostMount(Path host, String guest, boolean readOnly) {
    static final String FORM = "HOST:GUEST[:ro]";

    static HostMount parse(String text) {
        String rest = text;
        boolean readOnly = false;
        if (rest.endsWith(":ro") || rest.endsWith(":rw")) {
            readOnly = rest.endsWith(":ro");
            rest = rest.substring(0, rest.length() - 3);
        }
        int colon = rest.lastIndexOf(":/");
        if (colon <= 0) {
            throw new TypeConversionException("'" + text + "' is not " + FORM + " (GUEST is an absolute path)");
        }
        String guest = rest.substring(colon + 1);
        if (guest.replace("/", "").isEmpty()) {
            throw new TypeConversionException("'" + text + "': GUEST cannot be the guest's root");
        }
        try {
            return new HostMount(Path.of(rest.substring(0, colon)), guest, readOnly);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + text + "': HOST is not a path");
        }
    }

    /** Picocli's converter: a bad value is a one-line usage error. */
    static final class Converter implements ITypeConverter<HostMount> {
        @Override
        public HostMount convert(String text) {
            return parse(text);
        }
    }
}
