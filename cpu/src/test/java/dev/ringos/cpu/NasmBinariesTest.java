package dev.ringos.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NASM as the oracle for the machine: the examples assembled by NASM (recorded in
 * {@code oracle/nasm/}) run on a bare ringos CPU — ring 0, paging off — and print what
 * {@code examples/*.expected} says, ending in hlt with the documented status in al.
 */
class NasmBinariesTest {
    private static final int ORIGIN = 0x40_1000;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"hello, 0", "fibonacci, 0", "sieve, 25", "bubble-sort, 0"})
    void nasmsMachineCodeForTheExampleRunsOnRingos(String example, int status) throws IOException {
        PhysicalMemory memory = new PhysicalMemory(16 << 20);
        memory.load(ORIGIN, nasmBinary(example));
        Cpu cpu = new Cpu(memory);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        cpu.console().setSink(console::write);
        cpu.setEip(ORIGIN);
        cpu.setReg(Registers.ESP, 0xF0_0000);

        Exit exit = cpu.run(1_000_000);

        assertThat(exit).isEqualTo(Exit.HALTED);
        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(Path.of("../examples", example + ".expected")));
        assertThat(cpu.reg(Registers.EAX) & 0xFF).isEqualTo(status);
    }

    private static byte[] nasmBinary(String example) throws IOException {
        try (InputStream in = NasmBinariesTest.class.getResourceAsStream("/oracle/nasm/" + example + ".bin")) {
            assertThat(in).as("recorded NASM output for " + example).isNotNull();
            return in.readAllBytes();
        }
    }
}
