package dev.ringos.cli;

import dev.ringos.asm.Disassembler;
import dev.ringos.asm.elf.Executable;
import dev.ringos.cpu.Decoder;
import dev.ringos.cpu.Insn;
import dev.ringos.cpu.PhysicalMemory;
import dev.ringos.cpu.Registers;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.KernelTrace;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Map;
import java.util.Stack;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Boot the kernel and run a program in ring 3 under it; print its output and exit with its"
                + " status (128+N if signal N killed it). FILE is an ELF32 executable or a .s or .asm file (assembled first);"
                + " ARGS go to the program.",
            "With --bare: run on the machine alone — ring 0, paging off, no kernel — until hlt; the exit status"
                + " is al at hlt (124: out of cycles, 125: the program trapped)."},
        footer = {"", "Examples:", "  ringos run examples/hello.s",
            "  ringos run --strace examples/hello.s",
            "  ringos run --trace=sched,mm examples/sieve.s",
            "  ringos run --mount ./data:/data --mount /usr/share/dict:/dict:ro prog.s",
            "  ringos run --bare --trace --max-cycles 200 examples/sieve.s"})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "An ELF32 executable, or a .s file (assembled first).")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the program.")
    List<String> args = new ArrayList<>();

    @Option(names = "--bare", description = "Run on the bare machine: ring 0, paging off, no kernel.")
    boolean bare;

    @Option(names = "--strace", description = "Trace the program's syscalls (and its children's) to stderr, as strace -f.")
    boolean strace;

    @Option(names = "--trace", arity = "0..1", paramLabel = "LIST", preprocessor = AttachedValueOnly.class,
            description = {"Print kernel events to stderr: a comma list of sched, mm, trap (or all, the default).",
                "With --bare: print every instruction executed, with the registers it changed."})
    String trace;

    /**
     * {@code --trace} takes its list only attached ({@code --trace=sched,mm}): a bare {@code --trace}
     * means all and leaves the next word alone, so {@code run --trace prog.s} runs prog.s.
     */
    static final class AttachedValueOnly implements IParameterPreprocessor {
        @Override
        public boolean preprocess(Stack<String> args, CommandSpec command, ArgSpec option, Map<String, Object> info) {
            if (" ".equals(info.get("separator"))) {
                args.push("all");
            }
            return false;
        }
    }

    @Option(names = "--quantum", paramLabel = "CYCLES", converter = Numbers.Long64.class,
            description = "Round-robin time slice in virtual cycles (default: 1000000, 10 ms at 100 MHz).")
    Long quantum;

    @Option(names = "--max-cycles", paramLabel = "N", converter = Numbers.Long64.class,
            description = "Stop after N virtual cycles, exit 124 (default: no limit; 1000000000 with --bare).")
    Long maxCycles;

    @Option(names = "--mem", paramLabel = "SIZE", defaultValue = "64M", converter = Numbers.Long64.class,
            description = "Memory size, a multiple of 4K (default: ${DEFAULT-VALUE}).")
    long memory;

    @Option(names = "-I", paramLabel = "DIR", description = "Include directory when FILE is a .s (repeatable).")
    List<Path> includeDirs = new ArrayList<>();

    @Option(names = "--mount", paramLabel = HostMount.FORM, converter = HostMount.Converter.class,
            description = "Mount the host directory HOST at GUEST in the guest, read-only with :ro (repeatable)."
                    + " The guest cannot reach anything outside HOST (docs/hostfs.md).")
    List<HostMount> mounts = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        OutputStream stdout = new BufferedOutputStream(System.out);
        try {
            Executable program = Programs.load(file, includeDirs, err);
            return bare ? runBare(program, stdout, err) : runUnderKernel(program, stdout, err);
        } catch (Programs.ProgramException | IllegalArgumentException e) {
            err.println("ringos run: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("ringos run: cannot write the output: " + e.getMessage());
            return 1;
        }
    }

    private int runUnderKernel(Executable program, OutputStream stdout, PrintWriter err) throws IOException {
        KernelConfig config = KernelConfig.defaults().withMemory(memory);
        if (quantum != null) {
            config = config.withQuantum(quantum);
        }
        if (trace != null) {
            config = config.withTrace(new KernelTrace(KernelTrace.parse(trace), line -> {
                err.println(line);
                err.flush();
            }));
        }
        String name = Programs.baseName(file);
        StdioConsole console = new StdioConsole(System.in, stdout, new BufferedOutputStream(System.err));
        return KernelRun.run(program, name, args, mounts, config, strace,
                maxCycles == null ? Long.MAX_VALUE : maxCycles, console, err);
    }

    private int runBare(Executable program, OutputStream stdout, PrintWriter err) throws IOException {
        if (strace || quantum != null || trace != null && !trace.equals("all") || !args.isEmpty() || !mounts.isEmpty()) {
            err.println("ringos run: --bare takes no ARGS, --strace, --quantum, --trace=LIST or --mount (no kernel to ask)");
            return 2;
        }
        BareRun machine = new BareRun(program, memory, b -> write(stdout, b));
        BareRun.Outcome outcome = machine.run(maxCycles == null ? 1_000_000_000L : maxCycles,
                trace != null ? tracer(err) : null);
        stdout.flush();
        if (outcome.problem() != null) {
            err.println("ringos run: " + file + ": " + outcome.problem());
        }
        err.flush();
        return outcome.status();
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
