package dev.ringos.asm;

import dev.ringos.asm.ParsedOperand.Distance;
import dev.ringos.asm.Token.Kind;
import dev.ringos.cpu.isa.Operand.Reg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses the comma-separated operands of an instruction: registers, {@code [memory]}, immediates, size keywords. */
public final class OperandParser {
    private OperandParser() {
    }

    public static List<ParsedOperand> parseAll(TokenStream in) {
        List<ParsedOperand> operands = new ArrayList<>();
        if (in.atEnd()) {
            return operands;
        }
        do {
            operands.add(parse(in));
        } while (in.accept(Kind.COMMA));
        if (!in.atEnd()) {
            throw in.unexpected("expected ',' or end of line");
        }
        return operands;
    }

    static ParsedOperand parse(TokenStream in) {
        int column = in.peek().column();
        int size = 0;
        Distance distance = Distance.ANY;
        while (in.peek().is(Kind.IDENTIFIER)) {
            String word = in.peek().text().toLowerCase(Locale.ROOT);
            int s = sizeKeyword(word);
            if (s > 0) {
                size = s;
            } else if (word.equals("short")) {
                distance = Distance.SHORT;
            } else if (word.equals("near")) {
                distance = Distance.NEAR;
            } else if (word.equals("qword") || word.equals("tword") || word.equals("far")) {
                throw new AsmException(in.peek().column(), "'" + word + "' operands are not part of the ringos ISA");
            } else {
                break;
            }
            in.next();
        }
        if (in.peek().is(Kind.LBRACKET)) {
            Token open = in.next();
            Expression address = ExpressionParser.parse(in);
            in.expect(Kind.RBRACKET, "']'");
            return new ParsedOperand.Memory(size, address, open.column());
        }
        Token t = in.peek();
        Reg reg = t.is(Kind.IDENTIFIER) ? RegisterNames.lookup(t.text()) : null;
        if (reg != null && (in.peek(1).is(Kind.COMMA) || in.peek(1).is(Kind.END))) {
            in.next();
            if (size != 0 && size != reg.size()) {
                throw new AsmException(column, "size keyword does not match the size of register '" + reg + "'");
            }
            return new ParsedOperand.Register(reg, t.column());
        }
        int valueColumn = t.column();
        return new ParsedOperand.Immediate(size, ExpressionParser.parse(in), distance, valueColumn);
    }

    /** 1, 2 or 4 for byte, word, dword; else 0. */
    static int sizeKeyword(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "byte" -> 1;
            case "word" -> 2;
            case "dword" -> 4;
            default -> 0;
        };
    }
}
