package dev.ringos.asm;

/**
 * One token of an assembly line.
 *
 * @param column 1-based column of its first character, for diagnostics
 * @param text   the token as written (for a string, its contents with escapes applied)
 */
public record Token(Kind kind, String text, int column) {

    public enum Kind {
        IDENTIFIER, NUMBER, STRING, HERE, SECTION_START, COMMA, COLON, LBRACKET, RBRACKET, LPAREN, RPAREN,
        PLUS, MINUS, STAR, SLASH, PERCENT, SHL, SHR, AND, OR, XOR, TILDE, EQUALS, END
    }

    public boolean is(Kind k) {
        return kind == k;
    }

    /** An identifier with this name, ignoring case. */
    public boolean isWord(String word) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(word);
    }
}
