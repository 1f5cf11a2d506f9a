package dev.ringos.kernel.syscall;

/** How strace shows an argument. */
public enum Arg {
    INT, UINT, HEX, POINTER,
    /** A NUL-terminated path, shown in full. */
    PATH,
    /** A buffer the call reads, its length the next argument. */
    BUFFER_IN,
    /** A buffer the call fills, its length the result; shown after the call. */
    BUFFER_OUT,
    OPEN_FLAGS, MODE, SIGNAL,
    /** open's mode: shown only when the flags before it have O_CREAT, as strace does. */
    OPEN_MODE,
    /** A directory descriptor of an *at call: AT_FDCWD by name. */
    DIRFD,
    /** A pointer to two ints the call fills (pipe's fds): "[3, 4]" after a success. */
    FD_PAIR,
    /** A pointer to an int wait status the call fills. */
    WAIT_STATUS,
    WAIT_OPTIONS,
    /** argv: a NULL-terminated array of strings. */
    ARGV,
    /** envp: shown as strace does, "0x… /* n vars *&#47;". */
    ENVP,
    SIGPROCMASK_HOW
}
