package dev.ringos.asm;

import java.util.HashMap;
import java.util.Map;

/** The names {@code %define} gave values to, and their substitution into lines. */
final class Defines {
    private static final int MAX_DEFINE_ROUNDS = 32;
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

    /** The line with %define'd names replaced, outside strings and comments, until nothing changes. */
    String substitute(String text) {
        if (values.isEmpty()) {
            return text;
        }
        String current = text;
        for (int round = 0; round < MAX_DEFINE_ROUNDS; round++) {
            String next = substituteOnce(current);
            if (next.equals(current)) {
                return current;
            }
            current = next;
        }
        throw new AsmException(1, "%define substitution does not end (a name defined in terms of itself?)");
    }

    private String substituteOnce(String text) {
        StringBuilder s = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ';') {
                s.append(text, i, text.length());
                break;
            }
            if (c == '\'' || c == '"' || c == '`') {
                int close = text.indexOf(c, i + 1);
                int end = close < 0 ? text.length() : close + 1;
                s.append(text, i, end);
                i = end;
            } else if (Lexer.isWordStart(c)) {
                int end = Preprocessor.wordEnd(text, i);
                String word = text.substring(i, end);
                String replacement = values.get(word);
                s.append(replacement != null ? replacement : word);
                i = end;
            } else if (Character.isDigit(c)) {
                int end = Preprocessor.wordEnd(text, i);
                s.append(text, i, end);
                i = end;
            } else {
                s.append(c);
                i++;
            }
        }
        return s.toString();
    }
}
