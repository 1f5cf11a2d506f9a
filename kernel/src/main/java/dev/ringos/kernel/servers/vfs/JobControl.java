package dev.ringos.kernel.servers.vfs;

/**
 * What the VFS needs to know and do about processes, from the process manager: signals for
 * SIGPIPE and the terminal's keys, and the process groups and sessions job control is made of.
 */
public interface JobControl {
    void signal(int pid, int signal);

    /** Sends to every process in the group; false if there is none. */
    boolean signalGroup(int pgid, int signal);

    int pgid(int pid);

    int sid(int pid);

    /** Whether some process of session {@code sid} is in group {@code pgid} (TIOCSPGRP's check). */
    boolean groupInSession(int pgid, int sid);

    /** Whether {@code pid} ignores or blocks {@code signal} (a background read then fails with EIO). */
    boolean ignoresOrBlocks(int pid, int signal);

    /** An orphaned process group (POSIX): no member has a parent in another group of the same session. */
    boolean orphanedGroup(int pgid);
}
