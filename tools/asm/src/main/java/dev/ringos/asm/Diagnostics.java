package dev.ringos.asm;

import java.util.ArrayList;
import java.util.List;

/**
 * Errors and warnings, reported like a compiler's: {@code file:line:col: error: message}, then the
 * source line and a caret under the column. Every stage adds to one instance, so a run reports
 * every problem in the file, not just the first.
 */
public final class Diagnostics {

    public enum Severity {
        ERROR, WARNING;

        @Override
        public String toString() {
            return name().toLowerCase();
        }
    }

    /** One report; {@code column} is 1-based and counts characters of {@code source}. */
    public record Diagnostic(Severity severity, String file, int line, int column, String message, String source) {

        /** The three lines a person reads. Tabs before the column are kept so the caret lines up. */
        public String render() {
            StringBuilder caret = new StringBuilder();
            for (int i = 0; i < column - 1 && i < source.length(); i++) {
                caret.append(source.charAt(i) == '\t' ? '\t' : ' ');
            }
            caret.append('^');
            return file + ":" + line + ":" + column + ": " + severity + ": " + message + "\n"
                    + source + "\n" + caret + "\n";
        }
    }

    private final List<Diagnostic> all = new ArrayList<>();

    public void error(SourceLine at, int column, String message) {
        add(Severity.ERROR, at, column, message);
    }

    public void warning(SourceLine at, int column, String message) {
        add(Severity.WARNING, at, column, message);
    }

    private void add(Severity severity, SourceLine at, int column, String message) {
        all.add(new Diagnostic(severity, at.file(), at.line(), Math.max(1, column), message, at.text()));
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public List<Diagnostic> all() {
        return List.copyOf(all);
    }

    /** Every report, in the order they were made. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : all) {
            out.append(d.render());
        }
        return out.toString();
    }
}
