package dev.ringos.asm;

import dev.ringos.cpu.Registers;
import dev.ringos.cpu.isa.Operand;
import dev.ringos.cpu.isa.Operand.Reg;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The register names the assembler knows: the ISA's general registers of 8, 16 and 32 bits, cr0–cr4 and cs. */
public final class RegisterNames {
    private static final Map<String, Reg> BY_NAME = new HashMap<>();

    static {
        for (int n = 0; n < 8; n++) {
            BY_NAME.put(Registers.NAMES32.get(n), Operand.gp(n, 4));
            BY_NAME.put(Registers.NAMES16.get(n), Operand.gp(n, 2));
            BY_NAME.put(Registers.NAMES8.get(n), Operand.gp(n, 1));
        }
        for (int n = 0; n <= 4; n++) {
            BY_NAME.put("cr" + n, Operand.cr(n));
        }
        BY_NAME.put("cs", Operand.CS);
    }

    private RegisterNames() {
    }

    /** The register called {@code name} (any case), or null. */
    public static Reg lookup(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }
}
