package dev.ringos.kernel.syscall;

import java.util.List;

/**
 * One row of the syscall table: the Linux i386 number and name, the handler, how far ringos
 * supports it (with a note when partial), and how strace shows its arguments.
 */
public record Syscall(int number, String name, Support support, String note, List<Arg> args, Handler handler) {
    public Syscall {
        args = List.copyOf(args);
    }
}
