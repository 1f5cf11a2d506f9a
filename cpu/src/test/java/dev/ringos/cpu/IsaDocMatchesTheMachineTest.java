package dev.ringos.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.cpu.isa.IsaDoc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The few facts {@link IsaDoc} cannot read from public constants (trap delivery keeps them
 * package-private) are copied there; this test holds the copies to the code.
 */
class IsaDocMatchesTheMachineTest {
    private final String doc = IsaDoc.render();

    @Test
    void theGateTypesInTheReferenceAreTheOnesTrapDeliveryAccepts() {
        assertThat(doc).contains(gate(Traps.INTERRUPT_GATE, "interrupt gate"), gate(Traps.TRAP_GATE, "trap gate"),
                gate(Traps.HOST_INTERRUPT_GATE, "host interrupt gate"), gate(Traps.HOST_TRAP_GATE, "host trap gate"));
    }

    @Test
    void theReferenceFindsRingStacksWhereTrapDeliveryReadsThem() {
        assertThat(doc).contains("ESP for ring n is at TSS + " + Traps.TSS_ESP0 + " + 8·n");
    }

    @Test
    void theReferenceNamesTheContributoryExceptionsTrapDeliveryCombinesIntoADoubleFault() {
        List<String> contributory = new ArrayList<>();
        for (int v = 0; v < 256; v++) {
            if (Vectors.isContributory(v) && !Vectors.name(v).startsWith("vector ")) {
                contributory.add(Vectors.name(v));
            }
        }
        assertThat(doc).contains("a contributory exception\n(" + String.join(", ", contributory) + ")");
    }

    private static String gate(int type, String name) {
        return "| `0x" + Integer.toHexString(type).toUpperCase() + "` | " + name;
    }
}
