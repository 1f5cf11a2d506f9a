package dev.ringos.asm;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The names {@code %define} gave values to, and their substitution into lines. */
final class Defines {
    private static final int MAX_DEPTH = 64;
    private static final int MAX_LINE = 1 << 16;
    private final Map<String, String> values = new HashMap<>();

    void define(String name, String value) {
        values.put(name, value);
    }

    void undefine(String name) {
        values.remove(name);
    }

    boolean isDefined(String name) {
        return values.containsKey(name);
    }

    /**
     * The line with %define'd names replaced, outside strings and comments. A replacement is
     * itself expanded, except for the names being expanded already: as in NASM,
     * {@code %define X X+1} makes {@code X} into {@code X+1}, not an endless {@code X+1+1…}.
     */
    String substitute(String text) {
        if (values.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        expand(text, new HashSet<>(), out, 0);
        return out.toString();
    }

    private void expand(String text, Set<String> active, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new AsmException(1, "%define substitution nested more than " + MAX_DEPTH + " deep");
        }
        int i = 0;
        while (i < text.length()) {
            if (out.length() > MAX_LINE) {
                throw new AsmException(1, "line longer than " + MAX_LINE + " characters after %define substitution");
            }
            char c = text.charAt(i);
            if (c == ';') {
                out.append(text, i, text.length());
                return;
            }
            if (c == '\'' || c == '"' || c == '`') {
                int close = text.indexOf(c, i + 1);
                int end = close < 0 ? text.length() : close + 1;
                out.append(text, i, end);
                i = end;
            } else if (Lexer.isWordStart(c) || Character.isDigit(c)) {
                int end = Preprocessor.wordEnd(text, i);
                String word = text.substring(i, end);
                String replacement = Character.isDigit(c) || active.contains(word) ? null : values.get(word);
                if (replacement == null) {
                    out.append(word);
                } else {
                    active.add(word);
                    expand(replacement, active, out, depth + 1);
                    active.remove(word);
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
    }
}
