package dev.ringos.kernel.syscall;

import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.UserFault;

/** What a syscall does: validate and copy in, then act (a {@link UserFault} becomes EFAULT). */
@FunctionalInterface
public interface Handler {
    int call(Task caller, Args args) throws UserFault;
}
