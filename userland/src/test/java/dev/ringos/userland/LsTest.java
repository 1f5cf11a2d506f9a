package dev.ringos.userland;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.kernel.servers.vfs.CpioEntry;
import org.junit.jupiter.api.Test;

/** /bin/ls: names, -a, -1, -l with modes, links, owners, sizes, times and link targets. */
class LsTest {

    private static void expect(Bin.Result r, int status, String out, String err) {
        assertThat(r.err()).isEqualTo(err);
        assertThat(r.out()).isEqualTo(out);
        assertThat(r.status()).isEqualTo(status);
    }

    private static Bin tree() {
        return Bin.system().directory("/t").file("/t/b", "bee\n").file("/t/a", "").file("/t/.hidden", "")
                .directory("/t/d").entry("/t/l", CpioEntry.S_IFLNK | 0777, "b")
                .entry("/t/x", CpioEntry.S_IFREG | 04755, "0123456789");
    }

    @Test
    void listsNamesSorted() {
        expect(tree().run("ls /t"), 0, "a\nb\nd\nl\nx\n", "");
        expect(tree().run("ls -1a /t"), 0, ".\n..\n.hidden\na\nb\nd\nl\nx\n", "");
        expect(tree().run("ls /t/b /t/d /t/a"), 0, "/t/a\n/t/b\n\n/t/d:\n", "");
        expect(tree().run("ls /t/nope /t/a"), 2, "/t/a\n",
                "ls: cannot access '/t/nope': No such file or directory\n");
        expect(tree().run("ls -z"), 2, "", "ls: invalid option -- 'z'\n");
    }

    @Test
    void longListing() {
        Bin.Result r = tree().run("ls -l /t");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        // the image's files carry the cpio's time, 0: 1970-01-01 00:00 UTC
        assertThat(r.out()).isEqualTo("total 5\n"
                + "-rw-r--r-- 1 root root    0 Jan  1 00:00 a\n"
                + "-rw-r--r-- 1 root root    4 Jan  1 00:00 b\n"
                + "drwxr-xr-x 2 root root 4096 Jan  1 00:00 d\n"
                + "lrwxrwxrwx 1 root root    1 Jan  1 00:00 l -> b\n"
                + "-rwsr-xr-x 1 root root   10 Jan  1 00:00 x\n");
        assertThat(tree().run("ls -l /t/l").out()).endsWith(" /t/l -> b\n");
    }
}
