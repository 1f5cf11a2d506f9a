package dev.ringos.asm.elf;

import static dev.ringos.asm.elf.ElfFiles.*;
import static dev.ringos.asm.elf.Executable.R;
import static dev.ringos.asm.elf.Executable.W;
import static dev.ringos.asm.elf.Executable.X;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringos.asm.elf.Executable.Segment;
import dev.ringos.asm.elf.Executable.Symbol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout of the files the writer makes, read field by field (docs/elf.md). */
class ElfWriterTest {

    private static final byte[] SAMPLE = ElfWriter.write(SampleExecutables.sample());

    @Test
    void theHeaderSaysElf32LittleEndianSysvExecutableForRingos() {
        assertThat(SAMPLE).startsWith(0x7f, 'E', 'L', 'F', 1, 1, 1, 0);
        assertThat(u16(SAMPLE, E_TYPE)).isEqualTo(2);
        assertThat(u16(SAMPLE, E_MACHINE)).isEqualTo(0x4952);
        assertThat(new String(SAMPLE, E_MACHINE, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RI");
        assertThat(u32(SAMPLE, E_ENTRY)).isEqualTo(SampleExecutables.TEXT);
    }

    @Test
    void theHeadersFillOnlyTheFirstPageAndEachSegmentStartsOnANewPageOfTheFile() {
        assertThat(u32(SAMPLE, E_PHOFF)).isEqualTo(52);
        assertThat(u16(SAMPLE, E_PHNUM)).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            assertThat(u32(SAMPLE, programHeader(i, P_TYPE))).as("PT_LOAD").isEqualTo(1);
            assertThat(u32(SAMPLE, programHeader(i, P_OFFSET))).isEqualTo(0x1000 * (i + 1));
            assertThat(u32(SAMPLE, programHeader(i, P_ALIGN))).isEqualTo(0x1000);
        }
    }

    @Test
    void aSegmentAtAnAddressInsideAPageIsPlacedAtTheSameOffsetInsideAPageOfTheFile() {
        byte[] file = ElfWriter.write(new Executable(0x08049010,
                List.of(new Segment(".text", 0x08049010, R | X, new byte[] {(byte) 0xf4}, 1),
                        new Segment(".data", 0x0804a7f0, R | W, new byte[] {1, 2}, 2)),
                List.of()));

        assertThat(u32(file, programHeader(0, P_OFFSET))).isEqualTo(0x1010);
        assertThat(u32(file, programHeader(1, P_OFFSET))).isEqualTo(0x27f0);
    }

    @Test
    void segmentFlagsBecomeProgramHeaderFlagsAndSectionFlags() {
        assertThat(u32(SAMPLE, programHeader(0, P_FLAGS))).isEqualTo(R | X);
        assertThat(u32(SAMPLE, programHeader(1, P_FLAGS))).isEqualTo(R);
        assertThat(u32(SAMPLE, programHeader(2, P_FLAGS))).isEqualTo(R | W);
        int alloc = 2, write = 1, execinstr = 4;
        assertThat(u32(SAMPLE, sectionHeader(SAMPLE, 1, SH_FLAGS))).isEqualTo(alloc | execinstr);
        assertThat(u32(SAMPLE, sectionHeader(SAMPLE, 2, SH_FLAGS))).isEqualTo(alloc);
        assertThat(u32(SAMPLE, sectionHeader(SAMPLE, 3, SH_FLAGS))).isEqualTo(alloc | write);
        assertThat(u32(SAMPLE, sectionHeader(SAMPLE, 4, SH_FLAGS))).isEqualTo(alloc | write);
    }

    @Test
    void theBssTakesMemoryButNoBytesOfTheFile() {
        assertThat(u32(SAMPLE, programHeader(3, P_FILESZ))).isZero();
        assertThat(u32(SAMPLE, programHeader(3, P_MEMSZ))).isEqualTo(0x100);
        int nobits = 8, progbits = 1;
        assertThat(u32(SAMPLE, sectionHeader(SAMPLE, 4, SH_TYPE))).isEqualTo(nobits);
        assertThat(u32(SAMPLE, sectionHeader(SAMPLE, 3, SH_TYPE))).isEqualTo(progbits);
    }

    @Test
    void theSymbolTableLinksToTheStringsAndSaysWhereTheGlobalsStart() {
        int symtab = 5, strtab = 6;
        assertThat(u32(SAMPLE, sectionHeader(SAMPLE, symtab, SH_TYPE))).isEqualTo(2);
        assertThat(u32(SAMPLE, sectionHeader(SAMPLE, symtab, SH_LINK))).isEqualTo(strtab);
        assertThat(u32(SAMPLE, sectionHeader(SAMPLE, symtab, SH_INFO))).as("null symbol + 5 locals").isEqualTo(6);
        assertThat(u32(SAMPLE, sectionHeader(SAMPLE, symtab, SH_ENTSIZE))).isEqualTo(16);
        assertThat(u16(SAMPLE, E_SHSTRNDX)).isEqualTo(7);
    }

    @Test
    void localSymbolsAreWrittenBeforeGlobalOnesEachInTheirOrder() throws ElfFormatException {
        List<Symbol> mixed = List.of(new Symbol("_start", 0x08049000, 0, ".text", true),
                new Symbol("a", 0x08049001, 0, ".text", false),
                new Symbol("main", 0x08049002, 0, ".text", true),
                new Symbol("b", 0x08049003, 0, ".text", false));
        Executable executable = new Executable(0x08049000,
                List.of(new Segment(".text", 0x08049000, R | X, new byte[4], 4)), mixed);

        assertThat(ElfReader.read(ElfWriter.write(executable)).symbols()).extracting(Symbol::name)
                .containsExactly("a", "b", "_start", "main");
    }

    @Test
    void theSameExecutableAlwaysGivesTheSameBytes() {
        assertThat(ElfWriter.write(SampleExecutables.sample())).isEqualTo(SAMPLE);
    }

    @Test
    void aSymbolInAnEmptySectionThatIsNotASegmentIsWrittenAsAbsolute() throws ElfFormatException {
        Executable executable = new Executable(0x08049000,
                List.of(new Segment(".text", 0x08049000, R | X, new byte[1], 1)),
                List.of(new Symbol("data_end", 0x0804a000, 0, ".data", false)));

        assertThat(ElfReader.read(ElfWriter.write(executable)).symbols())
                .containsExactly(new Symbol("data_end", 0x0804a000, 0, null, false));
    }

    @Test
    void aNameContainingNulIsAProgrammingError() {
        Executable executable = new Executable(0x08049000,
                List.of(new Segment(".text", 0x08049000, R | X, new byte[1], 1)),
                List.of(new Symbol("a\0b", 0, 0, null, false)));

        assertThatThrownBy(() -> ElfWriter.write(executable)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a name in an ELF string table cannot contain NUL: a\\0b");
    }
}
