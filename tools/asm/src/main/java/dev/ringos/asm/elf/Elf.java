package dev.ringos.asm.elf;

/**
 * The numbers of the ELF32 format that ringos uses, with ELF's names (System V gABI). Only what
 * {@link ElfWriter} writes and {@link ElfReader} checks is here.
 */
final class Elf {

    private Elf() {
    }

    /**
     * ringos's {@code e_machine}. ELF's machine numbers are assigned by the gABI's keepers (today
     * 0–~260); a private project must not take one of them. Like binutils' historical unofficial
     * values (0x9026 Alpha, 0x9041 M32R, 0xa390 S/390 …), ours lies far above the assigned range
     * and is taken by nothing in binutils or glibc's elf.h: 0x4952, whose two little-endian bytes
     * in the file read "RI" (RIngos). readelf prints it as {@code <unknown>: 0x4952}, without a
     * warning.
     */
    static final int EM_RINGOS = 0x4952;

    static final int PAGE_SIZE = 0x1000;

    // e_ident
    static final int EI_NIDENT = 16;
    static final int EI_CLASS = 4, EI_DATA = 5, EI_VERSION = 6, EI_OSABI = 7;
    static final int ELFCLASS32 = 1, ELFCLASS64 = 2;
    static final int ELFDATA2LSB = 1, ELFDATA2MSB = 2;
    static final int EV_CURRENT = 1;
    static final int ELFOSABI_SYSV = 0;

    // e_type
    static final int ET_NONE = 0, ET_REL = 1, ET_EXEC = 2, ET_DYN = 3, ET_CORE = 4;

    // sizes of the ELF32 structures
    static final int EHDR_SIZE = 52, PHDR_SIZE = 32, SHDR_SIZE = 40, SYM_SIZE = 16;

    // p_type, p_flags
    static final int PT_LOAD = 1;
    static final int PF_X = 1, PF_W = 2, PF_R = 4;

    // sh_type, sh_flags
    static final int SHT_NULL = 0, SHT_PROGBITS = 1, SHT_SYMTAB = 2, SHT_STRTAB = 3, SHT_NOBITS = 8;
    static final int SHF_WRITE = 1, SHF_ALLOC = 2, SHF_EXECINSTR = 4;

    // special section indexes
    static final int SHN_UNDEF = 0, SHN_LORESERVE = 0xff00, SHN_ABS = 0xfff1;

    // st_info
    static final int STB_LOCAL = 0, STB_GLOBAL = 1, STB_WEAK = 2;
    static final int STT_NOTYPE = 0, STT_SECTION = 3, STT_FILE = 4;

    static int stInfo(int bind, int type) {
        return (bind << 4) | type;
    }

    static long alignUp(long value, long alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }
}
