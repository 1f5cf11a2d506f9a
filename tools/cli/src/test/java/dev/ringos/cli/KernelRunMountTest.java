package dev.ringos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringos.asm.elf.Executable;
import dev.ringos.kernel.core.KernelConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** `ringos run --mount HOST:GUEST[:ro]`: a host directory in the guest, and what a bad value gets. */
class KernelRunMountTest {
    /** Copies /data/in.txt to /data/out.txt and prints it; exits with the errno of opening out.txt, if any. */
    private static final String COPY = """
            section .text
            global _start
            _start:
                    mov eax, 5              ; open("/data/in.txt", O_RDONLY)
                    mov ebx, in_name
                    xor ecx, ecx
                    int 0x80
                    mov ebx, eax
                    mov eax, 3              ; read(fd, buf, 64)
                    mov ecx, buf
                    mov edx, 64
                    int 0x80
                    mov edi, eax
                    mov eax, 4              ; write(1, buf, n)
                    mov ebx, 1
                    mov ecx, buf
                    mov edx, edi
                    int 0x80
                    mov eax, 5              ; open("/data/out.txt", O_WRONLY|O_CREAT|O_TRUNC, 0644)
                    mov ebx, out_name
                    mov ecx, 1101o
                    mov edx, 644o
                    int 0x80
                    test eax, eax
                    js .failed
                    mov ebx, eax
                    mov eax, 4              ; write(fd, buf, n)
                    mov ecx, buf
                    mov edx, edi
                    int 0x80
                    mov eax, 6              ; close(fd)
                    int 0x80
                    xor ebx, ebx
                    jmp .exit
            .failed:
                    neg eax
                    mov ebx, eax
            .exit:
                    mov eax, 1
                    int 0x80
            section .data
            in_name: db "/data/in.txt", 0
            out_name: db "/data/out.txt", 0
            section .bss
            buf: resb 64
            """;

    @TempDir
    Path tmp;
    private Path data;
    private Path program;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeTheProgramAndTheData() throws IOException {
        data = Files.createDirectory(tmp.resolve("data"));
        Files.writeString(data.resolve("in.txt"), "from the host\n");
        program = Files.writeString(tmp.resolve("copy.s"), COPY);
    }

    private int run(HostMount... mounts) throws Exception {
        PrintWriter errWriter = new PrintWriter(err, true);
        Executable exe = Programs.load(program, List.of(), errWriter);
        StdioConsole console = new StdioConsole(new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream());
        return KernelRun.run(exe, "copy", List.of(), List.of(mounts), KernelConfig.defaults(), false, Long.MAX_VALUE,
                console, errWriter);
    }

    @Test
    void theProgramReadsAndWritesTheMountedHostDirectory() throws Exception {
        assertThat(run(HostMount.parse(data + ":/data"))).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("from the host\n");
        assertThat(Files.readString(data.resolve("out.txt"))).isEqualTo("from the host\n");
    }

    @Test
    void aReadOnlyMountIsReadButNotWritten() throws Exception {
        assertThat(run(HostMount.parse(data + ":/data:ro"))).isEqualTo(30); // EROFS

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("from the host\n");
        assertThat(data.resolve("out.txt")).doesNotExist();
    }

    @Test
    void theValueSplitsAtTheLastColonBeforeTheGuestPath() {
        assertThat(HostMount.parse("a:b:/c/d:ro")).isEqualTo(new HostMount(Path.of("a:b"), "/c/d", true));
        assertThat(HostMount.parse("dir:/g:rw")).isEqualTo(new HostMount(Path.of("dir"), "/g", false));
        assertThat(HostMount.parse("dir:/g")).isEqualTo(new HostMount(Path.of("dir"), "/g", false));
        for (String bad : new String[] {"dir", "/g", ":/g", "dir:g", "dir:/", "dir://:ro", "dir:"}) {
            assertThatThrownBy(() -> HostMount.parse(bad)).as(bad).isInstanceOf(TypeConversionException.class);
        }
    }

    private record Cli(int status, String out, String err) {
    }

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.newCommandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int status = cmd.execute(args);
        return new Cli(status, out.toString(), err.toString());
    }

    @Test
    void aMalformedValueIsAOneLineUsageError() {
        Cli r = cli("run", "--mount", "nonsense", program.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().split("\\R")).hasSize(2);
        assertThat(r.err().lines().findFirst().orElseThrow())
                .startsWith("ringos run: ").contains("--mount", "nonsense", "HOST:GUEST[:ro]");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aDirectoryThatIsNotThereIsOneLineAndExitOne() {
        Cli r = cli("run", "--mount", tmp.resolve("missing") + ":/data", program.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("ringos run: cannot mount " + tmp.resolve("missing") + ": no such directory"
                + System.lineSeparator());
    }

    @Test
    void aGuestPathWhoseParentIsNotInTheGuestIsOneLineAndExitOne() {
        Cli r = cli("run", "--mount", data + ":/no/such/dir", program.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().split("\\R")).hasSize(1);
        assertThat(r.err()).contains("its parent directory is not in the guest");
    }

    @Test
    void theBareMachineHasNoFilesToMountOn() {
        Cli r = cli("run", "--bare", "--mount", data + ":/data", program.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--mount");
    }
}
