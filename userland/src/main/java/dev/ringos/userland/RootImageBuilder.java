package dev.ringos.userland;

import dev.ringos.asm.Assembler;
import dev.ringos.asm.Diagnostics;
import dev.ringos.asm.elf.ElfWriter;
import dev.ringos.asm.elf.Executable;
import dev.ringos.kernel.servers.vfs.Cpio;
import dev.ringos.kernel.servers.vfs.CpioEntry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the root image at build time (the {@code process-classes} phase runs {@link #main}):
 * every {@code bin/NAME.s} assembled to {@code /bin/NAME} and every {@code sbin/NAME.s} to
 * {@code /sbin/NAME}, mode 0755; the files under {@code src/main/image/} as they are (0755 if
 * executable on the host, else 0644); and the standard directories. The archive is a cpio (newc),
 * the same bytes for the same sources.
 *
 * <p>A program is assembled from its one source plus what it {@code %include}s, found in the
 * source's own directory and then in {@code lib/}. Errors are reported as the assembler reports
 * them ({@code file:line:col: error: …}), every error of every program, and fail the build.
 */
public final class RootImageBuilder {
    /** The directories every ringos root has, with their modes (those of a Linux root). */
    static final List<Directory> DIRECTORIES = List.of(
            new Directory("/bin", 0755),
            new Directory("/sbin", 0755),
            new Directory("/etc", 0755),
            new Directory("/dev", 0755),
            new Directory("/proc", 0555),
            new Directory("/tmp", 01777),
            new Directory("/root", 0700),
            new Directory("/home", 0755));

    /** A directory of the image. */
    record Directory(String path, int mode) {
    }

    /** Thrown when a program does not assemble; its diagnostics have been printed. */
    public static final class BuildException extends Exception {
        private static final long serialVersionUID = 1L;

        BuildException(String message) {
            super(message);
        }
    }

    private RootImageBuilder() {
    }

    /**
     * {@code RootImageBuilder ASM_DIR IMAGE_DIR OUTPUT}: builds the image from the guest sources in
     * ASM_DIR ({@code bin/}, {@code sbin/}, {@code lib/}) and the files in IMAGE_DIR (which may be
     * missing) into the file OUTPUT.
     */
    public static void main(String[] args) throws BuildException, IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: RootImageBuilder ASM_DIR IMAGE_DIR OUTPUT");
        }
        byte[] archive = archive(build(Path.of(args[0]), Path.of(args[1]), System.err));
        Path output = Path.of(args[2]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.write(output, archive);
    }

    /**
     * The image's entries in archive order: directories first, then programs and files sorted by
     * path. Diagnostics go to {@code diagnostics}; if any program has errors, every program is
     * still assembled (so every error is reported) and then a BuildException says how many.
     */
    public static List<CpioEntry> build(Path asmDir, Path imageDir, PrintStream diagnostics)
            throws BuildException, IOException {
        List<CpioEntry> entries = new ArrayList<>();
        for (Directory d : DIRECTORIES) {
            entries.add(new CpioEntry(d.path(), CpioEntry.S_IFDIR | d.mode(), new byte[0]));
        }
        Path lib = asmDir.resolve("lib");
        List<String> failures = new ArrayList<>();
        for (String dir : List.of("bin", "sbin")) {
            for (Path source : sources(asmDir.resolve(dir))) {
                String name = source.getFileName().toString();
                String path = "/" + dir + "/" + name.substring(0, name.length() - 2);
                byte[] program = assemble(source, lib, diagnostics);
                if (program == null) {
                    failures.add(source.toString());
                } else {
                    entries.add(new CpioEntry(path, CpioEntry.S_IFREG | 0755, program));
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new BuildException("the root image was not built: " + String.join(", ", failures)
                    + (failures.size() == 1 ? " does" : " do") + " not assemble");
        }
        entries.addAll(imageFiles(imageDir));
        return entries;
    }

    /** The archive of {@code entries}, in their order. */
    public static byte[] archive(List<CpioEntry> entries) {
        return writer(entries).toBytes();
    }

    private static Cpio.Writer writer(List<CpioEntry> entries) {
        Cpio.Writer writer = new Cpio.Writer();
        for (CpioEntry e : entries) {
            writer.add(e.path(), e.mode(), e.data());
        }
        return writer;
    }

    /** {@code dir}'s {@code .s} files, sorted by name; none if there is no such directory. */
    private static List<Path> sources(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".s") && Files.isRegularFile(f))
                    .sorted().toList();
        }
    }

    /** The ELF executable of one program, or null after printing its errors. Warnings are printed too. */
    static byte[] assemble(Path source, Path lib, PrintStream diagnostics) {
        Diagnostics found = new Diagnostics();
        Executable exe = Assembler.assembleFile(source, List.of(source.toAbsolutePath().getParent(), lib), found);
        diagnostics.print(found.render());
        diagnostics.flush();
        if (exe == null || found.hasErrors()) {
            return null;
        }
        return ElfWriter.write(exe);
    }

    /** Every regular file and directory under {@code imageDir}, at the same path in the image, sorted. */
    private static List<CpioEntry> imageFiles(Path imageDir) throws IOException {
        if (!Files.isDirectory(imageDir)) {
            return List.of();
        }
        List<CpioEntry> entries = new ArrayList<>();
        try (Stream<Path> all = Files.walk(imageDir)) {
            for (Path p : all.sorted().toList()) {
                if (p.equals(imageDir)) {
                    continue;
                }
                String path = "/" + imageDir.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) {
                    if (DIRECTORIES.stream().anyMatch(d -> d.path().equals(path))) {
                        continue;
                    }
                    entries.add(new CpioEntry(path, CpioEntry.S_IFDIR | 0755, new byte[0]));
                } else if (Files.isRegularFile(p)) {
                    int mode = Files.isExecutable(p) ? 0755 : 0644;
                    entries.add(new CpioEntry(path, CpioEntry.S_IFREG | mode, read(p)));
                }
            }
        }
        return entries;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
