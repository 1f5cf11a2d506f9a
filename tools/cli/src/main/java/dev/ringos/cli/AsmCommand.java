package dev.ringos.cli;

import dev.ringos.asm.Assembler;
import dev.ringos.asm.elf.ElfWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "asm", mixinStandardHelpOptions = true,
        description = "Assemble a ringos program (NASM syntax) into an ELF32 executable.",
        footer = {"", "Example:", "  ringos asm examples/hello.s -o hello && ringos run --bare hello"})
final class AsmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.s", description = "The source file.")
    Path source;

    @Option(names = "-o", paramLabel = "OUT", description = "Where to write the executable (default: FILE without .s).")
    Path output;

    @Option(names = "-I", paramLabel = "DIR", description = "Also look for %include files here (repeatable).")
    List<Path> includeDirs = new ArrayList<>();

    @Option(names = "-l", paramLabel = "LISTING", description = "Also write a listing (address, bytes, source), like nasm -l.")
    Path listing;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        try {
            Assembler.Assembly assembly = Programs.assembleWithListing(source, includeDirs, err);
            Path out = output != null ? output : defaultOutput(source);
            Files.write(out, ElfWriter.write(assembly.executable()));
            if (listing != null) {
                Files.writeString(listing, assembly.listing().render());
            }
            return 0;
        } catch (Programs.ProgramException e) {
            err.println("ringos asm: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("ringos asm: cannot write (" + e.getMessage() + ")");
            return 1;
        }
    }

    private static Path defaultOutput(Path source) {
        String base = Programs.baseName(source);
        return source.resolveSibling(Programs.isSource(source) ? base : base + ".out");
    }
}
