package dev.ringos.kernel.core;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Kernel events for teaching ({@code --trace=sched,mm,trap}): context switches, page faults
 * with how they were resolved, traps. Each line starts with the virtual cycle count, so traces
 * are the same on every run.
 */
public final class KernelTrace {
    public enum Category { SCHED, MM, TRAP }

    private final Set<Category> enabled;
    private final Consumer<String> sink;

    public KernelTrace(Set<Category> enabled, Consumer<String> sink) {
        this.enabled = enabled.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(enabled);
        this.sink = sink;
    }

    public static KernelTrace off() {
        return new KernelTrace(EnumSet.noneOf(Category.class), line -> { });
    }

    /** Parses "sched,mm,trap" (or "all"); throws IllegalArgumentException naming a bad entry. */
    public static Set<Category> parse(String list) {
        EnumSet<Category> set = EnumSet.noneOf(Category.class);
        for (String item : list.split(",")) {
            String name = item.trim();
            if (name.equals("all")) {
                set.addAll(EnumSet.allOf(Category.class));
                continue;
            }
            try {
                set.add(Category.valueOf(name.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown trace category '" + name + "' (sched, mm, trap, all)");
            }
        }
        return set;
    }

    public boolean on(Category category) {
        return enabled.contains(category);
    }

    void emit(long cycles, Category category, String text) {
        sink.accept(String.format("[%12d] %s: %s", cycles, category.name().toLowerCase(java.util.Locale.ROOT), text));
    }
}
