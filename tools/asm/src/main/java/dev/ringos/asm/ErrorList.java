package dev.ringos.asm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The assembler's errors, held until the end so they reach {@link Diagnostics} in source order
 * (parsing finds some, the last pass others) and once each (a line repeated by {@code times}
 * reports its error once).
 */
final class ErrorList {
    private record Pending(int order, SourceLine line, int column, String message) {
    }

    private final Map<SourceLine, Integer> order = new IdentityHashMap<>();
    private final Set<Pending> pending = new LinkedHashSet<>();

    ErrorList(List<SourceLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            order.putIfAbsent(lines.get(i), i);
        }
    }

    void error(SourceLine line, int column, String message) {
        pending.add(new Pending(order.getOrDefault(line, Integer.MAX_VALUE), line, column, message));
    }

    boolean hasErrors() {
        return !pending.isEmpty();
    }

    void flushTo(Diagnostics diagnostics) {
        List<Pending> sorted = new ArrayList<>(pending);
        sorted.sort(Comparator.comparingInt(Pending::order));
        for (Pending p : sorted) {
            diagnostics.error(p.line(), p.column(), p.message());
        }
        pending.clear();
    }
}
