package dev.ringos.kernel.servers.vfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Cpio.read on damaged archives: a CpioFormatException or entries, never another exception. */
class CpioProperties {
    @Provide
    Arbitrary<List<CpioEntry>> entries() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcz._-\u00e9").ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.equals(".") && !s.equals(".."));
        Arbitrary<String> paths = names.list().ofMinSize(1).ofMaxSize(3).map(parts -> "/" + String.join("/", parts));
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        Arbitrary<Integer> types = Arbitraries.of(CpioEntry.S_IFREG, CpioEntry.S_IFDIR, CpioEntry.S_IFLNK);
        Arbitrary<Integer> perms = Arbitraries.integers().between(0, 07777);
        return Combinators.combine(paths, types, perms, data)
                .as((path, type, perm, bytes) -> new CpioEntry(path, type | perm,
                        type == CpioEntry.S_IFDIR ? new byte[0] : bytes))
                .list().ofMaxSize(6);
    }

    private static byte[] write(List<CpioEntry> entries) {
        Cpio.Writer writer = new Cpio.Writer();
        entries.forEach(e -> writer.add(e.path(), e.mode(), e.data()));
        return writer.toBytes();
    }

    @Property(tries = 300)
    void writtenArchivesReadBack(@ForAll("entries") List<CpioEntry> entries) throws CpioFormatException {
        assertThat(Cpio.read(write(entries))).isEqualTo(entries);
    }

    /** One damage: overwrite, insert or delete a byte, or cut the archive short. */
    record Mutation(int kind, int position, byte value) {
        byte[] apply(byte[] archive) {
            int at = Math.floorMod(position, archive.length + 1);
            List<Byte> bytes = new ArrayList<>(archive.length + 1);
            for (byte b : archive) {
                bytes.add(b);
            }
            switch (kind) {
                case 0 -> { if (at < bytes.size()) bytes.set(at, value); }
                case 1 -> bytes.add(at, value);
                case 2 -> { if (at < bytes.size()) bytes.remove(at); }
                default -> bytes.subList(at, bytes.size()).clear();
            }
            byte[] out = new byte[bytes.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = bytes.get(i);
            }
            return out;
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        // Hex digits and NULs as replacement bytes keep the damage past the first checks more often.
        Arbitrary<Byte> values = Arbitraries.oneOf(Arbitraries.bytes(),
                Arbitraries.of((byte) '0', (byte) 'F', (byte) 'f', (byte) '9', (byte) 0));
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().greaterOrEqual(0), values)
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 2000)
    void damagedArchivesFailOnlyWithCpioFormatException(@ForAll("entries") List<CpioEntry> entries,
            @ForAll("mutations") List<Mutation> mutations) {
        byte[] archive = write(entries);
        for (Mutation m : mutations) {
            archive = m.apply(archive);
        }
        try {
            Cpio.read(archive);
        } catch (CpioFormatException expected) {
            assertThat(expected.getMessage()).contains("offset");
        }
    }

    @Property(tries = 500)
    void randomBytesFailOnlyWithCpioFormatException(@ForAll byte[] garbage) {
        byte[] withMagic = new byte[garbage.length + 6];
        System.arraycopy("070701".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, withMagic, 0, 6);
        System.arraycopy(garbage, 0, withMagic, 6, garbage.length);
        for (byte[] input : List.of(garbage, withMagic)) {
            try {
                Cpio.read(input);
            } catch (CpioFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
