package dev.ringos.kernel.core;

/**
 * A user pointer the kernel could not follow: unmapped, a kernel address, or without the rights
 * the access needs. Syscalls turn it into EFAULT. One shared instance, without a stack trace,
 * since it is control flow and must cost nothing.
 */
public final class UserFault extends Exception {
    private static final long serialVersionUID = 1L;
    static final UserFault INSTANCE = new UserFault();

    private UserFault() {
        super("bad user address", null, false, false);
    }
}
