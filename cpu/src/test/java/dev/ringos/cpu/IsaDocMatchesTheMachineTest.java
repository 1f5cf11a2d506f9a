package dev.ringos.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.cpu.isa.IsaDoc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference states the trap-delivery facts the machine acts on: gate types, ring stacks, double faults. */
class IsaDocMatchesTheMachineTest {
    private final String doc = IsaDoc.render();

    @Test
    void theGateTypesInTheReferenceAreTheOnesTrapDeliveryAccepts() {
        assertThat(doc).contains(gate(Gates.INTERRUPT_GATE, "interrupt gate"), gate(Gates.TRAP_GATE, "trap gate"),
                gate(Gates.HOST_INTERRUPT_GATE, "host interrupt gate"), gate(Gates.HOST_TRAP_GATE, "host trap gate"));
    }

    @Test
    void theReferenceFindsRingStacksWhereTrapDeliveryReadsThem() {
        assertThat(doc).contains("ESP for ring n is at TSS + " + Gates.TSS_ESP0 + " + 8·n");
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
