package dev.ringos.asm.elf;

import static dev.ringos.asm.elf.ElfFiles.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each reason the reader refuses a file, with the exact message a user will read. */
class ElfReaderRejectionTest {

    private static final byte[] SAMPLE = ElfWriter.write(SampleExecutables.sample());
    private static final int LENGTH = SAMPLE.length;

    private static void assertRejected(byte[] file, String reason) {
        assertThatThrownBy(() -> ElfReader.read(file))
                .isExactlyInstanceOf(ElfFormatException.class)
                .hasMessage(reason)
                .hasNoCause();
    }

    @Test
    void aShellScriptIsNotAnElfFile() {
        assertRejected("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.US_ASCII),
                "not an ELF file: it does not begin with the magic bytes 7f 45 4c 46 (\\x7fELF)");
    }

    @Test
    void anEmptyFileIsNotAnElfFile() {
        assertRejected(new byte[0], "not an ELF file: it does not begin with the magic bytes 7f 45 4c 46 (\\x7fELF)");
    }

    @Test
    void aSixtyFourBitFileIsRefusedForItsClass() {
        assertRejected(withU8(SAMPLE, 4, 2),
                "a 64-bit ELF file (ELFCLASS64), not a 32-bit one (ELFCLASS32) as ringos executables are");
    }

    @Test
    void anUnknownClassIsNamedByItsNumber() {
        assertRejected(withU8(SAMPLE, 4, 7),
                "an ELF file of unknown class 7 (EI_CLASS), not a 32-bit one (ELFCLASS32) as ringos executables are");
    }

    @Test
    void aBigEndianFileIsRefusedForItsByteOrder() {
        assertRejected(withU8(SAMPLE, 5, 2),
                "a big-endian ELF file (ELFDATA2MSB), not a little-endian one (ELFDATA2LSB) as ringos executables are");
    }

    @Test
    void aFileCutInsideItsHeaderIsTruncated() {
        assertRejected(truncated(SAMPLE, 40), "truncated ELF header: the file has 40 bytes, an ELF32 header needs 52");
    }

    @Test
    void anUnknownElfVersionIsRefused() {
        assertRejected(withU32(SAMPLE, E_VERSION, 2),
                "unsupported ELF version 1 (EI_VERSION), 2 (e_version): only version 1 (EV_CURRENT) exists");
    }

    @Test
    void aRelocatableObjectIsNotAnExecutable() {
        assertRejected(withU16(SAMPLE, E_TYPE, 1), "a relocatable object file (ET_REL), not an executable (ET_EXEC)");
    }

    @Test
    void aSharedObjectIsNotAnExecutable() {
        assertRejected(withU16(SAMPLE, E_TYPE, 3),
                "a shared object or position-independent executable (ET_DYN), not an executable (ET_EXEC)");
    }

    @Test
    void anX86ExecutableIsRecognisedAndRefused() {
        assertRejected(withU16(SAMPLE, E_MACHINE, 3), "an x86 (EM_386) executable, not a ringos one");
    }

    @Test
    void anX86_64ExecutableIsRecognisedAndRefused() {
        assertRejected(withU16(SAMPLE, E_MACHINE, 62), "an x86-64 (EM_X86_64) executable, not a ringos one");
    }

    @Test
    void anUnknownMachineIsNamedByItsNumber() {
        assertRejected(withU16(SAMPLE, E_MACHINE, 0x1234),
                "an executable for an unknown machine (e_machine 0x1234), not a ringos one (0x4952)");
    }

    @Test
    void aProgramHeaderTableOutsideTheFileIsRefused() {
        assertRejected(withU32(SAMPLE, E_PHOFF, LENGTH - 64), "program header table (offset 0x" + Integer.toHexString(
                LENGTH - 64) + ", 4 entries of 32 bytes) lies outside the file (" + LENGTH + " bytes)");
    }

    @Test
    void aSegmentWhoseBytesLieOutsideTheFileIsRefused() {
        assertRejected(withU32(SAMPLE, programHeader(0, P_OFFSET), 0x10000),
                "segment 0 (p_offset 0x10000, p_filesz 0x1d) lies outside the file (" + LENGTH + " bytes)");
    }

    @Test
    void aSegmentWithMoreBytesInTheFileThanInMemoryIsRefused() {
        assertRejected(withU32(SAMPLE, programHeader(2, P_FILESZ), 0x10),
                "segment 2: p_filesz 0x10 is larger than p_memsz 0x8");
    }

    @Test
    void aSegmentWhoseOffsetAndAddressDifferModuloThePageSizeIsMisaligned() {
        assertRejected(withU32(SAMPLE, programHeader(0, P_OFFSET), 0x1010),
                "segment 0 is misaligned: p_offset 0x1010 and p_vaddr 0x8049000 differ modulo 0x1000");
    }

    @Test
    void aSegmentWhoseAlignmentIsNotAPowerOfTwoIsMisaligned() {
        assertRejected(withU32(SAMPLE, programHeader(1, P_ALIGN), 3),
                "segment 1 is misaligned: p_align 0x3 is not a power of two");
    }

    @Test
    void aSegmentRunningPastTheEndOfTheAddressSpaceIsRefused() {
        assertRejected(withU32(withU32(SAMPLE, programHeader(3, P_VADDR), 0xfffff000), programHeader(3, P_MEMSZ),
                0x2000), "segment 3 (p_vaddr 0xfffff000, p_memsz 0x2000) runs past the end of the 32-bit address space");
    }

    @Test
    void overlappingSegmentsAreRefused() {
        assertRejected(withU32(SAMPLE, programHeader(1, P_VADDR), 0x08049000),
                "segments 0 and 1 overlap: 0x8049000-0x804901c and 0x8049000-0x8049005");
    }

    @Test
    void anEntryPointInADataSegmentIsRefused() {
        assertRejected(withU32(SAMPLE, E_ENTRY, 0x0804b000),
                "entry point 0x804b000 is not inside any executable segment");
    }

    @Test
    void anEntryPointOutsideEverySegmentIsRefused() {
        assertRejected(withU32(SAMPLE, E_ENTRY, 0x08048000),
                "entry point 0x8048000 is not inside any executable segment");
    }

    @Test
    void anEntryPointJustPastTheTextIsRefused() {
        assertRejected(withU32(SAMPLE, E_ENTRY, 0x0804901d),
                "entry point 0x804901d is not inside any executable segment");
    }

    @Test
    void aSectionHeaderTableOutsideTheFileIsRefused() {
        assertRejected(withU32(SAMPLE, E_SHOFF, LENGTH - 40), "section header table (offset 0x" + Integer.toHexString(
                LENGTH - 40) + ", 8 entries of 40 bytes) lies outside the file (" + LENGTH + " bytes)");
    }

    @Test
    void aSectionNamesIndexBeyondTheSectionsIsRefused() {
        assertRejected(withU16(SAMPLE, E_SHSTRNDX, 8), "e_shstrndx 8 is not a section (there are 8)");
    }

    @Test
    void aSymbolInANonexistentSectionIsRefused() {
        int symtab = u32(SAMPLE, sectionHeader(SAMPLE, 5, SH_OFFSET));
        assertRejected(withU16(SAMPLE, symtab + 16 + 14, 9), "symbol write: its section 9 does not exist (there are 8)");
    }

    @Test
    void aSymbolWhoseNameIsOutsideTheStringTableIsRefused() {
        int symtab = u32(SAMPLE, sectionHeader(SAMPLE, 5, SH_OFFSET));
        assertRejected(withU32(SAMPLE, symtab + 16, 0x1000),
                "symbol 1: its name (offset 0x1000) is not a string of .strtab");
    }

    @Test
    void anUnknownDataEncodingIsNamedByItsNumber() {
        assertRejected(withU8(SAMPLE, 5, 9), "an ELF file of unknown data encoding 9 (EI_DATA), "
                + "not a little-endian one (ELFDATA2LSB) as ringos executables are");
    }

    @Test
    void aCoreDumpIsNotAnExecutable() {
        assertRejected(withU16(SAMPLE, E_TYPE, 4), "a core dump (ET_CORE), not an executable (ET_EXEC)");
    }

    @Test
    void anUnknownTypeIsNamedByItsNumber() {
        assertRejected(withU16(SAMPLE, E_TYPE, 0xfe00), "an ELF file of unknown type 0xfe00, not an executable (ET_EXEC)");
    }

    @Test
    void programHeadersOfAnotherSizeAreRefused() {
        assertRejected(withU16(SAMPLE, 42, 56), "program headers of 56 bytes (e_phentsize), ELF32's are 32");
    }

    @Test
    void aSegmentOfTwoGigabytesOrMoreIsRefused() {
        assertRejected(withU32(SAMPLE, programHeader(3, P_MEMSZ), 0x80000000),
                "segment 3: p_memsz 0x80000000 is larger than a ringos segment can be (2 GiB)");
    }

    @Test
    void sectionHeadersOfAnotherSizeAreRefused() {
        assertRejected(withU16(SAMPLE, 46, 64), "section headers of 64 bytes (e_shentsize), ELF32's are 40");
    }

    @Test
    void aSectionNameOutsideTheSectionNamesTableIsRefused() {
        assertRejected(withU32(SAMPLE, sectionHeader(SAMPLE, 1, SH_NAME), 0x1000),
                "section 1: its name (offset 0x1000) is not a string of the section names table");
    }

    @Test
    void aSymbolTableWithEntriesOfAnotherSizeIsRefused() {
        assertRejected(withU32(SAMPLE, sectionHeader(SAMPLE, 5, SH_ENTSIZE), 24),
                "section 5 (.symtab, the symbol table): entries of 24 bytes and a size of 144, "
                        + "ELF32 symbols are 16 bytes each");
    }

    @Test
    void aSymbolTableWhoseStringTableIsNotASectionIsRefused() {
        assertRejected(withU32(SAMPLE, sectionHeader(SAMPLE, 5, SH_LINK), 9),
                "section 5 (.symtab, the symbol table): its string table (sh_link 9) is not a section");
    }

    @Test
    void aSymbolInAReservedSectionIndexIsRefused() {
        int symtab = u32(SAMPLE, sectionHeader(SAMPLE, 5, SH_OFFSET));
        assertRejected(withU16(SAMPLE, symtab + 16 + 14, 0xfff2),
                "symbol write: its section index 0xfff2 is a reserved one that ringos executables do not use");
    }
}
