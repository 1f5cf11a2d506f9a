package dev.ringos.cpu.isa;

import dev.ringos.cpu.isa.Operand.Imm;
import dev.ringos.cpu.isa.Operand.Label;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Programmatic assembly with labels, for host code, tests and benchmarks: instructions are encoded
 * by the {@link Encoder}, and branch sizes settle over a few passes (all long first, then each
 * shrinks when its target is near; shrinking only brings targets nearer, so this ends).
 */
public final class CodeBuilder {
    private final int origin;
    private final List<Item> items = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();

    private sealed interface Item permits Instruction, Bytes, LabelHere, Align {
    }

    private record Instruction(String mnemonic, Operand[] operands) implements Item {
    }

    private record Bytes(byte[] data) implements Item {
    }

    private record LabelHere(String name) implements Item {
    }

    private record Align(int boundary) implements Item {
    }

    public CodeBuilder(int origin) {
        this.origin = origin;
    }

    public CodeBuilder emit(String mnemonic, Operand... operands) {
        items.add(new Instruction(mnemonic, operands));
        return this;
    }

    public CodeBuilder label(String name) {
        items.add(new LabelHere(name));
        return this;
    }

    public CodeBuilder bytes(byte... data) {
        items.add(new Bytes(data.clone()));
        return this;
    }

    public CodeBuilder zeros(int count) {
        return bytes(new byte[count]);
    }

    public CodeBuilder align(int boundary) {
        items.add(new Align(boundary));
        return this;
    }

    /** The address a label got in the last {@link #assemble()}. */
    public int address(String label) {
        Integer a = labels.get(label);
        if (a == null) {
            throw new IllegalArgumentException("no label '" + label + "'");
        }
        return a;
    }

    public byte[] assemble() {
        Map<String, Integer> previous = null;
        for (int pass = 0; pass < 64; pass++) {
            Map<String, Integer> seen = new HashMap<>();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Item item : items) {
                int here = origin + out.size();
                if (item instanceof LabelHere l) {
                    if (seen.put(l.name(), here) != null) {
                        throw new IllegalArgumentException("label '" + l.name() + "' defined twice");
                    }
                } else if (item instanceof Bytes b) {
                    out.writeBytes(b.data());
                } else if (item instanceof Align a) {
                    while ((origin + out.size()) % a.boundary() != 0) {
                        out.write(0);
                    }
                } else if (item instanceof Instruction in) {
                    out.writeBytes(Encoder.encode(in.mnemonic(), here, resolve(in.operands(), previous, here)));
                }
            }
            if (seen.equals(previous)) {
                labels.clear();
                labels.putAll(seen);
                return out.toByteArray();
            }
            previous = seen;
        }
        throw new IllegalStateException("branch sizes did not settle");
    }

    /** Labels become immediates: their last-pass address, or far away on the first pass so branches start long. */
    private Operand[] resolve(Operand[] operands, Map<String, Integer> known, int here) {
        Operand[] resolved = operands.clone();
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] instanceof Label l) {
                if (known == null) {
                    resolved[i] = new Imm(here + 0x1000_0000L);
                } else {
                    Integer a = known.get(l.name());
                    if (a == null) {
                        throw new IllegalArgumentException("undefined label '" + l.name() + "'");
                    }
                    resolved[i] = new Imm(a + l.addend());
                }
            }
        }
        return resolved;
    }
}
