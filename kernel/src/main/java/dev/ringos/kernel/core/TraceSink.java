package dev.ringos.kernel.core;

/**
 * Where a traced thread's strace lines go: the host's stderr for {@code ringos run --strace}, or
 * a guest file for the guest's own strace. Shared by a thread and the children it forks; the
 * last one to stop using it lets it go.
 */
public interface TraceSink {
    void emit(Task task, String line);

    /** One more thread writes here (a traced thread forked). */
    default void retain() {
    }

    /** One thread fewer (it exited, or stopped being traced). */
    default void release() {
    }
}
