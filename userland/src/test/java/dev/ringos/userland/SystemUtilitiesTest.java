package dev.ringos.userland;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The utilities of /bin that tell about the system and the process: pwd, uname, hostname, id, env, sleep, yes. */
class SystemUtilitiesTest {

    private static void expect(Bin.Result r, int status, String out, String err) {
        assertThat(r.err()).isEqualTo(err);
        assertThat(r.out()).isEqualTo(out);
        assertThat(r.status()).isEqualTo(status);
    }

    @Test
    void pwd() {
        expect(Bin.system().run("pwd"), 0, "/\n", "");
        expect(Bin.system().run("pwd -x"), 2, "", "pwd: invalid option -- 'x'\n");
    }

    @Test
    void uname() {
        Bin.Result all = Bin.system().run("uname -a");
        assertThat(all.status()).isZero();
        String[] f = all.out().trim().split(" ");
        assertThat(f[0]).isEqualTo("ringos");
        expect(Bin.system().run("uname"), 0, "ringos\n", "");
        expect(Bin.system().run("uname -s -m"), 0, "ringos " + f[f.length - 1] + "\n", "");
        expect(Bin.system().run("uname -rn"), 0, f[1] + " " + f[2] + "\n", "");
        expect(Bin.system().run("uname x"), 2, "", "uname: extra operand 'x'\n");
    }

    @Test
    void hostnameIsPrintedAndSetByRoot() {
        String name = Bin.system().run("uname -n").out();
        expect(Bin.system().run("hostname"), 0, name, "");
        expect(Bin.system().run("hostname box ; hostname ; uname -n"), 0, "box\nbox\n", "");
    }

    @Test
    void id() {
        expect(Bin.system().run("id"), 0, "uid=0(root) gid=0(root) groups=0(root)\n", "");
        expect(Bin.system().run("id -u ; id -g ; id -un"), 0, "0\n0\nroot\n", "");
        expect(Bin.system().file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n")
                .file("/etc/group", "wheel:x:0:\n").run("id"), 0, "uid=0(root) gid=0(wheel) groups=0(wheel)\n", "");
    }

    @Test
    void env() {
        expect(Bin.system().env("A=1", "B=2").run("env"), 0, "A=1\nB=2\n", "");
        expect(Bin.system().env("A=1", "B=2").run("env -u A C=3"), 0, "B=2\nC=3\n", "");
        expect(Bin.system().env("A=1", "PATH=/bin").run("env -i X=y env"), 0, "X=y\n", "");
        expect(Bin.system().env("PATH=/bin").run("env echo hi"), 0, "hi\n", "");
        expect(Bin.system().env("PATH=/bin").run("env nothere"), 127, "",
                "env: nothere: No such file or directory\n");
    }

    @Test
    void sleepWaitsAndRejectsWhatIsNoTime() {
        expect(Bin.system().run("sleep 0.01 0"), 0, "", "");
        expect(Bin.system().run("sleep 1x"), 2, "", "sleep: invalid time interval '1x'\n");
        expect(Bin.system().run("sleep"), 2, "", "sleep: missing operand\n");
    }

    @Test
    void killListsSignalsAndSendsThem() {
        expect(Bin.system().run("kill -l"), 0, "HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM "
                + "STKFLT CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH POLL PWR SYS\n", "");
        expect(Bin.system().run("kill -l 9 ; kill -l SIGKILL ; kill -l 143"), 0, "KILL\n9\nTERM\n", "");
        expect(Bin.system().run("kill -0 1"), 0, "", "");
        expect(Bin.system().run("kill -s USR1 99999"), 1, "", "kill: (99999): No such process\n");
        expect(Bin.system().run("kill -FOO 1"), 2, "", "kill: unknown signal: FOO\n");
        expect(Bin.system().run("kill"), 2, "", "kill: not enough arguments\n");
    }
}
