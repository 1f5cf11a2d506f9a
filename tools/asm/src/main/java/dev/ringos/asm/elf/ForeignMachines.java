package dev.ringos.asm.elf;

import java.util.Map;

/**
 * Names of other machines' {@code e_machine} values, so that running a Linux binary on ringos
 * says what it is ("an x86 (EM_386) executable, not a ringos one") instead of a bare number.
 */
final class ForeignMachines {

    private ForeignMachines() {
    }

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0, "a machine-less (EM_NONE)"),
            Map.entry(2, "a SPARC (EM_SPARC)"),
            Map.entry(3, "an x86 (EM_386)"),
            Map.entry(4, "an m68k (EM_68K)"),
            Map.entry(8, "a MIPS (EM_MIPS)"),
            Map.entry(20, "a PowerPC (EM_PPC)"),
            Map.entry(21, "a 64-bit PowerPC (EM_PPC64)"),
            Map.entry(22, "an IBM S/390 (EM_S390)"),
            Map.entry(40, "an ARM (EM_ARM)"),
            Map.entry(42, "a SuperH (EM_SH)"),
            Map.entry(43, "a SPARC v9 (EM_SPARCV9)"),
            Map.entry(50, "an IA-64 (EM_IA_64)"),
            Map.entry(62, "an x86-64 (EM_X86_64)"),
            Map.entry(83, "an AVR (EM_AVR)"),
            Map.entry(183, "an AArch64 (EM_AARCH64)"),
            Map.entry(243, "a RISC-V (EM_RISCV)"),
            Map.entry(247, "a BPF (EM_BPF)"),
            Map.entry(258, "a LoongArch (EM_LOONGARCH)"));

    /** Why an executable for {@code machine} is refused: "an x86 (EM_386) executable, not a ringos one". */
    static String notRingos(int machine) {
        String name = NAMES.get(machine);
        if (name == null) {
            return "an executable for an unknown machine (e_machine 0x" + Integer.toHexString(machine)
                    + "), not a ringos one (0x" + Integer.toHexString(Elf.EM_RINGOS) + ")";
        }
        return name + " executable, not a ringos one";
    }
}
