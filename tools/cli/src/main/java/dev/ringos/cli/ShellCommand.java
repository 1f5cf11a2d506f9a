package dev.ringos.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"Boot ringos from its root image and run the guest shell, /bin/sh; exit with its status when"
                + " it exits (128+N if signal N killed it). This is what `ringos` alone does.",
            "On a terminal the shell is interactive: the guest's console is the terminal, with line editing,"
                + " history (~/.ringos_history) and completion of guest commands and file names while a program"
                + " reads whole lines; Ctrl-C, Ctrl-Z and Ctrl-D reach the guest's terminal. Otherwise the shell"
                + " reads its commands from stdin, and the guest's fds 0, 1 and 2 are the host's stdin, stdout and"
                + " stderr."},
        footer = {"", "Examples:", "  ringos", "  ringos -c 'echo hello'", "  echo 'echo hello' | ringos",
            "  ringos shell --mount ./data:/data"})
final class ShellCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SystemOptions options;

    @Override
    public Integer call() {
        return SystemRun.run(options, spec.commandLine().getErr());
    }
}
