package dev.ringos.asm;

import dev.ringos.cpu.isa.InstructionForm;
import dev.ringos.cpu.isa.OpcodeTable;
import dev.ringos.cpu.isa.OperandType;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The instruction names of the opcode table (and their aliases), and "did you mean" suggestions. */
public final class Mnemonics {
    private static final Set<String> NAMES = new TreeSet<>();
    private static final Set<String> BRANCHES = new TreeSet<>();

    static {
        for (InstructionForm f : OpcodeTable.FORMS) {
            NAMES.add(f.mnemonic());
            if (f.operands().contains(OperandType.REL8) || f.operands().contains(OperandType.REL32)) {
                BRANCHES.add(f.mnemonic());
            }
        }
        NAMES.addAll(OpcodeTable.ALIASES.keySet());
    }

    private Mnemonics() {
    }

    /** Whether {@code name} is an instruction ("rep movsb" included), in any case. */
    public static boolean isInstruction(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The table's own name for an instruction: aliases resolved ("jz" is "je"). */
    public static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return OpcodeTable.ALIASES.getOrDefault(lower, lower);
    }

    /** Whether the instruction has a relative (rel8/rel32) form: jmp, jcc, call. */
    public static boolean isBranch(String name) {
        return BRANCHES.contains(canonical(name));
    }

    /** The widest immediate any form of the instruction takes, in bytes (0 if none). */
    public static int widestImmediate(String name) {
        String m = canonical(name);
        int widest = 0;
        for (InstructionForm f : OpcodeTable.FORMS) {
            if (f.mnemonic().equals(m)) {
                for (OperandType t : f.operands()) {
                    if (t.isImmediate()) {
                        widest = Math.max(widest, t.size());
                    }
                }
            }
        }
        return widest;
    }

    /** The closest known instruction, if it is close enough to be a likely typo; else null. */
    public static String suggest(String unknown) {
        String u = unknown.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : NAMES) {
            int d = distance(u, name);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(1, Math.min(2, u.length() / 2)) ? best : null;
    }

    /** Levenshtein distance, with a swap of two neighbours counting as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
