package dev.ringos.cli;

import dev.ringos.asm.Assembler;
import dev.ringos.asm.Diagnostics;
import dev.ringos.asm.elf.ElfFormatException;
import dev.ringos.asm.elf.ElfReader;
import dev.ringos.asm.elf.Executable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Gets a program from a file the way every subcommand does: assemble a {@code .s} or {@code .asm}, read anything else as ELF. */
final class Programs {
    private Programs() {
    }

    /** Assembly source by its extension: {@code .s}, or NASM's usual {@code .asm}. */
    static boolean isSource(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".s") || name.endsWith(".asm");
    }

    /** The file's name without a source extension ("hello.s" → "hello"); other names stay whole. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        return isSource(file) ? name.substring(0, name.lastIndexOf('.')) : name;
    }

    /** Thrown with a one-line message for the user; the command prints it and exits 1. */
    static final class ProgramException extends Exception {
        private static final long serialVersionUID = 1L;

        ProgramException(String message) {
            super(message);
        }
    }

    static Executable load(Path file, List<Path> includeDirs, PrintWriter err) throws ProgramException {
        if (isSource(file)) {
            return assemble(file, includeDirs, err);
        }
        try {
            return ElfReader.read(Files.readAllBytes(file));
        } catch (ElfFormatException e) {
            throw new ProgramException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ProgramException(unreadable(file, e));
        }
    }

    /** Assembles; diagnostics go to {@code err}; never null: errors become a ProgramException. */
    static Executable assemble(Path source, List<Path> includeDirs, PrintWriter err) throws ProgramException {
        return assembleWithListing(source, includeDirs, err).executable();
    }

    static Assembler.Assembly assembleWithListing(Path source, List<Path> includeDirs, PrintWriter err)
            throws ProgramException {
        if (!Files.isRegularFile(source)) {
            throw new ProgramException(source + ": no such file");
        }
        Diagnostics diagnostics = new Diagnostics();
        Assembler.Assembly program = Assembler.assembleFileWithListing(source, includeDirs, diagnostics);
        err.print(diagnostics.render());
        err.flush();
        if (program == null || diagnostics.hasErrors()) {
            long errors = diagnostics.all().stream().filter(d -> d.severity() == Diagnostics.Severity.ERROR).count();
            throw new ProgramException(source + ": " + errors + (errors == 1 ? " error" : " errors"));
        }
        return program;
    }

    static String unreadable(Path file, IOException e) {
        return file + ": " + (e instanceof NoSuchFileException ? "no such file" : "cannot read (" + e.getMessage() + ")");
    }
}
