package dev.ringos.cli;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion from the guest's files: the first word of a line is a command, looked up in the
 * directories of the guest's PATH (as init sets it) unless it holds a slash; other words are
 * file names, relative to the cwd of the process at the terminal. Directories complete with a
 * slash and leave the word open.
 */
final class GuestCompleter implements Completer {
    /** The PATH init gives the shell. */
    static final List<String> PATH = List.of("/bin", "/sbin");

    private final GuestFiles files;

    GuestCompleter(GuestFiles files) {
        this.files = files;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        if (line.wordIndex() == 0 && !word.contains("/")) {
            for (String dir : PATH) {
                for (GuestFiles.Name n : files.list(dir, word)) {
                    if (n.executable()) {
                        candidates.add(new Candidate(n.name(), n.name(), null, null, null, null, true));
                    }
                }
            }
            return;
        }
        int slash = word.lastIndexOf('/');
        String dir = slash < 0 ? "" : word.substring(0, slash + 1);
        String prefix = word.substring(slash + 1);
        for (GuestFiles.Name n : files.list(dir.isEmpty() ? "." : dir, prefix)) {
            String value = dir + n.name() + (n.directory() ? "/" : "");
            candidates.add(new Candidate(value, n.name() + (n.directory() ? "/" : ""), null, null, null, null,
                    !n.directory()));
        }
    }
}
