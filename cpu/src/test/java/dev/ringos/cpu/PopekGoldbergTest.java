package dev.ringos.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.cpu.RingTestbed.Arrival;
import dev.ringos.cpu.isa.InstructionForm;
import dev.ringos.cpu.isa.OpcodeTable;
import dev.ringos.cpu.isa.PrivilegeClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Popek and Goldberg's Theorem 1 on ringos: a machine can be virtualized by trap-and-emulate when
 * its sensitive instructions are a subset of its privileged ones. The sensitive set comes from the
 * opcode table; the privileged set is measured — every row is executed in ring 3 and ring 1, at
 * IOPL 0 and 3, and in ring 0, with and without CR4.SVE. Privileged in their sense means it traps
 * in every one of those outer states and does not trap in ring 0.
 */
class PopekGoldbergTest {

    /** Where an instruction runs outside ring 0. */
    record OuterState(int ring, int iopl) {
        @Override
        public String toString() {
            return "ring " + ring + "/IOPL " + iopl;
        }
    }

    static final List<OuterState> OUTER_STATES =
            List.of(new OuterState(3, 0), new OuterState(3, 3), new OuterState(1, 0), new OuterState(1, 3));

    /** What one execution did: ran, or trapped with a vector and error code at some EIP. */
    record Outcome(boolean trapped, int vector, int errorCode, int eip) {
        static final Outcome RAN = new Outcome(false, -1, 0, 0);

        boolean isPrivilegeTrap() {
            return trapped && vector == Vectors.GENERAL_PROTECTION && errorCode == 0 && eip == RingTestbed.CODE;
        }

        @Override
        public String toString() {
            return trapped ? Vectors.name(vector) + "(" + errorCode + ")" : "runs";
        }
    }

    /** One row's measured behaviour under one CR4.SVE setting. */
    record Behaviour(InstructionForm form, Map<OuterState, Outcome> outer, Outcome ring0) {
        boolean privileged() {
            return outer.values().stream().allMatch(Outcome::isPrivilegeTrap) && !ring0.trapped;
        }

        @Override
        public String toString() {
            return form.syntax() + ": " + outer + ", ring 0 " + ring0;
        }
    }

    private static final Map<InstructionForm, Behaviour> LOOSE = new LinkedHashMap<>();
    private static final Map<InstructionForm, Behaviour> STRICT = new LinkedHashMap<>();

    @BeforeAll
    static void executeEveryRow() {
        for (InstructionForm form : OpcodeTable.FORMS) {
            LOOSE.put(form, observe(form, false));
            STRICT.put(form, observe(form, true));
        }
    }

    private static Behaviour observe(InstructionForm form, boolean strict) {
        Map<OuterState, Outcome> outer = new LinkedHashMap<>();
        for (OuterState s : OUTER_STATES) {
            outer.put(s, execute(form, s.ring(), s.iopl(), strict));
        }
        return new Behaviour(form, outer, execute(form, 0, 0, strict));
    }

    private static Outcome execute(InstructionForm form, int ring, int iopl, boolean strict) {
        RingTestbed t = new RingTestbed();
        t.load(RingTestbed.sample(form));
        t.prepareSample(ring, iopl);
        t.cpu.setControlRegister(4, strict ? ControlRegisters.CR4_SVE : 0);
        t.step();
        Arrival a = t.firstArrival();
        if (a == null) {
            return Outcome.RAN;
        }
        return new Outcome(true, a.vector(), a.errorCode(), a.frame() == null ? -1 : a.frame().eip());
    }

    private static List<InstructionForm> sensitiveButNotPrivileged(Map<InstructionForm, Behaviour> measured) {
        return measured.values().stream()
                .filter(b -> b.form().privilege().isSensitive() && !b.privileged())
                .map(Behaviour::form)
                .toList();
    }

    @Test
    void withStrictVirtualizationEverySensitiveInstructionIsPrivilegedSoTheoremOneApplies() {
        assertThat(sensitiveButNotPrivileged(STRICT)).isEmpty();
    }

    @Test
    void withoutStrictVirtualizationX86sHolesAreSensitiveInstructionsThatDoNotTrap() {
        List<String> holes = sensitiveButNotPrivileged(LOOSE).stream().map(InstructionForm::syntax).toList();

        assertThat(holes).containsExactlyInAnyOrder(
                "popf", "pushf", "smsw r/m32", "sidt m", "str r/m32", "mov r/m32, cs", "rdtsc", "iret",
                "cli", "sti",
                "in al, imm8", "in eax, imm8", "in al, dx", "in eax, dx",
                "out imm8, al", "out imm8, eax", "out dx, al", "out dx, eax");
    }

    @Test
    void withoutStrictVirtualizationInOutCliAndStiTrapAtIopl0ButRunAtIopl3() {
        for (Behaviour b : LOOSE.values()) {
            if (b.form().privilege() != PrivilegeClass.IOPL_SENSITIVE) {
                continue;
            }
            b.outer().forEach((state, outcome) -> assertThat(outcome.isPrivilegeTrap())
                    .as("%s in %s", b.form().syntax(), state).isEqualTo(state.iopl() == 0));
        }
    }

    @Test
    void theMeasuredBehaviourOfEveryRowAgreesWithItsPrivilegeClass() {
        List<String> disagreements = new ArrayList<>();
        for (boolean strict : new boolean[] {false, true}) {
            for (Behaviour b : (strict ? STRICT : LOOSE).values()) {
                if (b.privileged() != b.form().privilege().alwaysTrapsOutsideRing0(strict)) {
                    disagreements.add((strict ? "strict " : "") + b.form().privilege() + " " + b);
                }
            }
        }

        assertThat(disagreements).isEmpty();
    }

    @Test
    void everyRowThatMustTrapOutsideRing0RunsInRing0() {
        List<String> failures = new ArrayList<>();
        for (boolean strict : new boolean[] {false, true}) {
            for (Behaviour b : (strict ? STRICT : LOOSE).values()) {
                if (b.form().privilege().alwaysTrapsOutsideRing0(strict) && b.ring0().trapped()) {
                    failures.add(b.toString());
                }
            }
        }

        assertThat(failures).isEmpty();
    }
}
