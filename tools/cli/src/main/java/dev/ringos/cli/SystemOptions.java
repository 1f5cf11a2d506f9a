package dev.ringos.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How to boot the system: the options of {@code ringos} itself and of {@code ringos shell}. */
final class SystemOptions {
    @Option(names = "-c", paramLabel = "LINE",
            description = "Run the command line LINE in the guest shell and exit with its status.")
    String command;

    @Option(names = "--mount", paramLabel = HostMount.FORM, converter = HostMount.Converter.class,
            description = "Mount the host directory HOST at GUEST in the guest, read-only with :ro (repeatable)."
                    + " The guest cannot reach anything outside HOST (docs/hostfs.md).")
    List<HostMount> mounts = new ArrayList<>();

    @Option(names = "--mem", paramLabel = "SIZE", defaultValue = "64M", converter = Numbers.Long64.class,
            description = "Memory size, a multiple of 4K (default: ${DEFAULT-VALUE}).")
    long memory;

    @Option(names = "--strace", description = "Trace the syscalls of every process init starts to stderr, as strace -f.")
    boolean strace;

    @Option(names = "--no-edit",
            description = "On a terminal, pass every key to the guest as typed: no line editing, history or"
                    + " completion on the host's side.")
    boolean noEdit;
}
