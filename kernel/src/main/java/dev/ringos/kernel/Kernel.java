package dev.ringos.kernel;

import dev.ringos.asm.Assembler;
import dev.ringos.asm.Diagnostics;
import dev.ringos.asm.Preprocessor;
import dev.ringos.asm.SourceLine;
import dev.ringos.asm.elf.ElfWriter;
import dev.ringos.asm.elf.Executable;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.Microkernel;
import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.pm.ProcView;
import dev.ringos.kernel.servers.pm.ProcessJobControl;
import dev.ringos.kernel.servers.pm.ProcessManager;
import dev.ringos.kernel.servers.vfs.CpioEntry;
import dev.ringos.kernel.servers.vfs.FileServer;
import dev.ringos.kernel.servers.vfs.FileSystem;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.HostConsole;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.dev.DevFs;
import dev.ringos.kernel.servers.vfs.dev.HostStreamFile;
import dev.ringos.kernel.servers.vfs.dev.MemoryDevices;
import dev.ringos.kernel.servers.vfs.hostfs.HostExports;
import dev.ringos.kernel.servers.vfs.hostfs.HostFs;
import dev.ringos.kernel.servers.vfs.pipe.Fifos;
import dev.ringos.kernel.servers.vfs.procfs.ProcFs;
import dev.ringos.kernel.servers.vfs.ramfs.RamFs;
import dev.ringos.kernel.servers.vfs.tty.TerminalConsole;
import dev.ringos.kernel.servers.vfs.tty.Terminals;
import dev.ringos.kernel.syscall.FileSyscalls;
import dev.ringos.kernel.syscall.IpcSyscalls;
import dev.ringos.kernel.syscall.PipeSyscalls;
import dev.ringos.kernel.syscall.Strace;
import dev.ringos.kernel.syscall.StraceOutput;
import dev.ringos.kernel.syscall.SyscallDispatcher;
import dev.ringos.kernel.syscall.SyscallTable;
import dev.ringos.kernel.syscall.TraceSyscalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A booted ringos: the core on its machine, the servers, and the syscall layer between them.
 * The host makes one, {@link #start}s init, and calls {@link #run} until it says the machine
 * has shut down.
 */
public final class Kernel {
    public static final String INIT = "/sbin/init";

    private final Microkernel core;
    private final FileServer files;
    private final ProcessManager pm;
    private final SyscallTable table;
    private final Strace strace;
    /** The host's --strace output: the lines of init's children, traced from the start. */
    private final StraceOutput hostTrace;
    /** The /dev mounted at boot. */
    private final FileSystem dev;
    private final HostExports exports = new HostExports();

    /**
     * A kernel whose init has the host's standard streams as fds 0, 1 and 2 (the host's stdin is
     * not a terminal): no terminal, so /dev/console and /dev/tty answer ENXIO.
     *
     * @param root     the root image's files
     * @param console  the host end of fds 0, 1, 2
     * @param strace   where strace lines go
     */
    public Kernel(KernelConfig config, List<CpioEntry> root, HostConsole console, Consumer<String> strace) {
        this(config, root, strace);
        files.setConsole(p -> HostStreamFile.open(console, core.calls().hostInput()));
    }

    /**
     * A kernel with a terminal: the console tty, whose far end is {@code terminal}, is
     * /dev/console, init's fds 0, 1 and 2, and the controlling terminal of init's session.
     */
    public Kernel(KernelConfig config, List<CpioEntry> root, TerminalConsole terminal, Consumer<String> strace) {
        this(config, root, strace);
        Inode consoleNode;
        try {
            consoleNode = dev.root().lookup("console");
        } catch (FsException e) {
            throw new IllegalStateException("devtmpfs has no console: " + e.errno().name());
        }
        Terminals terminals = Terminals.install(files, terminal, consoleNode, core::hostInputArrived);
        files.setConsole(terminals::openForInit);
    }

    private Kernel(KernelConfig config, List<CpioEntry> root, Consumer<String> strace) {
        core = new Microkernel(config);
        files = new FileServer(core.calls(), RamFs.unpack(root));
        pm = new ProcessManager(core.calls(), files);
        files.setJobControl(new ProcessJobControl(pm));
        files.setFifos(new Fifos(files));
        MemoryDevices.register(files.devices());
        files.types().register("ramfs", (source, data) -> RamFs.create());
        files.types().register("devtmpfs", (source, data) -> DevFs.create());
        ProcView processView = new ProcView(pm);
        files.types().register("proc", (source, data) -> new ProcFs(files, processView));
        dev = DevFs.create();
        files.types().register("hostfs", exports::mount);
        try {
            files.mountAtBoot("/dev", dev, false);
            files.mountAtBoot("/proc", new ProcFs(files, processView), false);
        } catch (FsException e) {
            throw new IllegalArgumentException("the root image has no room for /dev and /proc: " + e.errno().name());
        }
        table = new SyscallTable(core.calls(), pm);
        FileSyscalls.register(table, files);
        PipeSyscalls.register(table, files);
        IpcSyscalls.register(table, core.calls());
        this.strace = new Strace(core.calls());
        this.hostTrace = new StraceOutput(strace);
        TraceSyscalls.register(table, core.calls(), files);
        core.attach(new SyscallDispatcher(table, this.strace), pm);
    }

    /**
     * Starts {@link #INIT} as PID 1 with {@code argv} and {@code envp}; with {@code trace} the
     * syscalls of every process init starts (and their descendants) are traced, as strace -f
     * traces a command. Returns 0 or a negative errno.
     */
    public int start(List<String> argv, List<String> envp, boolean trace) {
        if (trace) {
            pm.traceChildrenOfInit(hostTrace);
        }
        return pm.startInit(INIT, argv, envp);
    }

    /**
     * Boots the system: starts {@link #INIT} as PID 1 with {@code args} after its name (the
     * userland's init hands them to the shell: {@code "-c", LINE} runs one command line) and the
     * environment {@link #initEnvironment} makes of {@code host}; with {@code trace}, as in
     * {@link #start}. Returns 0 or a negative errno.
     */
    public int boot(List<String> args, Map<String, String> host, boolean trace) {
        List<String> argv = new ArrayList<>();
        argv.add(INIT);
        argv.addAll(args);
        return start(argv, initEnvironment(host), trace);
    }

    /**
     * The environment init starts with, as Linux gives it one: {@code HOME=/}, and {@code TERM}
     * when the host says what its terminal is (a value of printable ASCII without blanks). Nothing
     * else of the host's environment reaches the guest, so runs stay the same from host to host.
     */
    public static List<String> initEnvironment(Map<String, String> host) {
        List<String> env = new ArrayList<>();
        env.add("HOME=/");
        String term = host.get("TERM");
        if (term != null && !term.isEmpty() && term.length() <= 64 && term.chars().allMatch(c -> c > ' ' && c < 0x7F)) {
            env.add("TERM=" + term);
        }
        return env;
    }

    /**
     * Mounts the host directory {@code host} at the absolute guest path {@code guest} (made if
     * its parent exists), read-only with {@code readOnly}, and exports it: from then on a guest
     * may also mount it with mount(2) type "hostfs", naming it by its real host path. Call before
     * the guest runs. A bad directory or guest path is an IllegalArgumentException whose message
     * is fit for the command line.
     */
    public void mountHost(Path host, String guest, boolean readOnly) {
        if (!guest.startsWith("/") || guest.replace("/", "").isEmpty()
                || List.of(guest.split("/")).stream().anyMatch(c -> c.equals(".") || c.equals(".."))) {
            throw new IllegalArgumentException("the guest path must be absolute, not /, and without . or ..: " + guest);
        }
        HostFs fs;
        try {
            fs = HostFs.open(host, readOnly);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot mount " + host + ": no such directory");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot mount " + host + ": " + e.getMessage());
        }
        try {
            files.mountAtBoot(guest, fs, readOnly);
        } catch (FsException e) {
            throw new IllegalArgumentException("cannot mount " + host + " on " + guest + ": " + switch (e.errno()) {
                case ENOENT -> "its parent directory is not in the guest";
                case ENOTDIR -> "it is not a directory in the guest";
                default -> e.errno().name();
            });
        }
        exports.add(fs);
    }

    public RunResult run(long cycles) {
        return core.run(cycles);
    }

    public Microkernel core() {
        return core;
    }

    public ProcessManager processes() {
        return pm;
    }

    public FileServer files() {
        return files;
    }

    public SyscallTable syscalls() {
        return table;
    }

    /**
     * A root image for running one program: {@link #INIT} (which runs argv[1] and exits with its
     * status) and the program at {@code path}.
     */
    public static List<CpioEntry> runImage(String path, byte[] program) {
        List<CpioEntry> entries = new ArrayList<>();
        entries.add(new CpioEntry(INIT, CpioEntry.S_IFREG | 0755, runInit()));
        entries.add(new CpioEntry(path, CpioEntry.S_IFREG | 0755, program));
        return entries;
    }

    private static byte[] runInitImage;

    /** The run-mode init, assembled from its source once. */
    static synchronized byte[] runInit() {
        if (runInitImage == null) {
            String source;
            try (InputStream in = Kernel.class.getResourceAsStream("runinit.s")) {
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Diagnostics diagnostics = new Diagnostics();
            List<SourceLine> lines = new ArrayList<>();
            String[] text = source.split("\n", -1);
            for (int i = 0; i < text.length; i++) {
                lines.add(new SourceLine(text[i], "runinit.s", i + 1));
            }
            lines = Preprocessor.preprocess(lines, Path.of("runinit.s"), List.of(), diagnostics);
            Executable exe = lines == null ? null : Assembler.assemble(lines, diagnostics);
            if (exe == null || diagnostics.hasErrors()) {
                throw new IllegalStateException("runinit.s does not assemble:\n" + diagnostics.render());
            }
            runInitImage = ElfWriter.write(exe);
        }
        return runInitImage;
    }
}
