package dev.ringos.asm.elf;

import static dev.ringos.asm.elf.Executable.R;
import static dev.ringos.asm.elf.Executable.W;
import static dev.ringos.asm.elf.Executable.X;

import dev.ringos.asm.elf.Executable.Segment;
import dev.ringos.asm.elf.Executable.Symbol;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Executables the ELF tests share. {@link #sample()} is what the assembler makes of a small
 * "hello" program: text, rodata, data and bss at successive pages from 0x08049000, local and
 * global symbols in each, and absolute ones (equ).
 */
final class SampleExecutables {

    private SampleExecutables() {
    }

    static final int TEXT = 0x08049000, RODATA = 0x0804a000, DATA = 0x0804b000, BSS = 0x0804c000;

    static Executable sample() {
        byte[] text = {
            (byte) 0xb8, 0x04, 0, 0, 0,                     // mov eax, 4
            (byte) 0xbb, 0x01, 0, 0, 0,                     // mov ebx, 1
            (byte) 0xb9, 0x00, (byte) 0xa0, 0x04, 0x08,     // mov ecx, msg
            (byte) 0xba, 0x06, 0, 0, 0,                     // mov edx, LEN
            (byte) 0xcd, (byte) 0x80,                       // int 0x80
            (byte) 0xb8, 0x01, 0, 0, 0,                     // mov eax, 1
            (byte) 0xcd, (byte) 0x80,                       // int 0x80
        };
        return new Executable(TEXT,
                List.of(new Segment(".text", TEXT, R | X, text, text.length),
                        new Segment(".rodata", RODATA, R, "hello\n".getBytes(StandardCharsets.US_ASCII), 6),
                        new Segment(".data", DATA, R | W, new byte[] {1, 0, 0, 0, 2, 0, 0, 0}, 8),
                        new Segment(".bss", BSS, R | W, new byte[0], 0x100)),
                List.of(new Symbol("write", TEXT + 22, 0, ".text", false),
                        new Symbol("msg", RODATA, 6, ".rodata", false),
                        new Symbol("LEN", 6, 0, null, false),
                        new Symbol("counter", DATA, 4, ".data", false),
                        new Symbol("buffer", BSS, 0x100, ".bss", false),
                        new Symbol("_start", TEXT, 0, ".text", true),
                        new Symbol("limit", DATA + 4, 4, ".data", true),
                        new Symbol("VERSION", 3, 0, null, true)));
    }
}
