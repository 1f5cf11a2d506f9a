package dev.ringos.asm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * NASM's preprocessor, the part ringos programs need: {@code %define}/{@code %undef},
 * {@code %macro name N … %endmacro} with {@code %1…%N}, {@code %0} and {@code %%local} labels,
 * {@code %include "file"} (next to the including file, then in the include directories), and
 * {@code %ifdef/%ifndef/%else/%endif}. Every line it produces keeps the file and line a person
 * would look at: for a macro's lines, the line that invoked it.
 */
public final class Preprocessor {
    static final int MAX_MACRO_DEPTH = 64;
    static final int MAX_LINES = 1_000_000;

    /**
     * A limit hit while expanding macros: it abandons the whole expansion and is reported once,
     * at the line of the file that started it (not at each of its possibly billions of leaves).
     */
    private static final class ExpansionLimit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExpansionLimit(String message) {
            super(message, null, false, false);
        }
    }

    private record Macro(String name, int parameters, List<SourceLine> body, SourceLine definedAt) {
    }

    private final List<Path> includeDirs;
    private final ErrorList errors;
    private final Defines defines = new Defines();
    private final Map<String, Macro> macros = new HashMap<>();
    private final Deque<Path> includeStack = new ArrayDeque<>();
    private final List<SourceLine> out = new ArrayList<>();
    private int expansions;

    private Preprocessor(List<Path> includeDirs, ErrorList errors) {
        this.includeDirs = includeDirs;
        this.errors = errors;
    }

    /** The preprocessed lines of {@code file}, or null if it cannot be read; errors go to {@code diagnostics}. */
    public static List<SourceLine> preprocessFile(Path file, List<Path> includeDirs, Diagnostics diagnostics) {
        List<SourceLine> lines = Assembler.readLines(file, diagnostics);
        if (lines == null) {
            return null;
        }
        return preprocess(lines, file, includeDirs, diagnostics);
    }

    /** The preprocessed {@code lines}, which came from {@code file} (its directory is searched first by %include). */
    public static List<SourceLine> preprocess(List<SourceLine> lines, Path file, List<Path> includeDirs,
                                              Diagnostics diagnostics) {
        ErrorList errors = new ErrorList(List.of()); // reported in the order found, which is source order
        Preprocessor p = new Preprocessor(includeDirs, errors);
        try {
            if (file != null) {
                p.includeStack.push(file.toAbsolutePath().normalize());
            }
            p.process(lines, 0);
        } catch (RuntimeException | StackOverflowError e) {
            SourceLine at = lines.isEmpty() ? new SourceLine("", "<input>", 1) : lines.get(0);
            errors.error(at, 1, "internal preprocessor error (please report it): " + e);
        }
        errors.flushTo(diagnostics);
        return p.out;
    }

    private void process(List<SourceLine> lines, int depth) {
        Deque<boolean[]> conditions = new ArrayDeque<>(); // {active, seenElse}
        Deque<SourceLine> openedAt = new ArrayDeque<>();
        Macro defining = null;
        for (SourceLine line : lines) {
            String trimmed = line.text().strip();
            String directive = directiveName(trimmed);
            int column = line.text().indexOf('%') + 1;
            if (defining != null) {
                if (directive.equals("%endmacro")) {
                    macros.put(defining.name(), defining);
                    defining = null;
                } else if (directive.equals("%macro")) {
                    errors.error(line, column, "a macro cannot be defined inside another (missing %endmacro for '"
                            + defining.name() + "'?)");
                } else {
                    defining.body().add(line);
                }
                continue;
            }
            boolean active = conditions.stream().allMatch(c -> c[0]);
            try {
                switch (directive) {
                    case "%ifdef", "%ifndef" -> {
                        String name = argument(trimmed, line, column, directive);
                        boolean defined = defines.isDefined(name) || macros.containsKey(name);
                        conditions.push(new boolean[] {defined == directive.equals("%ifdef"), false});
                        openedAt.push(line);
                    }
                    case "%else" -> {
                        if (conditions.isEmpty() || conditions.peek()[1]) {
                            throw new AsmException(column, conditions.isEmpty() ? "%else without %ifdef"
                                    : "second %else for the same %ifdef");
                        }
                        boolean[] c = conditions.peek();
                        c[0] = !c[0];
                        c[1] = true;
                    }
                    case "%endif" -> {
                        if (conditions.isEmpty()) {
                            throw new AsmException(column, "%endif without %ifdef");
                        }
                        conditions.pop();
                        openedAt.pop();
                    }
                    default -> {
                        if (!active) {
                            break;
                        }
                        if (directive.equals("%macro")) {
                            defining = macroHeader(trimmed, line, column);
                        } else if (!directive.isEmpty()) {
                            directive(directive, trimmed, line, column, depth);
                        } else {
                            text(line, depth);
                        }
                    }
                }
            } catch (AsmException e) {
                errors.error(line, e.column(), e.getMessage());
            } catch (ExpansionLimit e) {
                if (depth > 0) {
                    throw e;
                }
                errors.error(line, firstNonSpace(line.text()) + 1, e.getMessage());
            }
        }
        if (defining != null) {
            errors.error(defining.definedAt(), 1, "macro '" + defining.name() + "' has no %endmacro");
        }
        for (SourceLine open : openedAt) {
            errors.error(open, open.text().indexOf('%') + 1, "%ifdef without %endif");
        }
    }

    /** "%define" for a line starting with a preprocessor directive, else "". */
    private static String directiveName(String trimmed) {
        if (!trimmed.startsWith("%")) {
            return "";
        }
        int end = 1;
        while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
            end++;
        }
        return trimmed.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private void directive(String directive, String trimmed, SourceLine line, int column, int depth) {
        switch (directive) {
            case "%define" -> {
                String rest = withoutComment(trimmed.substring(directive.length())).strip();
                int space = firstSpace(rest);
                String name = space < 0 ? rest : rest.substring(0, space);
                if (name.isEmpty()) {
                    throw new AsmException(column, "%define needs a name");
                }
                defines.define(name, space < 0 ? "" : rest.substring(space).strip());
            }
            case "%undef" -> defines.undefine(argument(trimmed, line, column, directive));
            case "%include" -> include(trimmed, line, column, depth);
            case "%endmacro" -> throw new AsmException(column, "%endmacro without %macro");
            default -> throw new AsmException(column, "unknown preprocessor directive '" + directive + "'");
        }
    }

    private static int firstSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String argument(String trimmed, SourceLine line, int column, String directive) {
        String rest = withoutComment(trimmed.substring(directive.length())).strip();
        if (rest.isEmpty() || firstSpace(rest) >= 0) {
            throw new AsmException(column, directive + " needs exactly one name");
        }
        return rest;
    }

    private Macro macroHeader(String trimmed, SourceLine line, int column) {
        String[] parts = withoutComment(trimmed.substring("%macro".length())).strip().split("\\s+");
        if (parts.length != 2 || parts[0].isEmpty()) {
            throw new AsmException(column, "%macro needs a name and a parameter count: %macro name N");
        }
        int count;
        try {
            count = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new AsmException(column, "the parameter count of %macro must be a number, got '" + parts[1] + "'");
        }
        if (count < 0 || count > 99) {
            throw new AsmException(column, "a macro takes 0 to 99 parameters, got " + count);
        }
        return new Macro(parts[0], count, new ArrayList<>(), line);
    }

    private void include(String trimmed, SourceLine line, int column, int depth) {
        String rest = withoutComment(trimmed.substring("%include".length())).strip();
        if (rest.length() < 2 || (rest.charAt(0) != '"' && rest.charAt(0) != '\'' && rest.charAt(0) != '<')
                || rest.charAt(rest.length() - 1) != (rest.charAt(0) == '<' ? '>' : rest.charAt(0))) {
            throw new AsmException(column, "%include needs a quoted file name: %include \"file.inc\"");
        }
        String name = rest.substring(1, rest.length() - 1);
        Path found = find(name, line);
        if (found == null) {
            List<String> searched = new ArrayList<>();
            searched.add(directoryOf(line).toString());
            includeDirs.forEach(d -> searched.add(d.toString()));
            throw new AsmException(column, "cannot find include file '" + name + "' (searched "
                    + String.join(", ", searched) + ")");
        }
        Path canonical = found.toAbsolutePath().normalize();
        if (includeStack.contains(canonical)) {
            throw new AsmException(column, "'" + name + "' is already being included: recursive %include");
        }
        if (includeStack.size() > MAX_MACRO_DEPTH) {
            throw new AsmException(column, "includes nested more than " + MAX_MACRO_DEPTH + " deep");
        }
        List<String> text;
        try {
            text = Files.readAllLines(found, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AsmException(column, "cannot read include file '" + name + "': " + e.getMessage());
        }
        List<SourceLine> lines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            lines.add(new SourceLine(text.get(i), found.toString(), i + 1));
        }
        includeStack.push(canonical);
        try {
            process(lines, depth);
        } finally {
            includeStack.pop();
        }
    }

    private Path find(String name, SourceLine line) {
        Path local = directoryOf(line).resolve(name);
        if (Files.isRegularFile(local)) {
            return local;
        }
        for (Path dir : includeDirs) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static Path directoryOf(SourceLine line) {
        Path parent = Path.of(line.file()).toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    // ---- ordinary lines: %define substitution and macro calls ----

    private void text(SourceLine line, int depth) {
        String text = defines.substitute(line.text());
        // A macro call: [label:] name args…
        String body = withoutComment(text);
        int start = 0;
        while (start < body.length() && Character.isWhitespace(body.charAt(start))) {
            start++;
        }
        int end = wordEnd(body, start);
        String label = null;
        if (end < body.length() && body.charAt(end) == ':' && end > start) {
            label = body.substring(0, end + 1);
            start = end + 1;
            while (start < body.length() && Character.isWhitespace(body.charAt(start))) {
                start++;
            }
            end = wordEnd(body, start);
        }
        Macro macro = end > start ? macros.get(body.substring(start, end)) : null;
        if (macro == null) {
            out.add(text.equals(line.text()) ? line : new SourceLine(text, line.file(), line.line()));
            return;
        }
        if (label != null) {
            out.add(new SourceLine(label, line.file(), line.line()));
        }
        List<String> arguments = MacroArguments.split(body.substring(end));
        if (arguments.size() != macro.parameters()) {
            throw new AsmException(start + 1, "macro '" + macro.name() + "' takes " + macro.parameters()
                    + " argument" + (macro.parameters() == 1 ? "" : "s") + ", got " + arguments.size()
                    + " (defined at " + macro.definedAt().file() + ":" + macro.definedAt().line() + ")");
        }
        if (depth >= MAX_MACRO_DEPTH) {
            throw new ExpansionLimit("macro '" + macro.name() + "' nested more than " + MAX_MACRO_DEPTH
                    + " deep: does it call itself?");
        }
        if (out.size() > MAX_LINES) {
            throw new ExpansionLimit("macro expansion produced more than " + MAX_LINES + " lines");
        }
        int id = ++expansions;
        List<SourceLine> expanded = new ArrayList<>();
        for (SourceLine b : macro.body()) {
            expanded.add(new SourceLine(MacroArguments.expand(b.text(), arguments, id), line.file(), line.line()));
        }
        process(expanded, depth + 1);
    }

    private static int firstNonSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static int wordEnd(String s, int start) {
        int end = start;
        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || "_.?@$#".indexOf(s.charAt(end)) >= 0)) {
            end++;
        }
        return end;
    }

    /** The line up to a ';' that is not inside a string. */
    private static String withoutComment(String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == ';') {
                return text.substring(0, i);
            }
        }
        return text;
    }
}
