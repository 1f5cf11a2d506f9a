package dev.ringos.kernel.syscall;

import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.TraceSink;
import java.util.function.Consumer;

/**
 * One strace session's output: lines of the first thread traced go out as they are, every
 * other thread's with a "[pid N] " prefix, as strace -f writes them. When the last thread using
 * it is done, {@code closed} runs (a guest session gives its file back).
 */
public final class StraceOutput implements TraceSink {
    private final Consumer<String> lines;
    private final Runnable closed;
    private int leader;
    /** Threads writing here: each one traced retains it, each one done releases it. */
    private int users;

    public StraceOutput(Consumer<String> lines, Runnable closed) {
        this.lines = lines;
        this.closed = closed;
    }

    /** A session with nothing to give back when it ends (the host's --strace). */
    public StraceOutput(Consumer<String> lines) {
        this(lines, () -> { });
    }

    @Override
    public void emit(Task task, String text) {
        if (leader == 0) {
            leader = task.id;
        }
        lines.accept(task.id == leader ? text : "[pid " + task.id + "] " + text);
    }

    @Override
    public void retain() {
        users++;
    }

    @Override
    public void release() {
        if (--users == 0) {
            closed.run();
        }
    }
}
