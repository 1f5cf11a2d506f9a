package dev.ringos.userland;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The utilities of /bin that read and write text: wc, head, tail, seq, yes; expected texts are GNU coreutils'. */
class TextUtilitiesTest {

    private static void expect(Bin.Result r, int status, String out, String err) {
        assertThat(r.err()).isEqualTo(err);
        assertThat(r.out()).isEqualTo(out);
        assertThat(r.status()).isEqualTo(status);
    }

    private static Bin files() {
        return Bin.system().file("/tmp/w1", "a b\nc\n").file("/tmp/w2", "hello world foo\n");
    }

    @Test
    void wcCountsAsGnuWcDoes() {
        expect(files().input("a b\nc\n").run("wc"), 0, "      2       3       6\n", "");
        expect(files().run("wc /tmp/w1"), 0, "2 3 6 /tmp/w1\n", "");
        expect(files().run("wc -l /tmp/w1"), 0, "2 /tmp/w1\n", "");
        expect(files().run("wc /tmp/w1 /tmp/w2"), 0,
                " 2  3  6 /tmp/w1\n 1  3 16 /tmp/w2\n 3  6 22 total\n", "");
        expect(files().run("wc -lc /tmp/w1 /tmp/w2"), 0, " 2  6 /tmp/w1\n 1 16 /tmp/w2\n 3 22 total\n", "");
        expect(files().input("x").run("wc -l"), 0, "0\n", "");
        expect(files().input("").run("wc -l /tmp/w1 -"), 0, "      2 /tmp/w1\n      0 -\n      2 total\n", "");
        expect(files().run("wc -w /nope"), 1, "", "wc: /nope: No such file or directory\n");
    }

    @Test
    void headAndTail() {
        Bin b = files().file("/tmp/n", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n");
        expect(b.run("head /tmp/n"), 0, "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "");
        expect(b.run("head -n 2 /tmp/n"), 0, "1\n2\n", "");
        expect(b.run("head -n 1 /tmp/w1 /tmp/w2"), 0, "==> /tmp/w1 <==\na b\n\n==> /tmp/w2 <==\nhello world foo\n", "");
        expect(b.input("x\ny\n").run("head -n1"), 0, "x\n", "");
        expect(b.run("head -n x /tmp/n"), 1, "", "head: invalid number of lines: 'x'\n");
        expect(b.run("tail /tmp/n"), 0, "3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "");
        expect(b.run("tail -n 2 /tmp/n"), 0, "11\n12\n", "");
        expect(b.run("tail -n +11 /tmp/n"), 0, "11\n12\n", "");
        expect(b.input("a\nb\nc").run("tail -n 2"), 0, "b\nc", "");
        expect(b.run("tail -n 1 /tmp/w1 /tmp/w2"), 0, "==> /tmp/w1 <==\nc\n\n==> /tmp/w2 <==\nhello world foo\n", "");
        expect(b.run("tail -n 0 /tmp/n"), 0, "", "");
        expect(b.run("head -n 3 /tmp/nope"), 1, "",
                "head: cannot open '/tmp/nope': No such file or directory\n");
    }

    @Test
    void seq() {
        expect(Bin.system().run("seq 3"), 0, "1\n2\n3\n", "");
        expect(Bin.system().run("seq 2 3 10"), 0, "2\n5\n8\n", "");
        expect(Bin.system().run("seq -2 0"), 0, "-2\n-1\n0\n", "");
        expect(Bin.system().run("seq 3 1"), 0, "", "");
        expect(Bin.system().run("seq 5 -2 1"), 0, "5\n3\n1\n", "");
        expect(Bin.system().run("seq"), 1, "", "seq: missing operand\n");
        expect(Bin.system().run("seq x"), 1, "", "seq: invalid argument: 'x'\n");
    }

    @Test
    void yesRepeatsUntilTheReaderGoes() {
        expect(Bin.system().run("yes | head -n 2"), 0, "y\ny\n", "");
        expect(Bin.system().run("yes a b | head -n 3"), 0, "a b\na b\na b\n", "");
    }
}
