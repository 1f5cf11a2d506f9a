package dev.ringos.kernel.servers.vfs.pipe;

import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.TaskState;
import dev.ringos.kernel.core.WaitQueue;
import dev.ringos.kernel.servers.vfs.FileServer;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.FsProcess;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.OpenFile;
import dev.ringos.kernel.servers.vfs.OpenFlags;
import dev.ringos.kernel.syscall.Errno;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opening FIFOs (fifo(7)): each FIFO inode that is open has one {@link Pipe}, made by the first
 * open and discarded, with whatever it held, when the last end closes. O_RDONLY waits until
 * there is a writer, O_WRONLY until there is a reader; with O_NONBLOCK a reader opens at once
 * and a writer with no reader fails with ENXIO; O_RDWR never waits.
 *
 * <p>An open that waits parks and runs again from the start when woken, so the rendezvous is
 * kept here rather than on a kernel stack. A waiting opener is an {@link Opener} record: it
 * counts as an end of its kind (a writer finding a reader waiting in open succeeds and may
 * write at once, as on Linux, where the waiting reader is already counted). The opener that
 * arrives on the other side marks each waiting one <em>partnered</em> and wakes it; when a
 * partnered opener runs its open again it succeeds, even if the partner has closed in the
 * meantime (Linux's r_counter and w_counter guarantee the same). A record is believed only while
 * its process is parked on the FIFO's queue, or partnered and about to run its open again; one
 * whose open ended otherwise (a signal, death) is dropped the next time it is looked at.
 */
public final class Fifos implements FileServer.FifoOpener {
    private final FileServer files;
    private final KernelCalls calls;
    private final Map<Inode, Fifo> open = new IdentityHashMap<>();

    public Fifos(FileServer files) {
        this.files = files;
        this.calls = files.calls();
    }

    @Override
    public OpenFile open(FsProcess caller, Inode node, int flags) throws FsException {
        int access = flags & OpenFlags.O_ACCMODE;
        if (access == OpenFlags.O_ACCMODE) {
            throw FsException.of(Errno.EINVAL);
        }
        boolean reader = access == OpenFlags.O_RDONLY;
        Fifo fifo = open.get(node);
        // The caller's own record (it is running its open again) keeps the pipe, partner gone or not.
        Opener mine = fifo == null ? null : fifo.take(caller, reader);
        if (fifo == null || mine == null && fifo.unused()) {
            fifo = new Fifo(node);
            open.put(node, fifo);
        }
        boolean partnered = mine != null && mine.partnered;
        boolean nonBlocking = (flags & OpenFlags.O_NONBLOCK) != 0;
        return switch (access) {
            case OpenFlags.O_RDWR -> fifo.end(flags, true, true);
            case OpenFlags.O_RDONLY -> {
                if (partnered || nonBlocking || fifo.pipe.writers() > 0 || fifo.writerPending()) {
                    yield fifo.end(flags, true, false);
                }
                yield fifo.await(caller, mine, true);
            }
            default -> {
                if (partnered || fifo.pipe.readers() > 0 || fifo.readerPending()) {
                    yield fifo.end(flags, false, true);
                }
                if (nonBlocking) {
                    fifo.endClosed();
                    throw FsException.of(Errno.ENXIO);
                }
                yield fifo.await(caller, mine, false);
            }
        };
    }

    /** A process waiting in open(2) for the other side, or woken by it and about to open again. */
    private static final class Opener {
        final FsProcess process;
        final boolean reader;
        boolean partnered;

        Opener(FsProcess process, boolean reader) {
            this.process = process;
            this.reader = reader;
        }
    }

    /** One open FIFO: its pipe and the openers waiting for a partner. */
    final class Fifo {
        private final Inode inode;
        final Pipe pipe;
        private final List<Opener> waiting = new ArrayList<>(2);
        private final WaitQueue readersWait = new WaitQueue("fifo_open_read");
        private final WaitQueue writersWait = new WaitQueue("fifo_open_write");

        Fifo(Inode inode) {
            this.inode = inode;
            this.pipe = new Pipe(calls, inode, this);
        }

        /** A new description with the pipe's counts taken; the other side's waiting openers are partnered. */
        OpenFile end(int flags, boolean reader, boolean writer) {
            pipe.addEnds(reader, writer);
            if (reader) {
                partner(false);
            }
            if (writer) {
                partner(true);
            }
            return new PipeEnd(pipe, calls, flags);
        }

        /** Parks the caller until an opener of the other kind comes: null tells the VFS to park and open again. */
        OpenFile await(FsProcess caller, Opener mine, boolean reader) {
            waiting.add(mine != null ? mine : new Opener(caller, reader));
            caller.blockOn(reader ? readersWait : writersWait);
            return null;
        }

        /**
         * Takes the caller's record off the list: it is running its open again. One of the
         * other kind (an open of another mode that ended without finishing) is dropped.
         */
        Opener take(FsProcess caller, boolean reader) {
            Opener mine = null;
            for (int i = 0; i < waiting.size(); i++) {
                Opener o = waiting.get(i);
                if (o.process == caller) {
                    waiting.remove(i--);
                    if (o.reader == reader) {
                        mine = o;
                    }
                }
            }
            return mine;
        }

        /** Marks every believable waiting opener of that kind partnered, and wakes them. */
        private void partner(boolean readers) {
            boolean any = false;
            for (int i = 0; i < waiting.size(); i++) {
                Opener o = waiting.get(i);
                if (o.reader == readers && !o.partnered) {
                    if (believable(o)) {
                        o.partnered = true;
                        any = true;
                    } else {
                        waiting.remove(i--);
                    }
                }
            }
            WaitQueue queue = readers ? readersWait : writersWait;
            if (any && !queue.isEmpty()) {
                calls.wakeAll(queue);
            }
        }

        boolean readerPending() {
            return pending(true);
        }

        boolean writerPending() {
            return pending(false);
        }

        private boolean pending(boolean reader) {
            boolean found = false;
            for (int i = 0; i < waiting.size(); i++) {
                Opener o = waiting.get(i);
                if (o.reader == reader) {
                    if (believable(o)) {
                        found = true;
                    } else {
                        waiting.remove(i--);
                    }
                }
            }
            return found;
        }

        /** Parked on this FIFO's queue, or partnered and about to run its open again, in a live process. */
        private boolean believable(Opener o) {
            if (files.process(o.process.pid()) != o.process) {
                return false;
            }
            Task task = calls.task(o.process.pid());
            if (task == null || task.state() == TaskState.DEAD) {
                return false;
            }
            return calls.isWaitingOn(task, o.reader ? readersWait : writersWait)
                    || o.partnered && calls.willRestart(task);
        }

        /** No end open and no opener to wait for: whatever the pipe holds is gone with it. */
        boolean unused() {
            return pipe.readers() == 0 && pipe.writers() == 0 && !pending(true) && !pending(false);
        }

        void endClosed() {
            if (unused() && open.get(inode) == this) {
                open.remove(inode);
            }
        }
    }
}
