package dev.ringos.userland;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The simplest utilities of /bin: echo, cat, true, false, pwd, yes; expected texts are GNU coreutils'. */
class UtilitiesTest {

    private static void expect(Bin.Result r, int status, String out, String err) {
        assertThat(r.err()).isEqualTo(err);
        assertThat(r.out()).isEqualTo(out);
        assertThat(r.status()).isEqualTo(status);
    }

    @Test
    void echo() {
        expect(Bin.system().words("echo", "a  b", "c"), 0, "a  b c\n", "");
        expect(Bin.system().run("echo -n x y"), 0, "x y", "");
        expect(Bin.system().run("echo -x -n"), 0, "-x -n\n", "");
        expect(Bin.system().run("echo"), 0, "\n", "");
        assertThat(Bin.system().run("echo --help").out()).startsWith("Usage: echo [-n]");
    }

    @Test
    void cat() {
        Bin b = Bin.system().file("/tmp/a", "one\n").file("/tmp/b", "two").input("in\n");
        expect(b.run("cat /tmp/a - /tmp/b"), 0, "one\nin\ntwo", "");
        expect(Bin.system().input("x\ny\n").run("cat"), 0, "x\ny\n", "");
        expect(Bin.system().file("/tmp/a", "a\n").run("cat /nope /tmp/a"), 1, "a\n",
                "cat: /nope: No such file or directory\n");
        expect(Bin.system().run("cat -z"), 2, "", "cat: invalid option -- 'z'\n");
        assertThat(Bin.system().run("cat --help")).satisfies(r -> {
            assertThat(r.status()).isZero();
            assertThat(r.out()).startsWith("Usage: cat [FILE]...");
        });
    }

    @Test
    void trueAndFalse() {
        expect(Bin.system().run("true ; false"), 1, "", "");
        expect(Bin.system().run("false ; true x"), 0, "[1]\n", "");
        assertThat(Bin.system().run("false --help").status()).isZero();
    }
}
