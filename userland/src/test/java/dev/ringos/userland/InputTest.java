package dev.ringos.userland;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** read_line, getchar and fgetc (input.inc) over the input the host gives and over files. */
class InputTest {
    private static GuestHarness input(String text) {
        return GuestHarness.program("input_test").input(text);
    }

    @Test
    void readLineGivesLinesWithTheirNewlineAndLongOnesInPieces() {
        GuestHarness.Result r = input("one\n\nthree is a longer line than fifteen\nlast").run("lines");
        assertThat(r.out()).isEqualTo("""
                4 [one\\n]
                1 [\\n]
                15 [three is a long]
                15 [er line than fi]
                6 [fteen\\n]
                4 [last]
                end: 0
                """);
    }

    @Test
    void readLineWithAFinalNewlineEndsCleanly() {
        assertThat(input("a\nb\n").run("lines").out()).isEqualTo("""
                2 [a\\n]
                2 [b\\n]
                end: 0
                """);
        assertThat(input("").run("lines").out()).isEqualTo("end: 0\n");
    }

    @Test
    void getcharReadsEveryByteThenKeepsSayingEof() {
        assertThat(input("ab\ncd").run("chars").out()).isEqualTo("ab|cd5 characters, then -1\n");
    }

    @Test
    void unbufferedInputLeavesTheRestForAnExecdProgram() {
        GuestHarness.Result r = input("first\nsecond\nthird\n").run("share");
        assertThat(r.out()).isEqualTo("""
                setvbuf -> 0
                parent read [first
                ]
                7 [second\\n]
                6 [third\\n]
                end: 0
                """);
    }

    @Test
    void bufferedInputKeepsWhatItReadAhead() {
        GuestHarness.Result r = input("first\nsecond\nthird\n").run("keep");
        assertThat(r.out()).isEqualTo("""
                parent read [first
                ]
                end: 0
                """);
    }

    @Test
    void readLineOnAFileAndItsErrors() {
        GuestHarness.Result r = GuestHarness.program("input_test").file("/data/lines", "alpha\nbeta\ngamma").run("file");
        assertThat(r.out()).isEqualTo("""
                6 [alpha\\n]
                5 [beta\\n]
                5 [gamma]
                end: 0
                read_line(closed) -> -1 errno 9
                read_line(size 1) -> -1 errno 22
                fgetc(40) -> -1 errno 9
                fgetc -> a
                then read_line [lpha
                ]
                after lseek [alpha
                ]
                """);
    }
}
