package dev.ringos.asm.assembler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.asm.Assembler;
import dev.ringos.asm.Diagnostics;
import dev.ringos.asm.elf.Executable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessorTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private String code(Path file, List<Path> includeDirs) {
        Diagnostics d = new Diagnostics();
        Executable e = Assembler.assembleFile(file, includeDirs, d);
        assertThat(d.render()).isEmpty();
        return Asm.hex(e.segments().get(0).data());
    }

    private String errors(Path file, List<Path> includeDirs) {
        Diagnostics d = new Diagnostics();
        assertThat(Assembler.assembleFile(file, includeDirs, d)).isNull();
        return d.render().replace(dir.toString() + "/", "");
    }

    @Test
    void defineReplacesWholeNamesOutsideStrings() throws IOException {
        Path f = write("a.s", """
                %define SYS_EXIT 1
                %define STATUS SYS_EXIT + 2
                mov eax, SYS_EXIT
                mov ebx, STATUS
                db 'SYS_EXIT', SYS_EXIT_X
                SYS_EXIT_X equ 9
                """);
        assertThat(code(f, List.of())).isEqualTo("B8 01 00 00 00 BB 03 00 00 00 53 59 53 5F 45 58 49 54 09");
    }

    @Test
    void aDefineThatMentionsItselfExpandsOnceAsInNasm() throws IOException {
        Path f = write("self.s", "%define X X+1\n%define TWICE TWICE+TWICE\ndd X, TWICE\n");
        assertThat(errors(f, List.of())).isEqualTo("self.s:3:4: error: undefined symbol 'X'\n"
                + "dd X+1, TWICE+TWICE\n   ^\n");
    }

    @Test
    void macrosTakeParametersAndGetFreshLocalLabels() throws IOException {
        Path f = write("m.s", """
                %macro exit 1
                    mov ebx, %1
                    mov eax, 1
                    int 0x80
                %endmacro
                %macro spin 0
                %%again: dec ecx
                    jnz %%again
                %endmacro
                    spin
                    spin
                    exit 3
                """);
        assertThat(code(f, List.of())).isEqualTo("49 75 FD 49 75 FD BB 03 00 00 00 B8 01 00 00 00 CD 80");
    }

    @Test
    void includeLooksNextToTheFileThenInTheIncludeDirectories() throws IOException {
        write("lib/sys.inc", "%define SYS_WRITE 4\n");
        write("src/local.inc", "nop\n");
        Path f = write("src/main.s", "%include \"local.inc\"\n%include \"sys.inc\"\nmov eax, SYS_WRITE\n");
        assertThat(code(f, List.of(dir.resolve("lib")))).isEqualTo("90 B8 04 00 00 00");
    }

    @Test
    void ifdefChoosesABranch() throws IOException {
        Path f = write("c.s", """
                %define DEBUG
                %ifdef DEBUG
                    int3
                %else
                    nop
                %endif
                %ifndef DEBUG
                    hlt
                %endif
                """);
        assertThat(code(f, List.of())).isEqualTo("CC");
    }

    @Test
    void aMissingIncludeIsReportedWithWhereItWasSearched() throws IOException {
        Path f = write("i.s", "nop\n%include \"nope.inc\"\n");
        assertThat(errors(f, List.of())).isEqualTo("i.s:2:1: error: cannot find include file 'nope.inc' "
                + "(searched " + dir + ")\n%include \"nope.inc\"\n^\n");
    }

    @Test
    void aRecursiveIncludeIsReported() throws IOException {
        write("a.inc", "%include \"b.inc\"\n");
        write("b.inc", "  %include \"a.inc\"\n");
        Path f = write("r.s", "%include \"a.inc\"\n");
        assertThat(errors(f, List.of())).isEqualTo("b.inc:1:3: error: 'a.inc' is already being included: "
                + "recursive %include\n  %include \"a.inc\"\n  ^\n");
    }

    @Test
    void aMacroCalledWithTheWrongNumberOfArgumentsIsReported() throws IOException {
        Path f = write("n.s", "%macro exit 1\n  mov ebx, %1\n%endmacro\n  exit 1, 2\n");
        assertThat(errors(f, List.of())).isEqualTo("n.s:4:3: error: macro 'exit' takes 1 argument, got 2 "
                + "(defined at n.s:1)\n  exit 1, 2\n  ^\n");
    }

    @Test
    void aMacroThatCallsItselfStopsAtTheRecursionLimit() throws IOException {
        Path f = write("x.s", "%macro forever 0\n  forever\n%endmacro\nforever\n");
        assertThat(errors(f, List.of())).isEqualTo("x.s:4:1: error: macro 'forever' nested more than 64 deep: "
                + "does it call itself?\nforever\n^\n");
    }

    @Test
    void aMacroThatCallsItselfTwiceIsStoppedOnceNotExponentially() throws IOException {
        Path f = write("y.s", "%macro twice 0\n  twice\n  twice\n%endmacro\n  twice\n");
        assertThat(errors(f, List.of())).isEqualTo("y.s:5:3: error: macro 'twice' nested more than 64 deep: "
                + "does it call itself?\n  twice\n  ^\n");
    }

    @Test
    void errorsInsideAMacroPointAtTheLineThatCalledIt() throws IOException {
        Path f = write("e.s", "%macro load 1\n  mov al, %1\n%endmacro\nnop\nload 300\n");
        assertThat(errors(f, List.of())).isEqualTo("e.s:5:11: error: operand out of range for 'mov' (al, imm): "
                + "300 does not fit in 8 bits\n  mov al, 300\n          ^\n");
    }

    @Test
    void unbalancedConditionalsAndMacrosAreReported() throws IOException {
        Path f = write("u.s", "%else\n%define X\n%ifdef X\nnop\n%macro open 0\nnop\n");
        assertThat(errors(f, List.of())).isEqualTo("""
                u.s:1:1: error: %else without %ifdef
                %else
                ^
                u.s:5:1: error: macro 'open' has no %endmacro
                %macro open 0
                ^
                u.s:3:1: error: %ifdef without %endif
                %ifdef X
                ^
                """);
    }

    @Test
    void anUnknownDirectiveIsReported() throws IOException {
        Path f = write("d.s", "  %assign X 1\n");
        assertThat(errors(f, List.of())).isEqualTo("""
                d.s:1:3: error: unknown preprocessor directive '%assign'
                  %assign X 1
                  ^
                """);
    }
}
