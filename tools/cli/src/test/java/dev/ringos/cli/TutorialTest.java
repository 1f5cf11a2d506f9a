package dev.ringos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/tutorial.md works as printed: each {@code nasm} block is the file named by the next
 * {@code ./ringos} command, and each console transcript's output is what the command prints.
 */
class TutorialTest {
    private static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path work;

    @Test
    void everyListingAssemblesAndRunsWithTheOutputTheTutorialShows() throws Exception {
        String tutorial = Files.readString(Path.of("../../docs/tutorial.md"));
        Matcher fence = FENCE.matcher(tutorial);
        String source = null;
        int commands = 0;
        while (fence.find()) {
            if (fence.group(1).equals("nasm")) {
                source = fence.group(2);
            } else if (fence.group(1).equals("console")) {
                commands += replay(fence.group(2), source);
                source = null;
            }
        }
        assertThat(commands).as("commands checked").isGreaterThanOrEqualTo(6);
    }

    /** Runs each {@code $ ./ringos …} line of a transcript and compares what follows it. */
    private int replay(String transcript, String source) throws Exception {
        List<String> lines = new ArrayList<>(Arrays.asList(transcript.split("\n", -1)));
        int count = 0;
        int lastStatus = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("$ ")) {
                continue;
            }
            StringBuilder expected = new StringBuilder();
            for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("$ "); j++) {
                expected.append(lines.get(j)).append('\n');
            }
            String command = line.substring(2);
            if (command.equals("echo $?")) {
                assertThat(lastStatus + "\n").as(command).isEqualTo(expected.toString().stripTrailing() + "\n");
                continue;
            }
            boolean piped = command.contains("|");
            String[] words = command.split("\\|")[0].trim().split(" +");
            assertThat(words[0]).as("transcript command").isEqualTo("./ringos");
            String file = words[words.length - 1];
            if (source != null && !Files.exists(work.resolve(file))) {
                Files.writeString(work.resolve(file), source);
            }
            // A pipeline runs in a real shell, so 2>&1 interleaves as it would for the reader.
            CliProcess.Result result = piped ? CliProcess.shell(work, command)
                    : CliProcess.run(work, Arrays.asList(words).subList(1, words.length));
            lastStatus = result.status();
            String printed = result.stdout() + result.stderr();
            assertThat(printed).as("output of: " + command).isEqualTo(expected.toString().stripTrailing() + "\n");
            count++;
        }
        return count;
    }
}
