package dev.ringos.kernel.servers.pm;

import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.SyscallHandler;
import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.UserFault;
import dev.ringos.kernel.syscall.Errno;

/**
 * Time as processes see it: the virtual clock (cycles at {@link KernelConfig#CLOCK_HZ}) read as
 * wall-clock time from a fixed boot moment, monotonic time since boot, and timed sleeps. The
 * same run always sees the same times.
 */
public final class Clock {
    private static final long BOOT_EPOCH = KernelConfig.BOOT_EPOCH;
    public static final int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME_ID = 2,
            CLOCK_THREAD_CPUTIME_ID = 3, CLOCK_MONOTONIC_RAW = 4, CLOCK_REALTIME_COARSE = 5,
            CLOCK_MONOTONIC_COARSE = 6, CLOCK_BOOTTIME = 7;
    private static final long NANOS = 1_000_000_000L;
    private static final long NANOS_PER_CYCLE = NANOS / KernelConfig.CLOCK_HZ;

    private final KernelCalls calls;

    Clock(KernelCalls calls) {
        this.calls = calls;
    }

    /** Nanoseconds since boot. */
    long uptimeNanos() {
        return calls.cycles() * NANOS_PER_CYCLE;
    }

    /** time(2): seconds since the epoch, also stored at {@code address} unless it is 0. */
    public int time(Task caller, int address) throws UserFault {
        int now = (int) (BOOT_EPOCH + uptimeNanos() / NANOS);
        if (address != 0) {
            calls.memory().writeInt(caller, address, now);
        }
        return now;
    }

    /** gettimeofday(2): {tv_sec, tv_usec} at {@code tv}; the timezone, if asked for, is UTC. */
    public int gettimeofday(Task caller, int tv, int tz) throws UserFault {
        long nanos = uptimeNanos();
        if (tv != 0) {
            calls.memory().writeInt(caller, tv, (int) (BOOT_EPOCH + nanos / NANOS));
            calls.memory().writeInt(caller, tv + 4, (int) (nanos % NANOS / 1000));
        }
        if (tz != 0) {
            calls.memory().writeInt(caller, tz, 0);
            calls.memory().writeInt(caller, tz + 4, 0);
        }
        return 0;
    }

    /** clock_gettime(2) for the realtime, monotonic, boottime and CPU-time clocks. */
    public int clockGettime(Task caller, int clock, int ts) throws UserFault {
        long nanos = switch (clock) {
            case CLOCK_REALTIME, CLOCK_REALTIME_COARSE -> BOOT_EPOCH * NANOS + uptimeNanos();
            case CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME -> uptimeNanos();
            case CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID ->
                    (caller.userCycles() + caller.systemCycles()) * NANOS_PER_CYCLE;
            default -> -1;
        };
        if (nanos < 0) {
            return Errno.EINVAL.negated();
        }
        writeTimespec(caller, ts, nanos);
        return 0;
    }

    /** clock_getres(2): one cycle for every clock ringos has. */
    public int clockGetres(Task caller, int clock, int ts) throws UserFault {
        if (clock < CLOCK_REALTIME || clock > CLOCK_BOOTTIME) {
            return Errno.EINVAL.negated();
        }
        if (ts != 0) {
            writeTimespec(caller, ts, NANOS_PER_CYCLE);
        }
        return 0;
    }

    /**
     * nanosleep(2): sleeps on the virtual clock; the time left goes to {@code rem} if a signal's
     * handler ends the sleep early (EINTR, never restarted, as signal(7) says). A stop and
     * continue do not end it.
     */
    public int nanosleep(Task caller, int req, int rem) throws UserFault {
        long deadline = calls.sleepDeadline(caller);
        if (deadline == Task.NO_DEADLINE) {
            int sec = calls.memory().readInt(caller, req);
            int nsec = calls.memory().readInt(caller, req + 4);
            if (sec < 0 || nsec < 0 || nsec >= NANOS) {
                return Errno.EINVAL.negated();
            }
            if (rem != 0) {
                calls.memory().check(caller, rem, 8, true);
            }
            // Rounded up to whole cycles: a sleep never ends early.
            deadline = calls.cycles() + (sec * NANOS + nsec + NANOS_PER_CYCLE - 1) / NANOS_PER_CYCLE;
        }
        if (calls.cycles() >= deadline) {
            calls.endSleep(caller);
            return 0;
        }
        ProcessManager.process(caller).sleepRemainder = rem;
        calls.sleepUntil(caller, deadline);
        return SyscallHandler.PARKED;
    }

    /** A handler is about to run while {@code p} sleeps: the sleep ends, its time left goes to rem. */
    void interrupted(Process p) {
        long left = Math.max(0, calls.sleepDeadline(p.task) - calls.cycles()) * NANOS_PER_CYCLE;
        calls.endSleep(p.task);
        if (p.sleepRemainder != 0) {
            try {
                writeTimespec(p.task, p.sleepRemainder, left);
            } catch (UserFault e) {
                // rem was checked when the sleep began; a page unmapped since loses the answer, as on Linux.
            }
        }
    }

    private void writeTimespec(Task task, int address, long nanos) throws UserFault {
        calls.memory().writeInt(task, address, (int) (nanos / NANOS));
        calls.memory().writeInt(task, address + 4, (int) (nanos % NANOS));
    }
}
