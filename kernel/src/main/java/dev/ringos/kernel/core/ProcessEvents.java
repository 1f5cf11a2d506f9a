package dev.ringos.kernel.core;

/** What the core tells the process manager (as Minix's kernel notifies PM). */
public interface ProcessEvents {
    /**
     * A thread's fault the core could not resolve: it must get {@code signal} ({@code code} and
     * {@code address} as in siginfo). {@code trap} and {@code errorCode} go in the sigcontext.
     */
    void fault(Task task, int signal, int code, int address, int trap, int errorCode);

    /** {@code task} asked for attention ({@link Task#requestWork}) and is about to return to user mode. */
    void beforeUserReturn(Task task);
}
