package dev.ringos.asm;

import dev.ringos.asm.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one line into statements: an optional label ({@code name:}, or a bare name before an
 * instruction or directive), then an instruction or a directive. Local labels ({@code .loop})
 * are qualified with the scope, the last non-local label.
 */
public final class LineParser {
    private static final Set<String> DIRECTIVES = Set.of("db", "dw", "dd", "resb", "resw", "resd", "times", "equ",
            "align", "section", "segment", "global", "bits", "use32");

    private static final Set<String> PRIMITIVES = Set.of("bits", "section", "segment", "global");

    private String scope = "";

    /** The label local names are qualified with at this point. */
    public String scope() {
        return scope;
    }

    /** Qualifies a local name ({@code .x}) with {@code scope}; other names are returned as they are. */
    public static String qualify(String name, String scope) {
        return name.startsWith(".") && !name.startsWith("..") ? scope + name : name;
    }

    public List<Statement> parse(String text) {
        TokenStream in = new TokenStream(unbracket(Lexer.tokenize(text)));
        List<Statement> out = new ArrayList<>();
        if (in.atEnd()) {
            return out;
        }
        Token first = in.peek();
        if (first.is(Kind.IDENTIFIER)) {
            boolean colon = in.peek(1).is(Kind.COLON);
            boolean bareLabel = !isKeyword(first.text()) && in.peek(1).is(Kind.IDENTIFIER)
                    && isKeyword(in.peek(1).text());
            if (colon || bareLabel) {
                in.next();
                if (colon) {
                    in.next();
                }
                checkName(first, colon);
                if (in.peek().isWord("equ")) {
                    in.next();
                    out.add(new Statement.Equ(qualify(first.text(), scope), ExpressionParser.parse(in),
                            first.column()));
                    expectEnd(in);
                    return out;
                }
                String name = qualify(first.text(), scope);
                if (!first.text().startsWith(".")) {
                    scope = first.text();
                }
                out.add(new Statement.Label(name, first.column()));
                if (in.atEnd()) {
                    return out;
                }
            }
        }
        Statement s = statement(in);
        if (s != null) {
            out.add(s);
        }
        return out;
    }

    private Statement statement(TokenStream in) {
        Token word = in.peek();
        if (word.is(Kind.PERCENT) && in.peek(1).is(Kind.IDENTIFIER)) {
            throw new AsmException(word.column(), "preprocessor directive '%" + in.peek(1).text() + "' reached the "
                    + "assembler: preprocess the source first (Assembler.assembleFile does)");
        }
        if (!word.is(Kind.IDENTIFIER)) {
            throw in.unexpected("expected an instruction or a directive");
        }
        in.next();
        String w = word.text().toLowerCase(Locale.ROOT);
        Statement s = switch (w) {
            case "db" -> data(in, 1, word);
            case "dw" -> data(in, 2, word);
            case "dd" -> data(in, 4, word);
            case "resb" -> new Statement.Reserve(1, ExpressionParser.parse(in), word.column());
            case "resw" -> new Statement.Reserve(2, ExpressionParser.parse(in), word.column());
            case "resd" -> new Statement.Reserve(4, ExpressionParser.parse(in), word.column());
            case "times" -> {
                Expression count = ExpressionParser.parse(in);
                if (in.atEnd()) {
                    throw in.unexpected("expected an instruction or data after 'times' count");
                }
                Token what = in.peek();
                Statement body = statement(in);
                if (body instanceof Statement.Times || body == null) {
                    throw new AsmException(what.column(), "'times' repeats one instruction or data directive");
                }
                yield new Statement.Times(count, body, word.column());
            }
            case "align" -> {
                Expression boundary = ExpressionParser.parse(in);
                Statement fill = null;
                if (in.accept(Kind.COMMA)) {
                    Token what = in.peek();
                    fill = statement(in);
                    if (!(fill instanceof Statement.Data || fill instanceof Statement.Instruction)) {
                        throw new AsmException(what.column(), "'align' fills with one instruction or data directive");
                    }
                }
                yield new Statement.Align(boundary, fill, word.column());
            }
            case "section", "segment" -> section(in);
            case "global" -> global(in);
            case "equ" -> throw new AsmException(word.column(), "'equ' needs a label before it");
            case "bits" -> {
                Token n = in.expect(Kind.NUMBER, "32");
                if (Numbers.parse(n) != 32) {
                    throw new AsmException(n.column(), "ringos is a 32-bit machine: only 'bits 32' is accepted");
                }
                yield null;
            }
            case "use32" -> null;
            case "extern" -> throw new AsmException(word.column(), "'extern' is not supported: a ringos program is "
                    + "one source file (use %include to bring in others)");
            case "dq", "resq" -> throw new AsmException(word.column(), "'" + w + "' is not supported: ringos is a "
                    + "32-bit machine (use dd or resd)");
            case "rep" -> {
                Token next = in.peek();
                String combined = "rep " + next.text().toLowerCase(Locale.ROOT);
                if (!next.is(Kind.IDENTIFIER) || !Mnemonics.isInstruction(combined)) {
                    throw new AsmException(next.column(), "'rep' goes only before movsb, movsd, stosb or stosd");
                }
                in.next();
                yield new Statement.Instruction(combined, word.column(), OperandParser.parseAll(in));
            }
            default -> {
                if (!Mnemonics.isInstruction(w)) {
                    String suggestion = Mnemonics.suggest(w);
                    throw new AsmException(word.column(), "unknown instruction '" + word.text() + "'"
                            + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
                }
                yield new Statement.Instruction(w, word.column(), OperandParser.parseAll(in));
            }
        };
        if (!(s instanceof Statement.Instruction) && !(s instanceof Statement.Times) && !(s instanceof Statement.Data)
                && !(s instanceof Statement.Align)) {
            expectEnd(in);
        }
        return s;
    }

    /** NASM's primitive forms {@code [bits 32]}, {@code [section .text]}, {@code [global x]} are the plain ones. */
    private static List<Token> unbracket(List<Token> tokens) {
        int last = tokens.size() - 2; // the token before END
        if (last >= 2 && tokens.get(0).is(Kind.LBRACKET) && tokens.get(last).is(Kind.RBRACKET)
                && tokens.get(1).is(Kind.IDENTIFIER)
                && PRIMITIVES.contains(tokens.get(1).text().toLowerCase(Locale.ROOT))) {
            List<Token> inner = new ArrayList<>(tokens.subList(1, last));
            inner.add(tokens.get(tokens.size() - 1));
            return inner;
        }
        return tokens;
    }

    private static Statement data(TokenStream in, int unit, Token word) {
        List<Statement.DataItem> items = new ArrayList<>();
        do {
            Token t = in.peek();
            if (t.is(Kind.STRING) && (in.peek(1).is(Kind.COMMA) || in.peek(1).is(Kind.END))) {
                in.next();
                items.add(new Statement.Text(t.text(), t.column()));
            } else {
                items.add(new Statement.Value(ExpressionParser.parse(in)));
            }
        } while (in.accept(Kind.COMMA));
        expectEnd(in);
        return new Statement.Data(unit, items, word.column());
    }

    private static Statement section(TokenStream in) {
        Token name = in.expect(Kind.IDENTIFIER, "a section name");
        Section s = Section.named(name.text());
        if (s == null) {
            throw new AsmException(name.column(), "unknown section '" + name.text()
                    + "' (ringos has .text, .rodata, .data and .bss)");
        }
        while (!in.atEnd()) {
            in.next();
        }
        return new Statement.SectionSwitch(s);
    }

    private Statement global(TokenStream in) {
        List<Token> names = new ArrayList<>();
        do {
            Token n = in.expect(Kind.IDENTIFIER, "a symbol name");
            names.add(new Token(Kind.IDENTIFIER, qualify(n.text(), scope), n.column()));
        } while (in.accept(Kind.COMMA));
        return new Statement.Global(names);
    }

    private static void expectEnd(TokenStream in) {
        if (!in.atEnd()) {
            throw in.unexpected("expected end of line");
        }
    }

    /** As NASM: a register is never a label; an instruction's name is one only with its colon ({@code sub:}). */
    private static void checkName(Token name, boolean colon) {
        if (RegisterNames.lookup(name.text()) != null) {
            throw new AsmException(name.column(), "'" + name.text() + "' is a register and cannot be a label");
        }
        boolean instruction = Mnemonics.isInstruction(name.text().toLowerCase(Locale.ROOT));
        if (isKeyword(name.text()) && !(colon && instruction)) {
            throw new AsmException(name.column(), "'" + name.text() + "' is an instruction or directive and cannot "
                    + "be a label");
        }
    }

    private static boolean isKeyword(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return DIRECTIVES.contains(w) || Mnemonics.isInstruction(w) || w.equals("rep");
    }
}
