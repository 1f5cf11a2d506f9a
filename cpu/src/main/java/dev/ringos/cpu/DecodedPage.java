package dev.ringos.cpu;

/** The instructions decoded so far from one physical page, by their offset in it. */
final class DecodedPage {
    final Insn[] slots = new Insn[PhysicalMemory.PAGE_SIZE];
    /**
     * The same instructions' lengths. The interpreter reads the next EIP from here rather than from
     * the Insn, so the loop-carried chain from one EIP to the next is one load, not two.
     */
    final byte[] lengths = new byte[PhysicalMemory.PAGE_SIZE];
}
