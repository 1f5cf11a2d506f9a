package dev.ringos.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code ringos} command. Alone (or with {@code -c LINE}) it boots the system and runs the
 * guest shell, as {@code ringos shell} does (DESIGN §6, §8); subcommands do the rest.
 */
@Command(
        name = "ringos",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {"A teaching operating system on an emulated x86-like machine.",
            "Without a subcommand: boot ringos and run its shell (see `ringos shell --help`)."},
        subcommands = {ShellCommand.class, RunCommand.class, AsmCommand.class, DisasmCommand.class,
            AutoComplete.GenerateCompletion.class},
        footer = {"", "Examples:", "  ringos                      an interactive shell on this terminal",
            "  ringos -c 'echo hello'      one command line; ringos exits with its status",
            "  echo 'echo hello' | ringos  commands from stdin",
            "", "Shell completion: source <(ringos generate-completion)"})
public final class Main implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SystemOptions options;

    /** Entry point of {@code java -jar ringos.jar}. */
    public static void main(String[] args) {
        // System.console() is null unless stdin and stdout are both terminals: ringos decides on it
        // whether to attach the terminal. JDK 22 and later return a console even when they are
        // redirected unless asked for the java.base one, before anything (Picocli) has looked.
        System.setProperty("jdk.console", "java.base");
        System.exit(newCommandLine().execute(args));
    }

    /** The command line as {@link #main} runs it; tests redirect its out/err writers. */
    static CommandLine newCommandLine() {
        CommandLine line = new CommandLine(new Main())
                .setParameterExceptionHandler(new ShortErrorHandler());
        // `ringos run FILE -x`: everything after FILE belongs to the guest program.
        line.getSubcommands().get("run").setStopAtPositional(true);
        return line;
    }

    @Override
    public Integer call() {
        return SystemRun.run(options, spec.commandLine().getErr());
    }

    /** Reads the project version from the Maven-filtered {@code version.properties}. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "ringos " + projectVersion(),
                "Java " + Runtime.version()
                        + " (" + System.getProperty("java.vm.name", "unknown VM")
                        + ", " + System.getProperty("java.vendor", "unknown vendor") + ")",
            };
        }

        static String projectVersion() {
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    return "unknown";
                }
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").trim();
                return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
            } catch (IOException | IllegalArgumentException e) {
                return "unknown";
            }
        }
    }

    /**
     * Reports a bad command line as one line plus a hint, not the whole usage text,
     * and exits with the command's invalid-input code (2).
     */
    static final class ShortErrorHandler implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            String message = String.valueOf(ex.getMessage()).replaceAll("\\s*\\R\\s*", " ").trim();
            err.println(cmd.getCommandSpec().qualifiedName() + ": " + message);
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return cmd.getExitCodeExceptionMapper() != null
                    ? cmd.getExitCodeExceptionMapper().getExitCode(ex)
                    : cmd.getCommandSpec().exitCodeOnInvalidInput();
        }
    }
}
