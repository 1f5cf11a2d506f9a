package dev.ringos.asm;

import dev.ringos.asm.Token.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line into tokens, NASM's way: {@code ;} starts a comment, strings are quoted with
 * {@code '…'}, {@code "…"} (taken literally) or backquotes (with C-style escapes), numbers are
 * converted later by {@link Numbers}.
 */
public final class Lexer {
    private final String text;
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    /** The tokens of {@code line}, ending with an END token; throws {@link AsmException} on a bad character or string. */
    public static List<Token> tokenize(String line) {
        return new Lexer(line).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= text.length() || text.charAt(pos) == ';') {
                tokens.add(new Token(Kind.END, "", pos + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        if (c == '\'' || c == '"' || c == '`') {
            return string(c);
        }
        if (Character.isDigit(c)) {
            while (pos < text.length() && isWordChar(text.charAt(pos))) {
                pos++;
            }
            return token(Kind.NUMBER, start);
        }
        if (c == '$' && (pos + 1 >= text.length() || !isWordChar(text.charAt(pos + 1)))) {
            pos++;
            return token(Kind.HERE, start);
        }
        if (c == '$' && text.startsWith("$$", pos)
                && (pos + 2 >= text.length() || !isWordChar(text.charAt(pos + 2)))) {
            pos += 2;
            return token(Kind.SECTION_START, start);
        }
        if (isWordStart(c)) {
            pos++;
            while (pos < text.length() && isWordChar(text.charAt(pos))) {
                pos++;
            }
            return token(Kind.IDENTIFIER, start);
        }
        if (text.startsWith("//", pos) || text.startsWith("%%", pos)) {
            pos += 2;
            return token(c == '/' ? Kind.SLASH : Kind.PERCENT, start);
        }
        if (text.startsWith("<<", pos)) {
            pos += 2;
            return token(Kind.SHL, start);
        }
        if (text.startsWith(">>", pos)) {
            pos += 2;
            return token(Kind.SHR, start);
        }
        pos++;
        Kind kind = switch (c) {
            case ',' -> Kind.COMMA;
            case ':' -> Kind.COLON;
            case '[' -> Kind.LBRACKET;
            case ']' -> Kind.RBRACKET;
            case '(' -> Kind.LPAREN;
            case ')' -> Kind.RPAREN;
            case '+' -> Kind.PLUS;
            case '-' -> Kind.MINUS;
            case '*' -> Kind.STAR;
            case '/' -> Kind.SLASH;
            case '%' -> Kind.PERCENT;
            case '&' -> Kind.AND;
            case '|' -> Kind.OR;
            case '^' -> Kind.XOR;
            case '~' -> Kind.TILDE;
            case '=' -> Kind.EQUALS;
            default -> throw new AsmException(start + 1, "unexpected character '" + printable(c) + "'");
        };
        return token(kind, start);
    }

    private Token token(Kind kind, int start) {
        return new Token(kind, text.substring(start, pos), start + 1);
    }

    private Token string(char quote) {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos);
            if (quote == '`' && c == '\\' && pos + 1 < text.length()) {
                pos = escape(value, pos + 1);
            } else if (c < 0x80) {
                value.append(c);
                pos++;
            } else {
                // A string is bytes: other characters go in as their UTF-8 encoding.
                int codePoint = text.codePointAt(pos);
                for (byte b : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
                    value.append((char) (b & 0xFF));
                }
                pos += Character.charCount(codePoint);
            }
        }
        if (pos >= text.length()) {
            throw new AsmException(start + 1, "unterminated string (missing closing " + quote + ")");
        }
        pos++;
        return new Token(Kind.STRING, value.toString(), start + 1);
    }

    /** Appends the escape starting after the backslash at {@code at}; returns the position after it. */
    private int escape(StringBuilder value, int at) {
        char e = text.charAt(at);
        switch (e) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case '0' -> value.append('\0');
            case 'a' -> value.append('\007');
            case 'b' -> value.append('\b');
            case 'e' -> value.append('\033');
            case '\\', '\'', '"', '`', '?' -> value.append(e);
            case 'x' -> {
                int end = at + 1;
                while (end < text.length() && end < at + 3 && Character.digit(text.charAt(end), 16) >= 0) {
                    end++;
                }
                if (end == at + 1) {
                    throw new AsmException(at, "\\x needs one or two hex digits");
                }
                value.append((char) Integer.parseInt(text.substring(at + 1, end), 16));
                return end;
            }
            default -> throw new AsmException(at, "unknown escape '\\" + printable(e) + "'");
        }
        return at + 1;
    }

    static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '.' || c == '?' || c == '@';
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '?' || c == '@' || c == '$' || c == '#';
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7E ? String.format("\\x%02x", (int) c) : String.valueOf(c);
    }
}
