package dev.ringos.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The interpreter loop allocates nothing per instruction: running millions of guest instructions
 * allocates only what decoding the few distinct instructions and their pages needs.
 */
class InterpreterAllocationTest {

    @Test
    void runningTheSieveAllocatesNothingPerInstruction() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] code = GuestPrograms.sieve(1_000_000);
        GuestPrograms.load(code, 1_000_000).run(Long.MAX_VALUE);   // warm up the JIT
        BareMachine m = GuestPrograms.load(code, 1_000_000);

        long before = threads.getCurrentThreadAllocatedBytes();
        m.run(Long.MAX_VALUE);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(m.cpu().instructions()).isGreaterThan(10_000_000);
        // One decoded page (a slot array and a length array) plus a few dozen decoded instructions.
        assertThat(allocated).isLessThan(64 * 1024);
    }
}
