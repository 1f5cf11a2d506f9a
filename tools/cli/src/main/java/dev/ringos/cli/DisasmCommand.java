package dev.ringos.cli;

import dev.ringos.asm.Disassembler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "disasm", mixinStandardHelpOptions = true,
        description = "Disassemble an ELF32 executable (or, with --raw, plain bytes) like objdump -d.",
        footer = {"", "Examples:", "  ringos disasm hello", "  ringos disasm --raw --origin 0x401000 code.bin"})
final class DisasmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "An executable, or a .s file (assembled first).")
    Path file;

    @Option(names = "--raw", description = "Treat FILE as raw machine code, not ELF.")
    boolean raw;

    @Option(names = "--origin", paramLabel = "ADDRESS", defaultValue = "0",
            description = "With --raw: the address of the first byte (default: ${DEFAULT-VALUE}).",
            converter = Numbers.class)
    int origin;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        try {
            out.print(raw ? Disassembler.disassemble(Files.readAllBytes(file), origin, Map.of())
                    : Disassembler.disassemble(Programs.load(file, List.of(), err)));
            out.flush();
            return 0;
        } catch (Programs.ProgramException e) {
            err.println("ringos disasm: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("ringos disasm: " + Programs.unreadable(file, e));
            return 1;
        }
    }
}
