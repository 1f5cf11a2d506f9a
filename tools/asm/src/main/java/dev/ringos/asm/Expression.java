package dev.ringos.asm;

import dev.ringos.cpu.isa.Operand.Reg;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An expression as written; {@link #evaluate} gives its value in one pass of the assembler. Inside
 * brackets registers may appear too, so a value is linear: a constant plus registers times
 * coefficients ({@code ebx+ecx*4+8}).
 */
public sealed interface Expression {

    /** Where the assembler is and what it knows about symbols, for evaluation. */
    interface Context {
        /** The value of a symbol, or null if it is not known (yet). Throws for a symbol never defined. */
        Long symbol(String name, int column);

        long here();

        long sectionStart();
    }

    /**
     * A value: {@code constant + Σ registers·coefficient}; {@code unknown} when it depends on a
     * symbol not known in this pass (the constant is then a placeholder).
     */
    record Value(long constant, Map<Reg, Long> registers, boolean unknown) {
        static Value of(long constant) {
            return new Value(constant, Map.of(), false);
        }

        boolean isConstant() {
            return registers.isEmpty();
        }
    }

    int column();

    Value evaluate(Context context);

    record Number(long value, int column) implements Expression {
        public Value evaluate(Context context) {
            return Value.of(value);
        }
    }

    record Symbol(String name, int column) implements Expression {
        public Value evaluate(Context context) {
            Reg reg = RegisterNames.lookup(name);
            if (reg != null) {
                return new Value(0, Map.of(reg, 1L), false);
            }
            Long v = context.symbol(name, column);
            return v == null ? new Value(context.here() + 0x1000_0000L, Map.of(), true) : Value.of(v);
        }
    }

    record Here(int column) implements Expression {
        public Value evaluate(Context context) {
            return Value.of(context.here());
        }
    }

    record SectionStart(int column) implements Expression {
        public Value evaluate(Context context) {
            return Value.of(context.sectionStart());
        }
    }

    record Unary(char op, Expression operand, int column) implements Expression {
        public Value evaluate(Context context) {
            Value v = operand.evaluate(context);
            if (op == '+') {
                return v;
            }
            if (op == '-') {
                return scale(v, -1);
            }
            requireConstant(v, column, "~");
            return new Value(~v.constant(), Map.of(), v.unknown());
        }
    }

    record Binary(char op, Expression left, Expression right, int column) implements Expression {
        public Value evaluate(Context context) {
            Value a = left.evaluate(context);
            Value b = right.evaluate(context);
            boolean unknown = a.unknown() || b.unknown();
            switch (op) {
                case '+':
                    return add(a, b, 1);
                case '-':
                    return add(a, b, -1);
                case '*':
                    if (a.isConstant()) {
                        return scale(b, a.constant(), unknown);
                    }
                    if (b.isConstant()) {
                        return scale(a, b.constant(), unknown);
                    }
                    throw new AsmException(column, "cannot multiply two registers");
                default:
                    break;
            }
            requireConstant(a, left.column(), String.valueOf(op));
            requireConstant(b, right.column(), String.valueOf(op));
            long x = a.constant(), y = b.constant();
            long r = switch (op) {
                case '/', '%', 'd', 'm' -> {
                    if (y == 0) {
                        if (unknown) {
                            yield 0;
                        }
                        throw new AsmException(right.column(), "division by zero");
                    }
                    yield switch (op) {
                        case '/' -> Long.divideUnsigned(x & 0xFFFF_FFFFL, y & 0xFFFF_FFFFL);
                        case '%' -> Long.remainderUnsigned(x & 0xFFFF_FFFFL, y & 0xFFFF_FFFFL);
                        case 'd' -> x / y;
                        default -> x % y;
                    };
                }
                case '<' -> (y & 0xFFFF_FFFFL) >= 64 ? 0 : x << y;
                case '>' -> (y & 0xFFFF_FFFFL) >= 64 ? 0 : (x & 0xFFFF_FFFFL) >>> y;
                case '&' -> x & y;
                case '|' -> x | y;
                case '^' -> x ^ y;
                default -> throw new IllegalStateException("operator " + op);
            };
            return new Value(r, Map.of(), unknown);
        }
    }

    private static void requireConstant(Value v, int column, String op) {
        if (!v.isConstant()) {
            throw new AsmException(column, "a register cannot be an operand of '" + op + "'");
        }
    }

    private static Value add(Value a, Value b, int sign) {
        Map<Reg, Long> regs = new LinkedHashMap<>(a.registers());
        b.registers().forEach((r, k) -> regs.merge(r, sign * k, Long::sum));
        regs.values().removeIf(k -> k == 0);
        return new Value(a.constant() + sign * b.constant(), regs, a.unknown() || b.unknown());
    }

    private static Value scale(Value v, long factor) {
        return scale(v, factor, v.unknown());
    }

    private static Value scale(Value v, long factor, boolean unknown) {
        Map<Reg, Long> regs = new LinkedHashMap<>();
        v.registers().forEach((r, k) -> regs.put(r, k * factor));
        regs.values().removeIf(k -> k == 0);
        return new Value(v.constant() * factor, regs, unknown);
    }
}
