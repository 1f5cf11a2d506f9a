package dev.ringos.asm;

import dev.ringos.asm.Token.Kind;
import java.util.List;

/** A cursor over the tokens of one line. */
public final class TokenStream {
    private final List<Token> tokens;
    private int pos;

    public TokenStream(List<Token> tokens) {
        this.tokens = tokens;
    }

    public Token peek() {
        return tokens.get(pos);
    }

    public Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    public Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.END) {
            pos++;
        }
        return t;
    }

    public boolean accept(Kind kind) {
        if (peek().is(kind)) {
            next();
            return true;
        }
        return false;
    }

    public Token expect(Kind kind, String what) {
        if (!peek().is(kind)) {
            throw unexpected("expected " + what);
        }
        return next();
    }

    public boolean atEnd() {
        return peek().is(Kind.END);
    }

    /** An error at the next token: "expected X, found Y". */
    public AsmException unexpected(String expectation) {
        Token t = peek();
        String found = t.is(Kind.END) ? "end of line" : t.is(Kind.STRING) ? "a string" : "'" + t.text() + "'";
        return new AsmException(t.column(), expectation + ", found " + found);
    }
}
