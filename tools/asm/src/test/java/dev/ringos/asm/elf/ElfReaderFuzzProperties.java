package dev.ringos.asm.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The reader's promise, fuzzed: whatever the bytes, read gives an Executable or an
 * ElfFormatException with a message, and nothing else escapes. Inputs are random bytes (bare, or
 * behind the first 24 bytes of a valid ringos header so the checks past the magic are reached),
 * and the sample with a few random bytes or 32-bit fields overwritten, mostly in the headers and
 * in the symbol and string tables, and possibly cut short; fields are overwritten with values
 * that matter to a reader (0, 1, -1, small, near the file's length, page multiples). Each
 * property collects which check refused its files (jqwik statistics); the mutation property
 * also checks that its files reach the deep checks. 10,000 tries each, a few seconds in all.
 */
class ElfReaderFuzzProperties {

    private static final RandomDistribution UNIFORM = RandomDistribution.uniform();
    private static final byte[] SAMPLE = ElfWriter.write(SampleExecutables.sample());

    @Property(tries = 10_000)
    void randomBytesAreReadOrRefusedWithAReason(@ForAll("randomFiles") byte[] file) {
        assertReadOrRefused(file);
    }

    @Property(tries = 10_000, edgeCases = EdgeCasesMode.NONE) // jqwik's edge cases are mostly empty files
    void mutationsOfAValidFileAreReadOrRefusedWithAReason(@ForAll("mutatedSamples") byte[] file) {
        assertReadOrRefused(file);
        Statistics.coverage(coverage -> {
            coverage.check("read").percentage(p -> p > 5);
            coverage.check("refused: segment").percentage(p -> p > 1);
            coverage.check("refused: symbol").percentage(p -> p > 0);
        });
    }

    /** Reads, and records as a statistic whether the file was read or which check refused it. */
    private static void assertReadOrRefused(byte[] file) {
        try {
            assertThat(ElfReader.read(file)).isNotNull();
            Statistics.collect("read");
        } catch (ElfFormatException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            Statistics.collect("refused: " + refused.getMessage().split("[ (:]")[0]);
        }
    }

    @Provide
    Arbitrary<byte[]> randomFiles() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        byte[] identification = Arrays.copyOf(SAMPLE, 24); // e_ident, e_type, e_machine, e_version
        return Arbitraries.oneOf(bytes, bytes.map(tail -> {
            byte[] file = Arrays.copyOf(identification, identification.length + tail.length);
            System.arraycopy(tail, 0, file, identification.length, tail.length);
            return file;
        }));
    }

    @Provide
    Arbitrary<byte[]> mutatedSamples() {
        int tables = ElfFiles.u32(SAMPLE, ElfFiles.sectionHeader(SAMPLE, 5, ElfFiles.SH_OFFSET));
        Arbitrary<Integer> offset = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().between(0, SAMPLE.length - 4).withDistribution(UNIFORM)),
                Tuple.of(3, Arbitraries.integers().between(8, 52 + 4 * 32)),
                Tuple.of(3, Arbitraries.integers().between(tables, SAMPLE.length - 4).withDistribution(UNIFORM)));
        Arbitrary<Integer> value = Arbitraries.oneOf(Arbitraries.integers(),
                Arbitraries.of(0, 1, -1, 2, 3, 4, 0x1000, 0x2000, 0x7fffffff, 0x80000000, 0xffff,
                        SAMPLE.length, SAMPLE.length - 1, SAMPLE.length + 1, 0x08049000, 0x0804c000));
        Arbitrary<Boolean> wholeWord = Arbitraries.of(true, false);
        Arbitrary<List<Tuple.Tuple3<Integer, Integer, Boolean>>> edits =
                Combinators.combine(offset, value, wholeWord).as(Tuple::of).list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<Integer> length = Arbitraries.oneOf(Arbitraries.just(SAMPLE.length),
                Arbitraries.integers().between(0, SAMPLE.length).withDistribution(UNIFORM));
        return Combinators.combine(edits, length).as((changes, cut) -> {
            byte[] file = SAMPLE.clone();
            for (Tuple.Tuple3<Integer, Integer, Boolean> change : changes) {
                file = change.get3() ? ElfFiles.withU32(file, change.get1(), change.get2())
                        : ElfFiles.withU8(file, change.get1(), change.get2());
            }
            return Arrays.copyOf(file, cut);
        });
    }
}
