package dev.ringos.asm;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every symbol the program defines (labels and equ), with where, found before any pass runs. */
public final class SymbolTable {

    /** Where a symbol is defined; {@code equ} symbols have no section. */
    public record Definition(String name, SourceLine line, int column, boolean isEqu) {
        String where() {
            return line.file() + ":" + line.line() + ":" + column;
        }
    }

    private final Map<String, Definition> definitions = new LinkedHashMap<>();

    /** Adds a definition; throws {@link AsmException} if the name is already taken, saying where. */
    public void define(String name, SourceLine line, int column, boolean isEqu) {
        Definition first = definitions.get(name);
        if (first != null) {
            throw new AsmException(column, "duplicate symbol '" + name + "' (first defined at " + first.where() + ")");
        }
        definitions.put(name, new Definition(name, line, column, isEqu));
    }

    public Definition get(String name) {
        return definitions.get(name);
    }

    public boolean isDefined(String name) {
        return definitions.containsKey(name);
    }

    public Iterable<Definition> all() {
        return definitions.values();
    }

    /** A defined name close to {@code name}, for "did you mean", or null. */
    public String suggest(String name) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : definitions.keySet()) {
            int d = Mnemonics.distance(name, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }
}
