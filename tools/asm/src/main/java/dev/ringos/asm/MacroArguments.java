package dev.ringos.asm;

import java.util.ArrayList;
import java.util.List;

/** A macro call's arguments: split from the call, and put into the body in place of %1…%N, %0 and %%label. */
final class MacroArguments {
    private MacroArguments() {
    }

    /** The body line with %1…%N, %0 and %%label replaced. */
    static String expand(String text, List<String> arguments, int id) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && text.charAt(i + 1) == '%'
                    && Lexer.isWordStart(text.charAt(i + 2))) {
                s.append("..@").append(id).append('.');
                i++;
            } else if (c == '%' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                int j = i + 1;
                while (j < text.length() && Character.isDigit(text.charAt(j)) && j < i + 3) {
                    j++;
                }
                int n = Integer.parseInt(text.substring(i + 1, j));
                if (n == 0) {
                    s.append(arguments.size());
                } else if (n <= arguments.size()) {
                    s.append(arguments.get(n - 1));
                } else {
                    s.append(text, i, j);
                }
                i = j - 1;
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** Comma-separated arguments; commas inside quotes, brackets, parentheses or {braces} do not split. */
    static List<String> split(String text) {
        List<String> args = new ArrayList<>();
        if (text.isBlank()) {
            return args;
        }
        StringBuilder current = new StringBuilder();
        int nesting = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                nesting++;
            } else if (c == ')' || c == ']' || c == '}') {
                nesting--;
            } else if (c == ',' && nesting == 0) {
                args.add(unbrace(current.toString().strip()));
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        args.add(unbrace(current.toString().strip()));
        return args;
    }

    private static String unbrace(String arg) {
        return arg.length() >= 2 && arg.startsWith("{") && arg.endsWith("}") ? arg.substring(1, arg.length() - 1)
                : arg;
    }
}
