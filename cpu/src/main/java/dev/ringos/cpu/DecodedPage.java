package dev.ringos.cpu;

/** The instructions decoded so far from one physical page, by their offset in it. */
final class DecodedPage {
    final Insn[] slots = new Insn[PhysicalMemory.PAGE_SIZE];
}
