package dev.ringos.userland;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The utilities of /bin that make and remove files: mkdir, rmdir, rm, touch; messages as GNU coreutils'. */
class FileUtilitiesTest {

    private static void expect(Bin.Result r, int status, String out, String err) {
        assertThat(r.err()).isEqualTo(err);
        assertThat(r.out()).isEqualTo(out);
        assertThat(r.status()).isEqualTo(status);
    }

    @Test
    void mkdirMakesDirectoriesAndWithPTheirParents() {
        expect(Bin.system().run("mkdir /tmp/a ; mkdir /tmp/a/b ; cd ; rmdir /tmp/a/b /tmp/a ; rmdir /tmp/a"),
                1, "[127]\n", "run: cd: not found\nrmdir: failed to remove '/tmp/a': No such file or directory\n");
        expect(Bin.system().run("mkdir /tmp/x ; mkdir /tmp/x"), 1, "",
                "mkdir: cannot create directory '/tmp/x': File exists\n");
        expect(Bin.system().run("mkdir /tmp/q/r"), 1, "",
                "mkdir: cannot create directory '/tmp/q/r': No such file or directory\n");
        expect(Bin.system().run("mkdir -p /tmp/q/r/s ; mkdir -p /tmp/q/r/s ; rmdir /tmp/q/r/s /tmp/q/r /tmp/q"), 0, "", "");
        expect(Bin.system().file("/tmp/f", "").run("mkdir -p /tmp/f"), 1, "",
                "mkdir: cannot create directory '/tmp/f': File exists\n");
        expect(Bin.system().run("mkdir"), 2, "", "mkdir: missing operand\n");
        expect(Bin.system().run("mkdir -z x"), 2, "", "mkdir: invalid option -- 'z'\n");
    }

    @Test
    void rmdirRemovesOnlyEmptyDirectories() {
        expect(Bin.system().directory("/tmp/d").file("/tmp/d/f", "").run("rmdir /tmp/d"), 1, "",
                "rmdir: failed to remove '/tmp/d': Directory not empty\n");
        expect(Bin.system().file("/tmp/f", "").run("rmdir /tmp/f"), 1, "",
                "rmdir: failed to remove '/tmp/f': Not a directory\n");
    }

    @Test
    void rmRemovesFilesAndWithRWholeTrees() {
        Bin tree = Bin.system().directory("/tmp/d").directory("/tmp/d/e").file("/tmp/d/e/f", "x")
                .file("/tmp/d/g", "y").file("/tmp/h", "z");
        expect(tree.run("rm /tmp/h ; cat /tmp/h"), 1, "", "cat: /tmp/h: No such file or directory\n");
        expect(tree.run("rm /tmp/d"), 1, "", "rm: cannot remove '/tmp/d': Is a directory\n");
        expect(tree.run("rm -r /tmp/d ; cat /tmp/d/g"), 1, "", "cat: /tmp/d/g: No such file or directory\n");
        expect(tree.run("rm -rf /tmp/d /tmp/nothing ; rmdir /tmp/d"), 1, "",
                "rmdir: failed to remove '/tmp/d': No such file or directory\n");
        expect(Bin.system().run("rm /tmp/nothing"), 1, "",
                "rm: cannot remove '/tmp/nothing': No such file or directory\n");
        expect(Bin.system().run("rm -f"), 0, "", "");
        expect(Bin.system().run("rm"), 1, "", "rm: missing operand\n");
    }

    @Test
    void touchMakesEmptyFilesAndKeepsWhatIsThere() {
        expect(Bin.system().file("/tmp/a", "keep\n").run("touch /tmp/a /tmp/b ; cat /tmp/a /tmp/b"), 0, "keep\n", "");
        expect(Bin.system().run("touch -c /tmp/n ; cat /tmp/n"), 1, "", "cat: /tmp/n: No such file or directory\n");
        expect(Bin.system().run("touch /nodir/x"), 1, "",
                "touch: cannot touch '/nodir/x': No such file or directory\n");
    }
}
