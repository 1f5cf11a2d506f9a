package dev.ringos.kernel.servers.vfs.pipe;

import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.core.WaitQueue;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.FsProcess;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.OpenFile;
import dev.ringos.kernel.syscall.Errno;

/**
 * A pipe as pipe(7) describes it: a 64 KiB ring of bytes between the descriptions that read it
 * and those that write it. A read takes what is there (up to its count) and waits only while
 * the pipe is empty and a writer exists; with no writer left an empty pipe reads as end of file.
 * A write of at most {@link #PIPE_BUF} bytes goes in whole or not at all; a larger one puts in
 * what fits. Writing with no reader left fails with EPIPE (the VFS sends SIGPIPE).
 *
 * <p>Waiting follows the VFS's rule: the operation names the queue and answers
 * {@link OpenFile#WOULD_BLOCK}, and the caller's syscall runs again when the queue is woken.
 * Data arriving wakes {@link #readable}; room appearing wakes {@link #writable}; the last writer
 * going wakes readers (they see end of file), the last reader going wakes writers (EPIPE).
 */
public final class Pipe {
    /** Linux's default pipe capacity (16 pages). */
    public static final int CAPACITY = 64 * 1024;
    /** Writes of at most this many bytes are atomic. */
    public static final int PIPE_BUF = 4096;
    private static final int MASK = CAPACITY - 1;

    private final KernelCalls calls;
    private final Inode inode;
    /** The FIFO this pipe belongs to, or null for one pipe(2) made. */
    private final Fifos.Fifo fifo;
    private final byte[] ring = new byte[CAPACITY];
    /** Where the next byte is read from; back to 0 whenever the pipe empties, so big transfers copy in one piece. */
    private int head;
    /** Bytes held, from {@link #head} on, wrapping at {@link #CAPACITY}. */
    private int count;
    /** Open descriptions that read it and that write it (an O_RDWR one counts in both). */
    private int readers;
    private int writers;
    final WaitQueue readable = new WaitQueue("pipe_read");
    final WaitQueue writable = new WaitQueue("pipe_write");

    Pipe(KernelCalls calls, Inode inode, Fifos.Fifo fifo) {
        this.calls = calls;
        this.inode = inode;
        this.fifo = fifo;
    }

    Inode inode() {
        return inode;
    }

    /** Bytes waiting to be read (FIONREAD). */
    int available() {
        return count;
    }

    int readers() {
        return readers;
    }

    int writers() {
        return writers;
    }

    void addEnds(boolean reader, boolean writer) {
        if (reader) {
            readers++;
        }
        if (writer) {
            writers++;
        }
    }

    int read(FsProcess caller, byte[] into, int off, int length) {
        if (count == 0) {
            if (writers == 0 && (fifo == null || !fifo.writerPending())) {
                return 0;
            }
            caller.blockOn(readable);
            return OpenFile.WOULD_BLOCK;
        }
        int n = Math.min(length, count);
        int first = Math.min(n, CAPACITY - head);
        System.arraycopy(ring, head, into, off, first);
        System.arraycopy(ring, 0, into, off + first, n - first);
        count -= n;
        head = count == 0 ? 0 : (head + n) & MASK;
        wake(writable);
        return n;
    }

    int write(FsProcess caller, byte[] from, int off, int length) throws FsException {
        if (readers == 0 && (fifo == null || !fifo.readerPending())) {
            throw FsException.of(Errno.EPIPE);
        }
        int room = CAPACITY - count;
        if (room == 0 || length <= PIPE_BUF && room < length) {
            caller.blockOn(writable);
            return OpenFile.WOULD_BLOCK;
        }
        int n = Math.min(length, room);
        int tail = (head + count) & MASK;
        int first = Math.min(n, CAPACITY - tail);
        System.arraycopy(from, off, ring, tail, first);
        System.arraycopy(from, off + first, ring, 0, n - first);
        count += n;
        wake(readable);
        return n;
    }

    /** A description that read and/or wrote it is gone: the other side learns of EOF or EPIPE. */
    void closeEnds(boolean reader, boolean writer) {
        if (reader && --readers == 0) {
            wake(writable);
        }
        if (writer && --writers == 0) {
            wake(readable);
        }
        if (fifo != null) {
            fifo.endClosed();
        }
    }

    void wake(WaitQueue queue) {
        if (!queue.isEmpty()) {
            calls.wakeAll(queue);
        }
    }
}
