package dev.ringos.cpu.isa;

/**
 * Popek and Goldberg's classes, with x86's holes. An instruction is <em>sensitive</em> when it
 * changes (control-sensitive) or reveals (behaviour-sensitive) the machine's configuration; it is
 * <em>privileged</em> when it traps outside ring 0. A machine is classically virtualizable when
 * every sensitive instruction is privileged — x86 is not, and neither is ringos until CR4.SVE.
 */
public enum PrivilegeClass {
    /** Neither sensitive nor privileged. */
    INNOCUOUS("innocuous"),
    /** #GP(0) whenever CPL &gt; 0. */
    PRIVILEGED("privileged"),
    /** #GP(0) when CPL &gt; IOPL (in, out, cli, sti); runs in ring 3 when IOPL is 3. */
    IOPL_SENSITIVE("IOPL-sensitive"),
    /** Tries to change the configuration but silently does less outside ring 0 (popf, iret). */
    CONTROL_SENSITIVE("sensitive (control), unprivileged"),
    /** Reveals the configuration without trapping (pushf, smsw, sidt, str, mov r, cs, rdtsc). */
    BEHAVIOUR_SENSITIVE("sensitive (behaviour), unprivileged");

    private final String text;

    PrivilegeClass(String text) {
        this.text = text;
    }

    public boolean isSensitive() {
        return this != INNOCUOUS;
    }

    /** Whether the instruction traps outside ring 0 whatever the IOPL, under the given CR4.SVE. */
    public boolean alwaysTrapsOutsideRing0(boolean strictVirtualization) {
        return this == PRIVILEGED || (strictVirtualization && this != INNOCUOUS);
    }

    @Override
    public String toString() {
        return text;
    }
}
