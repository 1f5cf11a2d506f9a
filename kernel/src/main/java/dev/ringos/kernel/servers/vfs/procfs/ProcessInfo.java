package dev.ringos.kernel.servers.vfs.procfs;

import java.util.List;

/**
 * One process as /proc/PID/stat and status show it. Times are in cycles of the virtual clock
 * (procfs converts them to clock ticks); signal sets are 64-bit masks, bit n-1 for signal n.
 *
 * @param comm        the command name (at most 15 characters)
 * @param state       ps's letter: R, S, D, T or Z
 * @param ttyNr       the controlling terminal's device number, 0 for none
 * @param tpgid       that terminal's foreground process group, -1 without a terminal
 * @param executable  the absolute path of the program, or null if it is not known
 * @param startCycles when the process was made; with the pid it names one process for good
 * @param exitCode    the wait status of a zombie, else 0
 */
public record ProcessInfo(int pid, String comm, char state, int ppid, int pgrp, int session, int ttyNr, int tpgid,
        int uid, int gid,
        List<String> argv, String executable, long startCycles, long userCycles, long systemCycles,
        long childUserCycles, long childSystemCycles, long pending, long blocked, long ignored, long caught,
        int exitCode) {

    public boolean isZombie() {
        return state == 'Z';
    }
}
