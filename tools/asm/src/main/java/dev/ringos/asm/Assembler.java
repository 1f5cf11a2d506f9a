package dev.ringos.asm;

import dev.ringos.asm.elf.Executable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The assembler: source lines in, an {@link Executable} out. First every line is parsed and every
 * symbol's definition recorded; then passes over the program lay it out until no address changes
 * (branches start short and grow to rel32 for good when their target is out of rel8's reach);
 * a last pass emits the bytes and reports every error.
 */
public final class Assembler {
    private static final int MAX_PASSES = 50;

    /** What {@link #assembleWithListing} produces. */
    public record Assembly(Executable executable, Listing listing) {
    }

    /** One source line, parsed: its statements and the local-label scope in force there. */
    record ParsedLine(SourceLine line, String scope, List<Statement> statements) {
    }

    private final ErrorList errors;
    private final SymbolTable symbols = new SymbolTable();
    private final List<ParsedLine> program = new ArrayList<>();
    /** Branches found not to reach with rel8: they stay long, so sizes only grow and the passes end. */
    private final Set<Statement.Instruction> longBranches = Collections.newSetFromMap(new IdentityHashMap<>());

    private Assembler(List<SourceLine> lines) {
        this.errors = new ErrorList(lines);
    }

    /** The program, or null when there were errors (they are in {@code diagnostics}). */
    public static Executable assemble(List<SourceLine> lines, Diagnostics diagnostics) {
        Assembly a = assembleWithListing(lines, diagnostics);
        return a == null ? null : a.executable();
    }

    /** The program and its listing, or null when there were errors. */
    public static Assembly assembleWithListing(List<SourceLine> lines, Diagnostics diagnostics) {
        try {
            Assembler assembler = new Assembler(lines);
            Assembly result = assembler.run(lines);
            assembler.errors.flushTo(diagnostics);
            return result;
        } catch (RuntimeException | StackOverflowError e) {
            SourceLine at = lines.isEmpty() ? new SourceLine("", "<input>", 1) : lines.get(0);
            diagnostics.error(at, 1, "internal assembler error (please report it): " + e);
            return null;
        }
    }

    /** Reads, preprocesses and assembles a file; {@code includeDirs} are searched by {@code %include}. */
    public static Executable assembleFile(Path file, List<Path> includeDirs, Diagnostics diagnostics) {
        Assembly a = assembleFileWithListing(file, includeDirs, diagnostics);
        return a == null ? null : a.executable();
    }

    /**
     * Reads, preprocesses and assembles a file, with its listing. Preprocessor errors do not stop
     * the assembler, so one run reports both kinds; the result is then null.
     */
    public static Assembly assembleFileWithListing(Path file, List<Path> includeDirs, Diagnostics diagnostics) {
        List<SourceLine> lines = Preprocessor.preprocessFile(file, includeDirs, diagnostics);
        if (lines == null) {
            return null;
        }
        boolean preprocessorErrors = diagnostics.hasErrors();
        Assembly a = assembleWithListing(lines, diagnostics);
        return preprocessorErrors ? null : a;
    }

    /** The lines of {@code file} as source lines, or null (with an error) if it cannot be read. */
    static List<SourceLine> readLines(Path file, Diagnostics diagnostics) {
        try {
            List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<SourceLine> lines = new ArrayList<>();
            for (int i = 0; i < text.size(); i++) {
                lines.add(new SourceLine(text.get(i), file.toString(), i + 1));
            }
            return lines;
        } catch (IOException e) {
            diagnostics.error(new SourceLine("", file.toString(), 1), 1, "cannot read file: " + e.getMessage());
            return null;
        }
    }

    private Assembly run(List<SourceLine> lines) {
        parse(lines);
        Map<String, Long> previous = Map.of();
        long[] bases = Section.layout(new long[Section.values().length]);
        boolean settled = false;
        boolean provisional = true;
        for (int pass = 0; pass < MAX_PASSES && !settled; pass++) {
            AssemblyPass p = new AssemblyPass(program, symbols, previous, bases, longBranches, provisional, null);
            p.run();
            long[] next = Section.layout(p.sizes());
            // A provisional pass that met no unknown value must be followed by a real one; one that
            // still met unknowns (names never defined) has nothing more to learn.
            settled = p.values().equals(previous) && Arrays.equals(next, bases) && (!provisional || p.sawUnknown());
            provisional = p.sawUnknown();
            previous = p.values();
            bases = next;
        }
        if (!settled) {
            errors.error(lines.get(0), 1, "instruction sizes did not settle after " + MAX_PASSES + " passes");
            return null;
        }
        AssemblyPass last = new AssemblyPass(program, symbols, previous, bases, longBranches, false, errors);
        last.run();
        last.checkGlobals();
        last.checkEntry();
        if (errors.hasErrors()) {
            return null;
        }
        return new Assembly(last.executable(), last.listing());
    }

    /** Parses every line and records every definition; errors are reported, the line then counts as empty. */
    private void parse(List<SourceLine> lines) {
        LineParser parser = new LineParser();
        for (SourceLine line : lines) {
            List<Statement> statements = List.of();
            try {
                statements = parser.parse(line.text());
                for (Statement s : statements) {
                    if (s instanceof Statement.Label l) {
                        symbols.define(l.name(), line, l.column(), false);
                    } else if (s instanceof Statement.Equ e) {
                        symbols.define(e.name(), line, e.column(), true);
                    }
                }
            } catch (AsmException e) {
                errors.error(line, e.column(), e.getMessage());
            }
            program.add(new ParsedLine(line, parser.scope(), statements));
        }
    }
}
