package dev.ringos.asm;

/**
 * One line of assembly as the assembler proper sees it, after preprocessing, with where it came
 * from: the file and 1-based line number a person would look at (for a line produced by a macro,
 * the line that invoked it).
 */
public record SourceLine(String text, String file, int line) {
}
