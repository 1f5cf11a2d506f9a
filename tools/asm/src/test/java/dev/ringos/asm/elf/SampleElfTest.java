package dev.ringos.asm.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The writer's output for the sample is committed (src/test/resources/oracle/sample.elf, and
 * what readelf prints for it in readelf-sample.txt), so any change of layout shows up here, even
 * where readelf is not installed. After an intended change, regenerate both and review the diff:
 *
 * <pre>
 * mvn -B -o test -pl tools/asm -Dtest=SampleElfTest -Dringos.elf.updateOracle=true
 * cd tools/asm/src/test/resources/oracle
 * readelf -h -l -S -s -W sample.elf > readelf-sample.txt
 * readelf --version | head -1 > readelf-version.txt
 * </pre>
 */
class SampleElfTest {

    private static final Path ORACLE = Path.of("src/test/resources/oracle");

    @Test
    void theWriterProducesTheCommittedSampleByteForByte() throws IOException {
        byte[] written = ElfWriter.write(SampleExecutables.sample());
        if (Boolean.getBoolean("ringos.elf.updateOracle")) {
            Files.write(ORACLE.resolve("sample.elf"), written);
        }

        assertThat(written).isEqualTo(resourceBytes("oracle/sample.elf"));
    }

    @Test
    void theCommittedSampleReadsBackAsTheSampleExecutable() throws ElfFormatException {
        assertThat(ElfReader.read(resourceBytes("oracle/sample.elf"))).isEqualTo(SampleExecutables.sample());
    }

    static byte[] resourceBytes(String name) {
        try (InputStream in = SampleElfTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name, Charset charset) {
        return new String(resourceBytes(name), charset);
    }
}
