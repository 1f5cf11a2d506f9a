package dev.ringos.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the ringos command as a separate process, as a user would, with the test's class path. */
final class CliProcess {

    /** What a run printed and how it ended. */
    record Result(int status, String stdout, String stderr) {
    }

    private CliProcess() {
    }

    static Result run(Path workingDirectory, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(arguments);
        return start(workingDirectory, command);
    }

    /** Runs a shell command line in which {@code ./ringos} stands for the command, pipes and redirections included. */
    static Result shell(Path workingDirectory, String commandLine) throws IOException, InterruptedException {
        String ringos = String.join(" ", javaCommand().stream().map(w -> "'" + w + "'").toList());
        return start(workingDirectory, List.of("/bin/sh", "-c", commandLine.replace("./ringos", ringos)));
    }

    private static List<String> javaCommand() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
    }

    private static Result start(Path workingDirectory, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("ringos-out", ".txt");
        Path err = Files.createTempFile("ringos-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish in 60 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
