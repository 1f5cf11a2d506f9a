package dev.ringos.cli;

import dev.ringos.asm.Disassembler;
import dev.ringos.asm.elf.Executable;
import dev.ringos.cpu.Decoder;
import dev.ringos.cpu.Insn;
import dev.ringos.cpu.PhysicalMemory;
import dev.ringos.cpu.Registers;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a program. With --bare: on the machine alone — ring 0, paging off, no kernel —"
                + " until hlt; console output goes to stdout and the exit status is al at hlt"
                + " (124: out of cycles, 125: the program trapped)."},
        footer = {"", "Examples:", "  ringos run --bare examples/hello.s",
            "  ringos run --bare --trace --max-cycles 200 examples/sieve.s"})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "An ELF32 executable, or a .s file (assembled first).")
    Path file;

    @Option(names = "--bare", description = "Run on the bare machine (for now the only way; the kernel comes next).")
    boolean bare;

    @Option(names = "--max-cycles", paramLabel = "N", defaultValue = "1000000000", converter = Numbers.Long64.class,
            description = "Stop after N virtual cycles (default: ${DEFAULT-VALUE}).")
    long maxCycles;

    @Option(names = "--mem", paramLabel = "SIZE", defaultValue = "64M", converter = Numbers.Long64.class,
            description = "Memory size, a multiple of 4K (default: ${DEFAULT-VALUE}).")
    long memory;

    @Option(names = "--trace", description = "Print every instruction executed, with the registers it changed, to stderr.")
    boolean trace;

    @Option(names = "-I", paramLabel = "DIR", description = "Include directory when FILE is a .s (repeatable).")
    List<Path> includeDirs = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!bare) {
            err.println("ringos run: the kernel is not there yet; run programs with --bare");
            return 2;
        }
        OutputStream stdout = new BufferedOutputStream(System.out);
        try {
            Executable program = Programs.load(file, includeDirs, err);
            BareRun machine = new BareRun(program, memory, b -> write(stdout, b));
            BareRun.Outcome outcome = machine.run(maxCycles, trace ? tracer(err) : null);
            stdout.flush();
            if (outcome.problem() != null) {
                err.println("ringos run: " + file + ": " + outcome.problem());
            }
            err.flush();
            return outcome.status();
        } catch (Programs.ProgramException | IllegalArgumentException e) {
            err.println("ringos run: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("ringos run: cannot write the output: " + e.getMessage());
            return 1;
        }
    }

    private static void write(OutputStream out, int b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per instruction: address, the instruction, then the registers and flags it changed. */
    private static BareRun.Tracer tracer(PrintWriter err) {
        Insn insn = new Insn();
        return (eip, before, eflagsBefore, cpu) -> {
            PhysicalMemory memory = cpu.memory();
            Decoder.decode(i -> memory.read8(eip + i), insn);
            StringBuilder line = new StringBuilder(String.format("%08x  %-32s", eip,
                    Disassembler.formatInstruction(insn, eip)));
            for (int r = 0; r < 8; r++) {
                if (cpu.reg(r) != before[r]) {
                    line.append(String.format(" %s=%08x", Registers.NAMES32.get(r), cpu.reg(r)));
                }
            }
            if (cpu.eflags() != eflagsBefore) {
                line.append(String.format(" eflags=%08x", cpu.eflags()));
            }
            err.println(line.toString().stripTrailing());
        };
    }
}
