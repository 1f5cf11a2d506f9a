package dev.ringos.asm;

import dev.ringos.asm.Token.Kind;

/**
 * Parses NASM expressions, loosest first: {@code |}, {@code ^}, {@code &}, {@code << >>},
 * {@code + -}, {@code * / % // %%} (the doubled ones signed), then unary {@code - + ~} and atoms (numbers, symbols, registers,
 * character constants, {@code $}, {@code $$}, parentheses).
 */
public final class ExpressionParser {
    private static final int MAX_DEPTH = 200;
    private final TokenStream in;
    private static final int MAX_OPERATORS = 1000;
    private int depth;
    private int operators;

    private ExpressionParser(TokenStream in) {
        this.in = in;
    }

    public static Expression parse(TokenStream in) {
        return new ExpressionParser(in).or();
    }

    private Expression or() {
        Expression e = xor();
        while (in.peek().is(Kind.OR)) {
            Token op = in.next();
            e = binary('|', e, xor(), op.column());
        }
        return e;
    }

    private Expression xor() {
        Expression e = and();
        while (in.peek().is(Kind.XOR)) {
            Token op = in.next();
            e = binary('^', e, and(), op.column());
        }
        return e;
    }

    private Expression and() {
        Expression e = shift();
        while (in.peek().is(Kind.AND)) {
            Token op = in.next();
            e = binary('&', e, shift(), op.column());
        }
        return e;
    }

    private Expression shift() {
        Expression e = sum();
        while (in.peek().is(Kind.SHL) || in.peek().is(Kind.SHR)) {
            Token op = in.next();
            e = binary(op.is(Kind.SHL) ? '<' : '>', e, sum(), op.column());
        }
        return e;
    }

    private Expression sum() {
        Expression e = product();
        while (in.peek().is(Kind.PLUS) || in.peek().is(Kind.MINUS)) {
            Token op = in.next();
            e = binary(op.text().charAt(0), e, product(), op.column());
        }
        return e;
    }

    private Expression product() {
        Expression e = unary();
        while (in.peek().is(Kind.STAR) || in.peek().is(Kind.SLASH) || in.peek().is(Kind.PERCENT)) {
            Token op = in.next();
            char c = switch (op.text()) {
                case "//" -> 'd'; // signed division
                case "%%" -> 'm'; // signed remainder
                default -> op.text().charAt(0);
            };
            e = binary(c, e, unary(), op.column());
        }
        return e;
    }

    /** A binary node; a chain of thousands would make evaluation recurse too deep, so their number is capped. */
    private Expression binary(char op, Expression left, Expression right, int column) {
        if (++operators > MAX_OPERATORS) {
            throw new AsmException(column, "expression has more than " + MAX_OPERATORS + " operators");
        }
        return new Expression.Binary(op, left, right, column);
    }

    private Expression unary() {
        Token t = in.peek();
        if (t.is(Kind.MINUS) || t.is(Kind.PLUS) || t.is(Kind.TILDE)) {
            in.next();
            return new Expression.Unary(t.text().charAt(0), nested(), t.column());
        }
        return atom();
    }

    private Expression nested() {
        if (++depth > MAX_DEPTH) {
            throw new AsmException(in.peek().column(), "expression nested too deeply");
        }
        try {
            return unary();
        } finally {
            depth--;
        }
    }

    private Expression atom() {
        Token t = in.peek();
        switch (t.kind()) {
            case NUMBER -> {
                in.next();
                return new Expression.Number(Numbers.parse(t), t.column());
            }
            case STRING -> {
                in.next();
                return new Expression.Number(characterConstant(t), t.column());
            }
            case IDENTIFIER -> {
                in.next();
                return new Expression.Symbol(t.text(), t.column());
            }
            case HERE -> {
                in.next();
                return new Expression.Here(t.column());
            }
            case SECTION_START -> {
                in.next();
                return new Expression.SectionStart(t.column());
            }
            case LPAREN -> {
                in.next();
                if (++depth > MAX_DEPTH) {
                    throw new AsmException(t.column(), "expression nested too deeply");
                }
                Expression e = or();
                depth--;
                in.expect(Kind.RPAREN, "')'");
                return e;
            }
            default -> throw in.unexpected("expected an expression");
        }
    }

    /** 'ab' is 0x6261, as NASM reads it: the characters in memory order, little-endian. */
    static long characterConstant(Token t) {
        String s = t.text();
        if (s.length() > 4) {
            throw new AsmException(t.column(), "character constant '" + s + "' is longer than 4 bytes");
        }
        long v = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            v = v << 8 | (s.charAt(i) & 0xFF);
        }
        return v;
    }
}
