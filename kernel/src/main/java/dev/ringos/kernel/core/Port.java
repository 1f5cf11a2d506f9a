package dev.ringos.kernel.core;

/**
 * An IPC port: a kernel object that one process owns and serves, and that any process may call
 * (docs/ipc.md). It holds the calls not yet received, in arrival order; the call its owner has
 * received and not yet answered; and, while the owner is parked in a receive, where that
 * receive wants the next message — so a caller arriving then hands its message straight over.
 *
 * <p>All state is changed only by {@link Ports}.
 */
public final class Port {
    /** Kernel-global, positive, never given to another port while the machine runs. */
    public final int id;
    /** The thread of the owning process: the only one that may receive and reply. */
    public final Task owner;
    /** Where the owner parks in a receive while no call is queued. */
    final WaitQueue receivers;

    /** Calls waiting to be received, first to arrive first (an intrusive list of {@link Ports.Call}). */
    Ports.Call head;
    Ports.Call tail;
    int queued;
    /** The call received and not yet replied to, or null. */
    Ports.Call held;

    /** The receive the owner is parked in: buffer, capacity, where to put the sender's pid (0: nowhere). */
    int recvBuffer;
    int recvCapacity;
    int recvSender;

    boolean destroyed;

    Port(int id, Task owner) {
        this.id = id;
        this.owner = owner;
        this.receivers = new WaitQueue("ipc_recv on port " + id);
    }

    /** Calls queued and not yet received (some may belong to callers that have since given up). */
    public int queued() {
        return queued;
    }

    /** Whether the owner holds a received call it has not answered. */
    public boolean holdsCall() {
        return held != null;
    }

    /** Whether the port was destroyed (its owner exited). */
    public boolean destroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "port " + id;
    }
}
