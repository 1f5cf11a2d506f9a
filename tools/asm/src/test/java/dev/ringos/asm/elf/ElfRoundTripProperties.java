package dev.ringos.asm.elf;

import static dev.ringos.asm.elf.Executable.R;
import static dev.ringos.asm.elf.Executable.W;
import static dev.ringos.asm.elf.Executable.X;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.elf.Executable.Segment;
import dev.ringos.asm.elf.Executable.Symbol;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random executables as the assembler makes them (text, then optional rodata, data and bss, each
 * at the next page boundary after the previous one, any symbols) survive write → read unchanged.
 */
class ElfRoundTripProperties {

    @Property(tries = 1000)
    void everyExecutableReadsBackAsItWasWritten(@ForAll("executables") Executable executable)
            throws ElfFormatException {
        assertThat(ElfReader.read(ElfWriter.write(executable))).isEqualTo(executable);
    }

    @Property(tries = 200)
    void writingTwiceGivesTheSameBytes(@ForAll("executables") Executable executable) {
        assertThat(ElfWriter.write(executable)).isEqualTo(ElfWriter.write(executable));
    }

    @Provide
    Arbitrary<Executable> executables() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<Integer> bss = Arbitraries.integers().between(0, 0x3000);
        Arbitrary<Integer> start = Arbitraries.integers().between(0, 0xfff);
        return Combinators.combine(bytes.map(b -> b.length == 0 ? new byte[] {(byte) 0xf4} : b),
                bytes, bytes, bss, start, Arbitraries.integers().between(0, 12), Arbitraries.longs())
                .as(ElfRoundTripProperties::executable);
    }

    private static Executable executable(byte[] text, byte[] rodata, byte[] data, int bss, int start,
            int symbolCount, long seed) {
        List<Segment> segments = new ArrayList<>();
        int address = 0x08049000 + start;
        segments.add(new Segment(".text", address, R | X, text, text.length));
        address = nextPage(address + text.length);
        if (rodata.length > 0) {
            segments.add(new Segment(".rodata", address, R, rodata, rodata.length));
            address = nextPage(address + rodata.length);
        }
        if (data.length > 0) {
            segments.add(new Segment(".data", address, R | W, data, data.length));
            address = nextPage(address + data.length);
        }
        if (bss > 0) {
            segments.add(new Segment(".bss", address, R | W, new byte[0], bss));
        }
        java.util.Random random = new java.util.Random(seed);
        List<Symbol> locals = new ArrayList<>(), globals = new ArrayList<>();
        for (int i = 0; i < symbolCount; i++) {
            Segment in = segments.get(random.nextInt(segments.size()));
            boolean absolute = random.nextInt(4) == 0;
            Symbol symbol = new Symbol("sym" + i, absolute ? random.nextInt() : in.address() + random.nextInt(
                    Math.max(1, in.memorySize())), random.nextInt(16), absolute ? null : in.name(), random.nextBoolean());
            (symbol.global() ? globals : locals).add(symbol);
        }
        locals.addAll(globals);
        return new Executable(0x08049000 + start + random.nextInt(text.length), segments, locals);
    }

    private static int nextPage(int address) {
        return (address + 0xfff) & ~0xfff;
    }
}
