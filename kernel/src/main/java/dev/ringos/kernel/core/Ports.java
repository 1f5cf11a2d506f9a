package dev.ringos.kernel.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The port table and the kernel side of IPC (docs/ipc.md): synchronous rendezvous as in L4 or
 * Minix's sendrec. A caller sends a message to a port and sleeps until the port's owner replies;
 * the owner receives calls one at a time, in arrival order, and answers each with a reply.
 *
 * <p>Messages are copied from one address space to the other through one kernel buffer, at the
 * moment both sides are there: a caller that finds the owner parked in a receive writes its
 * message straight into the receiver's buffer and wakes it with its result already set; a
 * caller that does not is queued, and its message stays in its own memory (it cannot change: the
 * caller sleeps) until a receive copies it. A reply goes straight into the caller's reply buffer.
 * Nothing is allocated per call.
 *
 * <p>Results are Linux-style: a length, 0, or a negative errno (the core stands below the syscall
 * layer's Errno, so the few numbers it needs are here).
 */
public final class Ports {
    /** The largest message or reply, in bytes. */
    public static final int MAX_MESSAGE = 4096;
    /** Ports one process may own at once. */
    public static final int MAX_PER_PROCESS = 256;

    static final int EPERM = 1, ENOENT = 2, EBADF = 9, EFAULT = 14, EBUSY = 16, ENFILE = 23,
            EMFILE = 24, EPIPE = 32, EDEADLK = 35, EMSGSIZE = 90;

    /**
     * One thread's call, reused for every call it makes: where its message and reply buffer are,
     * the queue it sleeps on until its reply, and its place in a port's FIFO.
     */
    static final class Call {
        final Task task;
        /** The caller sleeps here until the reply (or EPIPE, or a signal). */
        final WaitQueue wait;
        /** The port it is queued on or held by; null once answered or given up. */
        Port port;
        /** In {@code port}'s FIFO (else held by it, if {@code port} is set). */
        boolean queued;
        Call prev;
        Call next;
        int message;
        int length;
        int reply;
        int replyCapacity;

        Call(Task task) {
            this.task = task;
            this.wait = new WaitQueue("ipc_call by " + task.id);
        }

        /** Whether its caller is still asleep waiting for this call (not interrupted, not exited). */
        boolean waiting() {
            return task.waitingOn == wait;
        }
    }

    private final Microkernel kernel;
    /** The one buffer every message and reply passes through. */
    private final byte[] transit = new byte[MAX_MESSAGE];
    private final PortTable byId = new PortTable();
    private final Map<Task, List<Port>> owned = new IdentityHashMap<>();
    /** Each thread's reusable call, by thread id. */
    private Call[] calls = new Call[64];
    private int nextId = 1;

    Ports(Microkernel kernel) {
        this.kernel = kernel;
    }

    // ---- the four calls ----

    /** port_create: a new port owned by {@code caller}'s process; its id, or -EMFILE / -ENFILE. */
    public int create(Task caller) {
        List<Port> mine = owned.get(caller);
        if (mine != null && mine.size() >= MAX_PER_PROCESS) {
            return -EMFILE;
        }
        if (nextId <= 0) {
            return -ENFILE; // 2^31 - 1 ports made since boot: ids are never reused
        }
        Port port = new Port(nextId++, caller);
        byId.put(port.id, port);
        if (mine == null) {
            mine = new ArrayList<>(4);
            owned.put(caller, mine);
        }
        mine.add(port);
        return port.id;
    }

    /**
     * ipc_call: sends {@code length} bytes at {@code message} to {@code portId} and parks the
     * caller until the owner replies. Returns {@link SyscallHandler#PARKED} (the result — the
     * reply's full length, -EPIPE, -EINTR or -EFAULT — is set when it wakes) or an error at once.
     */
    public int call(Task caller, int portId, int message, int length, int reply, int replyCapacity) {
        if (Integer.compareUnsigned(length, MAX_MESSAGE) > 0) {
            return -EMSGSIZE;
        }
        Port port = byId.get(portId);
        if (port == null) {
            return -EBADF;
        }
        if (port.owner == caller) {
            return -EDEADLK;
        }
        UserMemory memory = kernel.userMemory();
        try {
            memory.check(caller, message, length, false);
            memory.check(caller, reply, room(replyCapacity), true);
        } catch (UserFault e) {
            return -EFAULT;
        }
        Call call = callOf(caller);
        call.message = message;
        call.length = length;
        call.reply = reply;
        call.replyCapacity = replyCapacity;
        Task owner = port.owner;
        boolean handedOver = false;
        if (owner.waitingOn == port.receivers) {
            // The owner sleeps in ipc_recv: the message goes straight to it.
            int result = transfer(port, call, owner, port.recvBuffer, port.recvCapacity, port.recvSender);
            if (result == RETRY) {
                return -EFAULT; // its own message unreadable: cannot happen after the check above
            }
            kernel.setRegister(owner, UserRegisters.EAX, result);
            kernel.makeRunnable(owner);
            handedOver = result >= 0;
        }
        if (!handedOver) {
            enqueue(port, call);
        }
        kernel.park(caller, call.wait, false, true);
        return SyscallHandler.PARKED;
    }

    /**
     * ipc_recv: the next call on {@code portId} (the owner only): its message copied to
     * {@code buffer}, its caller's pid to {@code sender} if that is not 0; returns the message's
     * length, or parks until a call arrives ({@link SyscallHandler#PARKED}).
     */
    public int receive(Task caller, int portId, int buffer, int capacity, int sender) {
        Port port = byId.get(portId);
        if (port == null) {
            return -EBADF;
        }
        if (port.owner != caller) {
            return -EPERM;
        }
        if (port.held != null) {
            return -EBUSY;
        }
        UserMemory memory = kernel.userMemory();
        try {
            memory.check(caller, buffer, room(capacity), true);
            if (sender != 0) {
                memory.check(caller, sender, 4, true);
            }
        } catch (UserFault e) {
            return -EFAULT;
        }
        while (port.head != null) {
            Call call = port.head;
            if (!call.waiting()) {
                unlink(call); // its caller was interrupted or has exited
                continue;
            }
            int result = transfer(port, call, caller, buffer, capacity, sender);
            if (result == RETRY) {
                continue;
            }
            return result;
        }
        port.recvBuffer = buffer;
        port.recvCapacity = capacity;
        port.recvSender = sender;
        kernel.park(caller, port.receivers, false, true);
        return SyscallHandler.PARKED;
    }

    /**
     * ipc_reply: answers the call the owner received last on {@code portId} with {@code length}
     * bytes at {@code message} and wakes its caller; 0, or -ENOENT if no call is held. A caller
     * that has gone (interrupted, exited) is not told; the reply is dropped and this still returns 0.
     */
    public int reply(Task caller, int portId, int message, int length) {
        Port port = byId.get(portId);
        if (port == null) {
            return -EBADF;
        }
        if (port.owner != caller) {
            return -EPERM;
        }
        if (Integer.compareUnsigned(length, MAX_MESSAGE) > 0) {
            return -EMSGSIZE;
        }
        Call call = port.held;
        if (call == null) {
            return -ENOENT;
        }
        UserMemory memory = kernel.userMemory();
        try {
            memory.read(caller, message, transit, 0, length);
        } catch (UserFault e) {
            return -EFAULT; // the call stays held: the owner may reply again
        }
        port.held = null;
        call.port = null;
        if (call.waiting()) {
            int result = length;
            try {
                memory.write(call.task, call.reply, transit, 0, Math.min(length, room(call.replyCapacity)));
            } catch (UserFault e) {
                result = -EFAULT;
            }
            finish(call, result);
        }
        return 0;
    }

    // ---- processes ending ----

    /**
     * The process whose thread is {@code task} has exited: its ports are destroyed (every caller
     * queued on them or held by them wakes with EPIPE) and any call of its own is withdrawn.
     */
    public void exited(Task task) {
        List<Port> mine = owned.remove(task);
        if (mine != null) {
            for (Port port : mine) {
                destroy(port);
            }
        }
        if (task.id < calls.length) {
            Call call = calls[task.id];
            if (call != null && call.task == task) {
                if (call.queued) {
                    unlink(call);
                }
                calls[task.id] = null;
            }
        }
    }

    private void destroy(Port port) {
        port.destroyed = true;
        byId.remove(port.id);
        while (port.head != null) {
            Call call = port.head;
            unlink(call);
            if (call.waiting()) {
                finish(call, -EPIPE);
            }
        }
        Call held = port.held;
        if (held != null) {
            port.held = null;
            held.port = null;
            if (held.waiting()) {
                finish(held, -EPIPE);
            }
        }
    }

    // ---- observation ----

    /** The live port with this id, or null. */
    public Port port(int id) {
        return byId.get(id);
    }

    /** How many ports {@code task}'s process owns. */
    public int ownedBy(Task task) {
        List<Port> mine = owned.get(task);
        return mine == null ? 0 : mine.size();
    }

    // ---- inside ----

    /** A result of {@link #transfer}: the call failed on the caller's side and is gone; try the next. */
    private static final int RETRY = Integer.MIN_VALUE + 7;

    /**
     * Copies {@code call}'s message to {@code receiver}'s buffer and its caller's pid to
     * {@code sender}; on success the call is the port's held call and the length is returned.
     * -EMSGSIZE or -EFAULT (the receiver's buffer) leave the call where it was. If the caller's
     * own message cannot be read, the caller gets EFAULT, the call is withdrawn, and RETRY says so.
     */
    private int transfer(Port port, Call call, Task receiver, int buffer, int capacity, int sender) {
        int length = call.length;
        if (Integer.compareUnsigned(length, capacity) > 0) {
            return -EMSGSIZE;
        }
        UserMemory memory = kernel.userMemory();
        try {
            memory.read(call.task, call.message, transit, 0, length);
        } catch (UserFault e) {
            if (call.queued) {
                unlink(call);
            }
            finish(call, -EFAULT);
            return RETRY;
        }
        try {
            memory.write(receiver, buffer, transit, 0, length);
            if (sender != 0) {
                memory.writeInt(receiver, sender, call.task.id);
            }
        } catch (UserFault e) {
            return -EFAULT;
        }
        if (call.queued) {
            unlink(call);
        }
        call.port = port;
        port.held = call;
        return length;
    }

    /** Wakes a caller with its result (if it still waits: the caller is the one parked on its own queue). */
    private void finish(Call call, int result) {
        if (call.waiting()) {
            kernel.setRegister(call.task, UserRegisters.EAX, result);
            kernel.makeRunnable(call.task);
        }
    }

    /**
     * The caller's reusable call, free for a new call: withdrawn from a queue it was left on (it
     * was interrupted while queued), or replaced if a port still holds it (interrupted while its
     * call was being served: the owner's eventual reply must not reach this new call).
     */
    private Call callOf(Task task) {
        int id = task.id;
        if (id >= calls.length) {
            calls = Arrays.copyOf(calls, Math.max(calls.length * 2, id + 1));
        }
        Call call = calls[id];
        if (call == null || call.task != task) {
            call = new Call(task);
            calls[id] = call;
        } else if (call.port != null) {
            if (call.queued) {
                unlink(call);
            } else {
                call = new Call(task);
                calls[id] = call;
            }
        }
        return call;
    }

    private void enqueue(Port port, Call call) {
        call.port = port;
        call.queued = true;
        call.next = null;
        call.prev = port.tail;
        if (port.tail == null) {
            port.head = call;
        } else {
            port.tail.next = call;
        }
        port.tail = call;
        port.queued++;
    }

    private static void unlink(Call call) {
        Port port = call.port;
        if (call.prev == null) {
            port.head = call.next;
        } else {
            call.prev.next = call.next;
        }
        if (call.next == null) {
            port.tail = call.prev;
        } else {
            call.next.prev = call.prev;
        }
        call.prev = null;
        call.next = null;
        call.queued = false;
        call.port = null;
        port.queued--;
    }

    /** How much of a buffer of {@code capacity} bytes a message can fill. */
    private static int room(int capacity) {
        return Integer.compareUnsigned(capacity, MAX_MESSAGE) > 0 ? MAX_MESSAGE : capacity;
    }

    /** Ports by id: open addressing on int keys, so a lookup neither boxes nor allocates. */
    static final class PortTable {
        private Port[] slots = new Port[64];
        private int size;

        Port get(int id) {
            Port[] s = slots;
            int mask = s.length - 1;
            for (int i = hash(id) & mask; ; i = (i + 1) & mask) {
                Port p = s[i];
                if (p == null || p.id == id) {
                    return p;
                }
            }
        }

        void put(int id, Port port) {
            if ((size + 1) * 2 > slots.length) {
                Port[] old = slots;
                slots = new Port[old.length * 2];
                size = 0;
                for (Port p : old) {
                    if (p != null) {
                        insert(p);
                    }
                }
            }
            insert(port);
        }

        private void insert(Port port) {
            int mask = slots.length - 1;
            int i = hash(port.id) & mask;
            while (slots[i] != null) {
                i = (i + 1) & mask;
            }
            slots[i] = port;
            size++;
        }

        /** Linear probing's deletion: later entries of the cluster move back into the gap. */
        void remove(int id) {
            int mask = slots.length - 1;
            int i = hash(id) & mask;
            while (slots[i] != null && slots[i].id != id) {
                i = (i + 1) & mask;
            }
            if (slots[i] == null) {
                return;
            }
            slots[i] = null;
            size--;
            for (int j = (i + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
                Port p = slots[j];
                int home = hash(p.id) & mask;
                // Move p into the gap at i unless its home lies cyclically in (i, j].
                boolean stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
                if (!stays) {
                    slots[i] = p;
                    slots[j] = null;
                    i = j;
                }
            }
        }

        private static int hash(int id) {
            return id; // ids are handed out in sequence: they spread over the slots by themselves
        }
    }
}
