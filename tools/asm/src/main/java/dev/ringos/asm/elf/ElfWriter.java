package dev.ringos.asm.elf;

import static dev.ringos.asm.elf.Elf.*;

import dev.ringos.asm.elf.Executable.Segment;
import dev.ringos.asm.elf.Executable.Symbol;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an {@link Executable} into an ELF32 little-endian {@code ET_EXEC} file for ringos
 * ({@code e_machine} {@link Elf#EM_RINGOS}). The layout (docs/elf.md):
 *
 * <pre>
 * page 0     ELF header, then one PT_LOAD program header per segment (nothing else)
 * then       each segment's bytes, starting on a new page of the file at the offset congruent
 *            to its address modulo the page size (a segment without bytes, .bss, takes none)
 * then       .symtab (locals first, then globals), .strtab, .shstrtab, the section headers
 * </pre>
 *
 * Sections: the null section, one per segment (PROGBITS, or NOBITS for a segment that has memory
 * but no bytes), .symtab, .strtab, .shstrtab. The output depends only on the input: the same
 * executable always gives the same bytes.
 */
public final class ElfWriter {

    private ElfWriter() {
    }

    /**
     * A symbol whose section is not one of the segments (a label in a section the assembler left
     * out because it is empty) is written as absolute ({@code SHN_ABS}): its value is still the
     * address it names.
     *
     * @throws IllegalArgumentException if a name contains NUL or the program headers would not
     *         fit in page 0
     */
    public static byte[] write(Executable executable) {
        List<Segment> segments = executable.segments();
        int programHeadersEnd = EHDR_SIZE + PHDR_SIZE * segments.size();
        if (programHeadersEnd > PAGE_SIZE) {
            throw new IllegalArgumentException(segments.size() + " segments: their program headers "
                    + "would not fit in the first page of the file");
        }
        long[] offsets = segmentOffsets(segments);
        List<Symbol> symbols = localsFirst(executable.symbols());

        int symtabIndex = segments.size() + 1, strtabIndex = symtabIndex + 1, shstrtabIndex = strtabIndex + 1;
        StringTable strtab = new StringTable();
        byte[] symtab = symbolTable(symbols, segments, strtab);
        StringTable shstrtab = new StringTable();
        int[] segmentNames = segments.stream().mapToInt(s -> shstrtab.add(s.name())).toArray();
        int symtabName = shstrtab.add(".symtab"), strtabName = shstrtab.add(".strtab");
        int shstrtabName = shstrtab.add(".shstrtab");
        byte[] strtabBytes = strtab.toByteArray(), shstrtabBytes = shstrtab.toByteArray();

        LittleEndianWriter out = new LittleEndianWriter();
        out.padTo(EHDR_SIZE); // the header is written last, once the offsets are known
        for (int i = 0; i < segments.size(); i++) {
            programHeader(out, segments.get(i), offsets[i]);
        }
        for (int i = 0; i < segments.size(); i++) {
            out.padTo(offsets[i]);
            out.bytes(segments.get(i).data());
        }
        out.padTo(alignUp(out.position(), 4));
        int symtabOffset = out.position();
        out.bytes(symtab);
        int strtabOffset = out.position();
        out.bytes(strtabBytes);
        int shstrtabOffset = out.position();
        out.bytes(shstrtabBytes);
        out.padTo(alignUp(out.position(), 4));
        int sectionHeadersOffset = out.position();

        sectionHeader(out, 0, SHT_NULL, 0, 0, 0, 0, 0, 0, 0, 0);
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            boolean nobits = s.data().length == 0 && s.memorySize() > 0;
            sectionHeader(out, segmentNames[i], nobits ? SHT_NOBITS : SHT_PROGBITS, sectionFlags(s.flags()),
                    s.address(), (int) offsets[i], nobits ? s.memorySize() : s.data().length, 0, 0,
                    s.address() % PAGE_SIZE == 0 ? PAGE_SIZE : 1, 0);
        }
        int firstGlobal = 1 + (int) symbols.stream().filter(s -> !s.global()).count();
        sectionHeader(out, symtabName, SHT_SYMTAB, 0, 0, symtabOffset, symtab.length, strtabIndex, firstGlobal,
                4, SYM_SIZE);
        sectionHeader(out, strtabName, SHT_STRTAB, 0, 0, strtabOffset, strtabBytes.length, 0, 0, 1, 0);
        sectionHeader(out, shstrtabName, SHT_STRTAB, 0, 0, shstrtabOffset, shstrtabBytes.length, 0, 0, 1, 0);

        byte[] file = out.toByteArray();
        byte[] header = elfHeader(executable.entry(), segments.size(), sectionHeadersOffset,
                shstrtabIndex + 1, shstrtabIndex);
        System.arraycopy(header, 0, file, 0, header.length);
        return file;
    }

    /** Where each segment's bytes go: a new page of the file, congruent to its address. */
    private static long[] segmentOffsets(List<Segment> segments) {
        long[] offsets = new long[segments.size()];
        long position = PAGE_SIZE;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            offsets[i] = alignUp(position, PAGE_SIZE) + Integer.remainderUnsigned(s.address(), PAGE_SIZE);
            position = offsets[i] + s.data().length;
        }
        return offsets;
    }

    /** ELF wants local symbols before global ones; each group keeps its order. */
    private static List<Symbol> localsFirst(List<Symbol> symbols) {
        List<Symbol> ordered = new ArrayList<>(symbols.stream().filter(s -> !s.global()).toList());
        ordered.addAll(symbols.stream().filter(Symbol::global).toList());
        return ordered;
    }

    private static byte[] symbolTable(List<Symbol> symbols, List<Segment> segments, StringTable strtab) {
        LittleEndianWriter out = new LittleEndianWriter();
        out.padTo(SYM_SIZE); // symbol 0, the undefined symbol
        for (Symbol symbol : symbols) {
            out.u32(strtab.add(symbol.name()));
            out.u32(symbol.value());
            out.u32(symbol.size());
            out.u8(stInfo(symbol.global() ? STB_GLOBAL : STB_LOCAL, STT_NOTYPE));
            out.u8(0); // st_other: default visibility
            out.u16(sectionIndex(symbol, segments));
        }
        return out.toByteArray();
    }

    private static int sectionIndex(Symbol symbol, List<Segment> segments) {
        if (symbol.section() == null) {
            return SHN_ABS;
        }
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).name().equals(symbol.section())) {
                return i + 1;
            }
        }
        return SHN_ABS; // its section is empty, so not a segment: the value is still the right address
    }

    private static int sectionFlags(int segmentFlags) {
        return SHF_ALLOC | ((segmentFlags & PF_W) != 0 ? SHF_WRITE : 0)
                | ((segmentFlags & PF_X) != 0 ? SHF_EXECINSTR : 0);
    }

    private static byte[] elfHeader(int entry, int programHeaders, int sectionHeadersOffset, int sections,
            int shstrtabIndex) {
        LittleEndianWriter out = new LittleEndianWriter();
        out.bytes(new byte[] {0x7f, 'E', 'L', 'F', ELFCLASS32, ELFDATA2LSB, EV_CURRENT, ELFOSABI_SYSV});
        out.padTo(EI_NIDENT);
        out.u16(ET_EXEC);
        out.u16(EM_RINGOS);
        out.u32(EV_CURRENT);
        out.u32(entry);
        out.u32(programHeaders == 0 ? 0 : EHDR_SIZE); // e_phoff
        out.u32(sectionHeadersOffset);
        out.u32(0); // e_flags
        out.u16(EHDR_SIZE);
        out.u16(PHDR_SIZE);
        out.u16(programHeaders);
        out.u16(SHDR_SIZE);
        out.u16(sections);
        out.u16(shstrtabIndex);
        return out.toByteArray();
    }

    private static void programHeader(LittleEndianWriter out, Segment segment, long offset) {
        out.u32(PT_LOAD);
        out.u32((int) offset);
        out.u32(segment.address()); // p_vaddr
        out.u32(segment.address()); // p_paddr
        out.u32(segment.data().length);
        out.u32(segment.memorySize());
        out.u32(segment.flags());
        out.u32(PAGE_SIZE);
    }

    private static void sectionHeader(LittleEndianWriter out, int name, int type, int flags, int address,
            int offset, int size, int link, int info, int alignment, int entrySize) {
        for (int field : new int[] {name, type, flags, address, offset, size, link, info, alignment, entrySize}) {
            out.u32(field);
        }
    }
}
