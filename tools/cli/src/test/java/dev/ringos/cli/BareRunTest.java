package dev.ringos.cli;

import static dev.ringos.cpu.isa.Operand.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringos.asm.elf.Executable;
import dev.ringos.cpu.Console;
import dev.ringos.cpu.isa.CodeBuilder;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class BareRunTest {
    private static final int TEXT = 0x0040_1000;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private BareRun machine(CodeBuilder code) {
        Executable program = new Executable(TEXT,
                List.of(new Executable.Segment(".text", TEXT, Executable.R | Executable.X, code.assemble(), 4096)),
                List.of());
        return new BareRun(program, 16 << 20, console::write);
    }

    @Test
    void aProgramWritesToTheConsolePortAndItsExitStatusIsAlAtHlt() {
        CodeBuilder b = new CodeBuilder(TEXT);
        b.emit("mov", DX, imm(Console.DATA));
        for (char ch : "hi\n".toCharArray()) {
            b.emit("mov", AL, imm(ch));
            b.emit("out", DX, AL);
        }
        b.emit("mov", EAX, imm(0x1_0007));
        b.emit("hlt");

        BareRun.Outcome outcome = machine(b).run(1_000, null);

        assertThat(console.toString()).isEqualTo("hi\n");
        assertThat(outcome).isEqualTo(new BareRun.Outcome(7, null));
    }

    @Test
    void runningOutOfCyclesIsItsOwnExitStatusWithAMessage() {
        CodeBuilder b = new CodeBuilder(TEXT);
        b.label("forever");
        b.emit("jmp", label("forever"));

        BareRun.Outcome outcome = machine(b).run(500, null);

        assertThat(outcome.status()).isEqualTo(BareRun.OUT_OF_CYCLES);
        assertThat(outcome.problem()).startsWith("still running after 500 cycles at eip 0x401000");
    }

    @Test
    void aTrapStopsTheMachineWithWhatAndWhere() {
        CodeBuilder b = new CodeBuilder(TEXT);
        b.emit("nop");
        b.emit("ud2");

        BareRun.Outcome outcome = machine(b).run(1_000, null);

        assertThat(outcome).isEqualTo(new BareRun.Outcome(BareRun.TRAPPED, "#UD at eip 0x401001"));
    }

    @Test
    void aGeneralProtectionFaultReportsItsErrorCode() {
        CodeBuilder b = new CodeBuilder(TEXT);
        b.emit("mov", EAX, imm(0x8000_0011));
        b.emit("mov", cr(0), EAX);   // bit 4 (x86's ET) does not exist on ringos

        BareRun.Outcome outcome = machine(b).run(1_000, null);

        assertThat(outcome).isEqualTo(new BareRun.Outcome(BareRun.TRAPPED, "#GP(0x0) at eip 0x401005"));
    }

    @Test
    void turningPagingOnWithoutPageTablesEndsInATripleFaultNotAHostException() {
        CodeBuilder b = new CodeBuilder(TEXT);
        b.emit("mov", EAX, imm(0x8000_0001));
        b.emit("mov", cr(0), EAX);   // the next fetch faults, and so does every delivery after it

        BareRun.Outcome outcome = machine(b).run(1_000, null);

        assertThat(outcome.status()).isEqualTo(BareRun.TRAPPED);
        assertThat(outcome.problem()).startsWith("triple fault");
    }

    @Test
    void aSegmentBeyondMemoryIsRefusedWithAMessageNamingIt() {
        Executable program = new Executable(0x0800_0000,
                List.of(new Executable.Segment(".text", 0x0800_0000, Executable.R | Executable.X, new byte[] {(byte) 0xF4},
                        4096)), List.of());

        assertThatThrownBy(() -> new BareRun(program, 16 << 20, b -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("segment .text (0x8000000–0x8001000) does not fit below 0xfff000 in 16 MiB of memory; use --mem");
    }
}
