package dev.ringos.asm.elf;

import static dev.ringos.asm.elf.Elf.*;

import dev.ringos.asm.elf.Executable.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a ringos executable back into an {@link Executable}: for exec (the segments and the
 * entry point) and for the disassembler (also the segments' section names and the symbols of
 * .symtab). Whatever the bytes, the result is an Executable or an {@link ElfFormatException}
 * whose message says precisely what is wrong; nothing else is ever thrown.
 *
 * <p>Checks, in order: the identification (magic, ELFCLASS32, little-endian, version), the
 * header's size, type (ET_EXEC) and machine ({@link Elf#EM_RINGOS}); the program header table;
 * each PT_LOAD segment (inside the file, p_filesz ≤ p_memsz, p_offset congruent to p_vaddr modulo
 * the page size and p_align, inside the 32-bit address space); that no two segments overlap; that
 * the entry point is in an executable segment; then the sections and symbols ({@link SectionTable}).
 * Program headers other than PT_LOAD are ignored.
 */
public final class ElfReader {

    private ElfReader() {
    }

    /** A PT_LOAD program header, numbered as in the file (0 is the first program header). */
    private record Load(int index, long offset, long address, long fileSize, long memorySize, int flags) {
        long end() {
            return address + memorySize;
        }
    }

    public static Executable read(byte[] file) throws ElfFormatException {
        ElfBytes in = new ElfBytes(file);
        checkIdentification(in);
        checkTypeAndMachine(in);
        long entry = in.u32(24);
        List<Load> loads = loads(in);
        checkNoOverlap(loads);
        if (loads.stream().noneMatch(l -> (l.flags() & PF_X) != 0 && l.address() <= entry && entry < l.end())) {
            throw new ElfFormatException("entry point " + hex(entry) + " is not inside any executable segment");
        }
        SectionTable sections = SectionTable.read(in, in.u32(32), in.u16(46), in.u16(48), in.u16(50));
        List<Segment> segments = new ArrayList<>();
        for (Load l : loads) {
            segments.add(new Segment(sections.nameOfSegmentAt(l.address(), l.flags(), l.fileSize()),
                    (int) l.address(), l.flags(), in.slice(l.offset(), l.fileSize()), (int) l.memorySize()));
        }
        return new Executable((int) entry, segments, sections.symbols());
    }

    private static void checkIdentification(ElfBytes in) throws ElfFormatException {
        if (!in.contains(0, 4) || in.u8(0) != 0x7f || in.u8(1) != 'E' || in.u8(2) != 'L' || in.u8(3) != 'F') {
            throw new ElfFormatException("not an ELF file: it does not begin with the magic bytes 7f 45 4c 46 (\\x7fELF)");
        }
        if (in.contains(EI_CLASS, 1) && in.u8(EI_CLASS) != ELFCLASS32) {
            int elfClass = in.u8(EI_CLASS);
            throw new ElfFormatException((elfClass == ELFCLASS64 ? "a 64-bit ELF file (ELFCLASS64)"
                    : "an ELF file of unknown class " + elfClass + " (EI_CLASS)")
                    + ", not a 32-bit one (ELFCLASS32) as ringos executables are");
        }
        if (in.contains(EI_DATA, 1) && in.u8(EI_DATA) != ELFDATA2LSB) {
            int data = in.u8(EI_DATA);
            throw new ElfFormatException((data == ELFDATA2MSB ? "a big-endian ELF file (ELFDATA2MSB)"
                    : "an ELF file of unknown data encoding " + data + " (EI_DATA)")
                    + ", not a little-endian one (ELFDATA2LSB) as ringos executables are");
        }
        if (!in.contains(0, EHDR_SIZE)) {
            throw new ElfFormatException("truncated ELF header: the file has " + in.length()
                    + " bytes, an ELF32 header needs " + EHDR_SIZE);
        }
        if (in.u8(EI_VERSION) != EV_CURRENT || in.u32(20) != EV_CURRENT) {
            throw new ElfFormatException("unsupported ELF version " + in.u8(EI_VERSION) + " (EI_VERSION), "
                    + in.u32(20) + " (e_version): only version 1 (EV_CURRENT) exists");
        }
    }

    private static void checkTypeAndMachine(ElfBytes in) throws ElfFormatException {
        int type = in.u16(16);
        if (type != ET_EXEC) {
            String what = switch (type) {
                case ET_NONE -> "an ELF file without a type (ET_NONE)";
                case ET_REL -> "a relocatable object file (ET_REL)";
                case ET_DYN -> "a shared object or position-independent executable (ET_DYN)";
                case ET_CORE -> "a core dump (ET_CORE)";
                default -> "an ELF file of unknown type 0x" + Integer.toHexString(type);
            };
            throw new ElfFormatException(what + ", not an executable (ET_EXEC)");
        }
        int machine = in.u16(18);
        if (machine != EM_RINGOS) {
            throw new ElfFormatException(ForeignMachines.notRingos(machine));
        }
    }

    private static List<Load> loads(ElfBytes in) throws ElfFormatException {
        long tableOffset = in.u32(28);
        int count = in.u16(44), entrySize = in.u16(42);
        if (count == 0) {
            return List.of();
        }
        if (entrySize != PHDR_SIZE) {
            throw new ElfFormatException("program headers of " + entrySize + " bytes (e_phentsize), "
                    + "ELF32's are " + PHDR_SIZE);
        }
        if (!in.contains(tableOffset, (long) count * PHDR_SIZE)) {
            throw new ElfFormatException("program header table (offset " + hex(tableOffset) + ", " + count
                    + " entries of " + PHDR_SIZE + " bytes) lies outside the file (" + in.length() + " bytes)");
        }
        List<Load> loads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long at = tableOffset + (long) i * PHDR_SIZE;
            if (in.u32(at) == PT_LOAD) {
                loads.add(checkedLoad(in, new Load(i, in.u32(at + 4), in.u32(at + 8), in.u32(at + 16),
                        in.u32(at + 20), (int) in.u32(at + 24) & (PF_R | PF_W | PF_X)), in.u32(at + 28)));
            }
        }
        return loads;
    }

    private static Load checkedLoad(ElfBytes in, Load l, long alignment) throws ElfFormatException {
        String segment = "segment " + l.index();
        if (l.fileSize() > l.memorySize()) {
            throw new ElfFormatException(segment + ": p_filesz " + hex(l.fileSize()) + " is larger than p_memsz "
                    + hex(l.memorySize()));
        }
        if (!in.contains(l.offset(), l.fileSize())) {
            throw new ElfFormatException(segment + " (p_offset " + hex(l.offset()) + ", p_filesz " + hex(l.fileSize())
                    + ") lies outside the file (" + in.length() + " bytes)");
        }
        if (alignment > 1 && Long.bitCount(alignment) != 1) {
            throw new ElfFormatException(segment + " is misaligned: p_align " + hex(alignment)
                    + " is not a power of two");
        }
        long modulus = Math.max(alignment, PAGE_SIZE);
        if (l.offset() % modulus != l.address() % modulus) {
            throw new ElfFormatException(segment + " is misaligned: p_offset " + hex(l.offset()) + " and p_vaddr "
                    + hex(l.address()) + " differ modulo " + hex(modulus));
        }
        if (l.end() > 1L << 32) {
            throw new ElfFormatException(segment + " (p_vaddr " + hex(l.address()) + ", p_memsz "
                    + hex(l.memorySize()) + ") runs past the end of the 32-bit address space");
        }
        if (l.memorySize() > Integer.MAX_VALUE) {
            throw new ElfFormatException(segment + ": p_memsz " + hex(l.memorySize())
                    + " is larger than a ringos segment can be (2 GiB)");
        }
        return l;
    }

    private static void checkNoOverlap(List<Load> loads) throws ElfFormatException {
        List<Load> byAddress = loads.stream().filter(l -> l.memorySize() > 0)
                .sorted(Comparator.comparingLong(Load::address)).toList();
        for (int i = 1; i < byAddress.size(); i++) {
            Load a = byAddress.get(i - 1), b = byAddress.get(i);
            if (b.address() < a.end()) {
                Load first = a.index() < b.index() ? a : b, second = first == a ? b : a;
                throw new ElfFormatException("segments " + first.index() + " and " + second.index() + " overlap: "
                        + range(first) + " and " + range(second));
            }
        }
    }

    private static String range(Load l) {
        return hex(l.address()) + "-" + hex(l.end() - 1);
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
