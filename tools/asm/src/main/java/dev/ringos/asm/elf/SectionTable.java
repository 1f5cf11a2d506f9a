package dev.ringos.asm.elf;

import static dev.ringos.asm.elf.Elf.*;
import static dev.ringos.asm.elf.ElfReader.hex;

import dev.ringos.asm.elf.Executable.Symbol;
import java.util.ArrayList;
import java.util.List;

/**
 * The section headers of a file being read, for what the loader and the disassembler want from
 * them: the name of the section each segment comes from, and the symbols of .symtab. A file
 * without section headers (stripped) is fine: its segments are then named after their flags and
 * it has no symbols. Undefined symbols, section symbols and file symbols are skipped.
 */
final class SectionTable {

    private record Section(String name, int type, int flags, long address, long offset, long size, long link,
            long entrySize) {
    }

    private final List<Section> sections;
    private final List<Symbol> symbols;

    private SectionTable(List<Section> sections, List<Symbol> symbols) {
        this.sections = sections;
        this.symbols = symbols;
    }

    static SectionTable read(ElfBytes in, long tableOffset, int entrySize, int count, int namesIndex)
            throws ElfFormatException {
        if (tableOffset == 0 || count == 0) {
            return new SectionTable(List.of(), List.of());
        }
        if (entrySize != SHDR_SIZE) {
            throw new ElfFormatException("section headers of " + entrySize + " bytes (e_shentsize), ELF32's are "
                    + SHDR_SIZE);
        }
        if (!in.contains(tableOffset, (long) count * SHDR_SIZE)) {
            throw new ElfFormatException("section header table (offset " + hex(tableOffset) + ", " + count
                    + " entries of " + SHDR_SIZE + " bytes) lies outside the file (" + in.length() + " bytes)");
        }
        if (namesIndex != SHN_UNDEF && namesIndex >= count) {
            throw new ElfFormatException("e_shstrndx " + namesIndex + " is not a section (there are " + count + ")");
        }
        long namesAt = tableOffset + (long) namesIndex * SHDR_SIZE;
        long namesOffset = in.u32(namesAt + 16), namesSize = in.u32(namesAt + 20);
        if (namesIndex != SHN_UNDEF) {
            checkInFile(in, "section " + namesIndex + " (the section names, e_shstrndx)", namesOffset, namesSize);
        }
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long at = tableOffset + (long) i * SHDR_SIZE;
            String name = "";
            if (namesIndex != SHN_UNDEF) {
                name = in.stringInTable(namesOffset, namesSize, in.u32(at));
                if (name == null) {
                    throw new ElfFormatException("section " + i + ": its name (offset " + hex(in.u32(at))
                            + ") is not a string of the section names table");
                }
            }
            sections.add(new Section(name, (int) in.u32(at + 4), (int) in.u32(at + 8), in.u32(at + 12),
                    in.u32(at + 16), in.u32(at + 20), in.u32(at + 24), in.u32(at + 36)));
        }
        return new SectionTable(sections, symbols(in, sections));
    }

    /** The symbols of the first SHT_SYMTAB section, in the file's order. */
    private static List<Symbol> symbols(ElfBytes in, List<Section> sections) throws ElfFormatException {
        int symtabIndex = 0;
        while (symtabIndex < sections.size() && sections.get(symtabIndex).type() != SHT_SYMTAB) {
            symtabIndex++;
        }
        if (symtabIndex == sections.size()) {
            return List.of();
        }
        Section symtab = sections.get(symtabIndex);
        String what = "section " + symtabIndex + " (" + symtab.name() + ", the symbol table)";
        if (symtab.entrySize() != SYM_SIZE || symtab.size() % SYM_SIZE != 0) {
            throw new ElfFormatException(what + ": entries of " + symtab.entrySize() + " bytes and a size of "
                    + symtab.size() + ", ELF32 symbols are " + SYM_SIZE + " bytes each");
        }
        checkInFile(in, what, symtab.offset(), symtab.size());
        if (symtab.link() == SHN_UNDEF || symtab.link() >= sections.size()) {
            throw new ElfFormatException(what + ": its string table (sh_link " + symtab.link()
                    + ") is not a section");
        }
        Section strtab = sections.get((int) symtab.link());
        checkInFile(in, "section " + symtab.link() + " (" + strtab.name() + ", the symbol names)",
                strtab.offset(), strtab.size());

        List<Symbol> symbols = new ArrayList<>();
        for (long i = 1; i < symtab.size() / SYM_SIZE; i++) {
            long at = symtab.offset() + i * SYM_SIZE;
            int type = in.u8(at + 12) & 0xf, bind = in.u8(at + 12) >> 4, index = in.u16(at + 14);
            if (type == STT_SECTION || type == STT_FILE || index == SHN_UNDEF) {
                continue;
            }
            String name = in.stringInTable(strtab.offset(), strtab.size(), in.u32(at));
            if (name == null) {
                throw new ElfFormatException("symbol " + i + ": its name (offset " + hex(in.u32(at))
                        + ") is not a string of " + strtab.name());
            }
            String section;
            if (index == SHN_ABS) {
                section = null;
            } else if (index >= SHN_LORESERVE) {
                throw new ElfFormatException("symbol " + name + ": its section index " + hex(index)
                        + " is a reserved one that ringos executables do not use");
            } else if (index >= sections.size()) {
                throw new ElfFormatException("symbol " + name + ": its section " + index
                        + " does not exist (there are " + sections.size() + ")");
            } else {
                section = sections.get(index).name();
            }
            symbols.add(new Symbol(name, (int) in.u32(at + 4), (int) in.u32(at + 8), section,
                    bind == STB_GLOBAL || bind == STB_WEAK));
        }
        return symbols;
    }

    private static void checkInFile(ElfBytes in, String what, long offset, long size) throws ElfFormatException {
        if (!in.contains(offset, size)) {
            throw new ElfFormatException(what + " (offset " + hex(offset) + ", size " + hex(size)
                    + ") lies outside the file (" + in.length() + " bytes)");
        }
    }

    List<Symbol> symbols() {
        return symbols;
    }

    /**
     * The name of the allocated section that starts where a segment does; without one, a name from
     * the segment's flags (.text, .data, .bss, .rodata).
     */
    String nameOfSegmentAt(long address, int flags, long fileSize) {
        for (Section s : sections) {
            if (s.type() != SHT_NULL && (s.flags() & SHF_ALLOC) != 0 && s.address() == address) {
                return s.name();
            }
        }
        if ((flags & PF_X) != 0) {
            return ".text";
        }
        if ((flags & PF_W) != 0) {
            return fileSize == 0 ? ".bss" : ".data";
        }
        return ".rodata";
    }
}
