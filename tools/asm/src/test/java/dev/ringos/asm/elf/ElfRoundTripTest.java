package dev.ringos.asm.elf;

import static dev.ringos.asm.elf.Executable.R;
import static dev.ringos.asm.elf.Executable.W;
import static dev.ringos.asm.elf.Executable.X;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.elf.Executable.Segment;
import dev.ringos.asm.elf.Executable.Symbol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the writer writes, the reader reads back unchanged (symbols: locals first, as ELF keeps them). */
class ElfRoundTripTest {

    @Test
    void theSampleReadsBackAsItWasWritten() throws ElfFormatException {
        Executable sample = SampleExecutables.sample();

        assertThat(ElfReader.read(ElfWriter.write(sample))).isEqualTo(sample);
    }

    @Test
    void aProgramWithOnlyTextAndNoSymbolsReadsBackAsItWasWritten() throws ElfFormatException {
        Executable tiny = new Executable(0x08049000,
                List.of(new Segment(".text", 0x08049000, R | X, new byte[] {(byte) 0xf4}, 1)), List.of());

        assertThat(ElfReader.read(ElfWriter.write(tiny))).isEqualTo(tiny);
    }

    @Test
    void aDataSegmentWithZeroFilledTailKeepsItsMemorySize() throws ElfFormatException {
        Executable executable = new Executable(0x08049000,
                List.of(new Segment(".text", 0x08049000, R | X, new byte[] {(byte) 0xf4}, 1),
                        new Segment(".data", 0x0804a000, R | W, new byte[] {7, 7}, 0x2000)),
                List.of(new Symbol("tail", 0x0804b000, 0, ".data", true)));

        assertThat(ElfReader.read(ElfWriter.write(executable))).isEqualTo(executable);
    }

    @Test
    void aStrippedFileNamesItsSegmentsAfterTheirFlags() throws ElfFormatException {
        byte[] stripped = ElfFiles.withU16(ElfWriter.write(SampleExecutables.sample()), ElfFiles.E_SHNUM, 0);

        Executable read = ElfReader.read(stripped);

        assertThat(read.segments()).extracting(Segment::name).containsExactly(".text", ".rodata", ".data", ".bss");
        assertThat(read.symbols()).isEmpty();
    }
}
