package dev.ringos.cpu;

/**
 * Host code behind a gate: the single door between the guest and a kernel written in Java. The CPU
 * calls it after delivering the trap exactly as for a guest handler (ring switch, stack switch,
 * frame pushed); when it returns, the CPU leaves ring 0 by iret semantics (IDT gates) or sysret
 * semantics (syscall). A handler changes what the guest resumes with by changing registers and the
 * trap frame, never by jumping anywhere itself. On entry ESP points at the frame as a guest handler
 * would find it, the error code first when the vector has one; like an x86 handler, a gate that
 * returns must pop it (ESP + 4), since the iret expects EIP on top.
 */
@FunctionalInterface
public interface HostGate {
    /**
     * @param vector    the vector delivered, or -1 for syscall
     * @param errorCode the error code pushed (0 if the vector has none)
     */
    void enter(Cpu cpu, int vector, int errorCode);
}
