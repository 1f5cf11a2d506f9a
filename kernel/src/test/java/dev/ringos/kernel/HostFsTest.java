package dev.ringos.kernel;

import static dev.ringos.kernel.HostFsGuest.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringos.kernel.HostFsGuest.Buffer;
import dev.ringos.kernel.HostFsGuest.Mount;
import dev.ringos.kernel.HostFsGuest.Result;
import dev.ringos.kernel.HostFsGuest.Run;
import dev.ringos.kernel.core.KernelConfig;
import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.vfs.CpioEntry;
import dev.ringos.kernel.servers.vfs.DirEntry;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.hostfs.HostFs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hostfs from ring 3: a host directory mounted with --mount, read and changed by the guest, seen from the host. */
class HostFsTest {
    @TempDir
    Path tmp;

    private Mount at(String guest) {
        return new Mount(tmp, guest, false);
    }

    @Test
    void theGuestReadsWhatTheHostPutInTheDirectory() throws IOException {
        Files.writeString(tmp.resolve("hello.txt"), "from the host");
        HostFsGuest g = new HostFsGuest();
        Buffer buf = g.buffer(64);
        Result fd = g.call("open", OPEN, "/mnt/hello.txt", O_RDONLY);
        Result n = g.call("read", READ, fd, buf, 64);
        g.show("text", buf, n);
        g.call("close", CLOSE, fd);
        Run r = g.start(at("/mnt"));

        assertThat(r.exited()).isTrue();
        assertThat(r.result("read")).isEqualTo(13);
        assertThat(r.shown("text")).isEqualTo("from the host");
        assertThat(r.result("close")).isZero();
    }

    @Test
    void whatTheGuestWritesIsInTheHostFileBeforeCloseAndStaysAfter() throws IOException {
        HostFsGuest g = new HostFsGuest();
        Result fd = g.call("open", OPEN, "/mnt/new.txt", O_WRONLY | O_CREAT | O_TRUNC, 0640);
        g.call("write", WRITE, fd, "written by the guest", 20);
        g.stop();
        g.call("more", WRITE, fd, "!", 1);
        g.call("close", CLOSE, fd);
        g.stop();
        Run r = g.start(at("/mnt"));

        Path file = tmp.resolve("new.txt");
        assertThat(Files.readString(file)).isEqualTo("written by the guest");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        r.resume();
        assertThat(r.result("close")).isZero();
        assertThat(Files.readString(file)).isEqualTo("written by the guest!");
        r.resume();
        assertThat(r.exited()).isTrue();
    }

    @Test
    void appendWritesAtTheHostFilesEndAndLseekEndSeesItsSize() throws IOException {
        Files.writeString(tmp.resolve("log"), "one\n");
        HostFsGuest g = new HostFsGuest();
        Result fd = g.call("open", OPEN, "/mnt/log", O_WRONLY | O_APPEND);
        g.call("write", WRITE, fd, "two\n", 4);
        g.call("end", LSEEK, fd, 0, 2);
        g.call("close", CLOSE, fd);
        Run r = g.start(at("/mnt"));

        assertThat(r.result("end")).isEqualTo(8);
        assertThat(Files.readString(tmp.resolve("log"))).isEqualTo("one\ntwo\n");
    }

    @Test
    void namesTheGuestMakesAndRemovesAreMadeAndRemovedOnTheHost() throws IOException {
        Files.writeString(tmp.resolve("doomed"), "x");
        Files.createDirectory(tmp.resolve("empty"));
        HostFsGuest g = new HostFsGuest();
        g.call("mkdir", MKDIR, "/mnt/dir", 0750);
        Result fd = g.call("creat", CREAT, "/mnt/dir/file", 0600);
        g.call("write", WRITE, fd, "data", 4);
        g.call("close", CLOSE, fd);
        g.call("rename", RENAME, "/mnt/dir/file", "/mnt/moved");
        g.call("symlink", SYMLINK, "some/where/../else", "/mnt/link");
        g.call("link", LINK, "/mnt/moved", "/mnt/hard");
        g.call("unlink", UNLINK, "/mnt/doomed");
        g.call("rmdir", RMDIR, "/mnt/empty");
        Buffer target = g.buffer(64);
        Result n = g.call("readlink", READLINK, "/mnt/link", target, 64);
        g.show("target", target, n);
        Buffer stat = g.buffer(96);
        g.call("stat", STAT64, "/mnt/hard", stat);
        g.field("nlink", stat, 20);
        g.field("size", stat, 44);
        Run r = g.start(at("/mnt"));

        assertThat(r.results()).containsEntry("mkdir", 0).containsEntry("rename", 0).containsEntry("symlink", 0)
                .containsEntry("link", 0).containsEntry("unlink", 0).containsEntry("rmdir", 0);
        assertThat(Files.isDirectory(tmp.resolve("dir"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("dir")))).isEqualTo("rwxr-x---");
        assertThat(tmp.resolve("dir/file")).doesNotExist();
        assertThat(Files.readString(tmp.resolve("moved"))).isEqualTo("data");
        assertThat(Files.readSymbolicLink(tmp.resolve("link")).toString()).isEqualTo("some/where/../else");
        assertThat(Files.isSameFile(tmp.resolve("moved"), tmp.resolve("hard"))).isTrue();
        assertThat(tmp.resolve("doomed")).doesNotExist();
        assertThat(tmp.resolve("empty")).doesNotExist();
        assertThat(r.shown("target")).isEqualTo("some/where/../else");
        assertThat(r.result("nlink")).isEqualTo(2);
        assertThat(r.result("size")).isEqualTo(4);
    }

    @Test
    void truncateChmodAndStatActOnTheHostFile() throws IOException {
        Files.writeString(tmp.resolve("t.txt"), "0123456789");
        Files.writeString(tmp.resolve("f.txt"), "abc");
        HostFsGuest g = new HostFsGuest();
        g.call("truncate", TRUNCATE, "/mnt/t.txt", 3);
        Result fd = g.call("open", OPEN, "/mnt/f.txt", O_RDWR);
        g.call("ftruncate", FTRUNCATE, fd, 6);
        g.call("close", CLOSE, fd);
        g.call("chmod", CHMOD, "/mnt/t.txt", 0604);
        g.call("chmodsuid", CHMOD, "/mnt/f.txt", 04755);
        g.call("chown", CHOWN, "/mnt/t.txt", 1000, 1000);
        g.call("chownroot", CHOWN, "/mnt/t.txt", 0, 0);
        Buffer stat = g.buffer(96);
        g.call("stat", STAT64, "/mnt/t.txt", stat);
        g.field("mode", stat, 16);
        g.field("uid", stat, 24);
        g.field("size", stat, 44);
        g.call("statf", STAT64, "/mnt/f.txt", stat);
        g.field("modef", stat, 16);
        Run r = g.start(at("/mnt"));

        assertThat(r.results()).containsEntry("truncate", 0).containsEntry("ftruncate", 0).containsEntry("chmod", 0)
                .containsEntry("chmodsuid", 0).containsEntry("chown", EPERM).containsEntry("chownroot", 0);
        assertThat(Files.readString(tmp.resolve("t.txt"))).isEqualTo("012");
        assertThat(Files.readAllBytes(tmp.resolve("f.txt"))).containsExactly('a', 'b', 'c', 0, 0, 0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("t.txt")))).isEqualTo("rw----r--");
        // No set-user-ID bit ever reaches the host, nor is one shown.
        assertThat(Files.getAttribute(tmp.resolve("f.txt"), "unix:mode")).isEqualTo(0100755);
        assertThat(r.result("mode")).isEqualTo(0100604);
        assertThat(r.result("uid")).isZero();
        assertThat(r.result("size")).isEqualTo(3);
        assertThat(r.result("modef")).isEqualTo(0100755);
    }

    @Test
    void aHostSymlinkWithinTheMountLeadsWhereItSaysInTheGuest() throws IOException {
        Files.createDirectories(tmp.resolve("a/b"));
        Files.writeString(tmp.resolve("a/b/target.txt"), "found");
        Files.createSymbolicLink(tmp.resolve("rel"), Path.of("a/b/target.txt"));
        Files.createSymbolicLink(tmp.resolve("a/b/back"), Path.of("../../rel"));
        HostFsGuest g = new HostFsGuest();
        Buffer buf = g.buffer(64);
        Result fd = g.call("open", OPEN, "/mnt/a/b/back", O_RDONLY);
        Result n = g.call("read", READ, fd, buf, 64);
        g.show("text", buf, n);
        Result m = g.call("readlink", READLINK, "/mnt/a/b/back", buf, 64);
        g.show("link", buf, m);
        Run r = g.start(at("/mnt"));

        assertThat(r.shown("text")).isEqualTo("found");
        assertThat(r.shown("link")).isEqualTo("../../rel");
    }

    @Test
    void getcwdNamesADirectoryDeepInTheMount() throws IOException {
        Files.createDirectories(tmp.resolve("one/two/three"));
        Files.createFile(tmp.resolve("one/two/a"));
        HostFsGuest g = new HostFsGuest();
        g.call("chdir", CHDIR, "/mnt/one/two/three");
        Buffer buf = g.buffer(128);
        Result n = g.call("getcwd", GETCWD, buf, 128);
        g.show("cwd", buf, n);
        g.call("up", CHDIR, "../../..");
        Result m = g.call("getcwd2", GETCWD, buf, 128);
        g.show("cwd2", buf, m);
        Run r = g.start(at("/mnt"));

        assertThat(r.shown("cwd")).isEqualTo("/mnt/one/two/three\0");
        assertThat(r.shown("cwd2")).isEqualTo("/mnt\0");
    }

    @Test
    void aReadOnlyMountRefusesEveryKindOfWriteWithEroFsAndLeavesTheHostAlone() throws IOException {
        Files.writeString(tmp.resolve("file"), "keep");
        Files.createDirectory(tmp.resolve("dir"));
        Map<String, String> before = snapshot(tmp);
        HostFsGuest g = new HostFsGuest();
        g.call("wronly", OPEN, "/ro/file", O_WRONLY);
        g.call("rdwr", OPEN, "/ro/file", O_RDWR);
        g.call("trunc", OPEN, "/ro/file", O_WRONLY | O_TRUNC);
        g.call("create", OPEN, "/ro/new", O_WRONLY | O_CREAT, 0644);
        g.call("creat", CREAT, "/ro/new2", 0644);
        g.call("mkdir", MKDIR, "/ro/newdir", 0755);
        g.call("rmdir", RMDIR, "/ro/dir");
        g.call("unlink", UNLINK, "/ro/file");
        g.call("rename", RENAME, "/ro/file", "/ro/renamed");
        g.call("link", LINK, "/ro/file", "/ro/linked");
        g.call("symlink", SYMLINK, "file", "/ro/sym");
        g.call("truncate", TRUNCATE, "/ro/file", 0);
        g.call("chmod", CHMOD, "/ro/file", 0777);
        g.call("chown", CHOWN, "/ro/file", 0, 0);
        g.call("mknod", MKNOD, "/ro/fifo", 0010644, 0);
        Result fd = g.call("rdonly", OPEN, "/ro/file", O_RDONLY);
        g.call("write", WRITE, fd, "x", 1);
        g.call("ftruncate", FTRUNCATE, fd, 0);
        Run r = g.start(new Mount(tmp, "/ro", true));

        assertThat(r.results()).containsEntry("wronly", EROFS).containsEntry("rdwr", EROFS)
                .containsEntry("trunc", EROFS).containsEntry("create", EROFS).containsEntry("creat", EROFS)
                .containsEntry("mkdir", EROFS).containsEntry("rmdir", EROFS).containsEntry("unlink", EROFS)
                .containsEntry("rename", EROFS).containsEntry("link", EROFS).containsEntry("symlink", EROFS)
                .containsEntry("truncate", EROFS).containsEntry("chmod", EROFS).containsEntry("chown", EROFS)
                .containsEntry("mknod", EROFS).containsEntry("write", EBADF);
        assertThat(r.result("rdonly")).isPositive();
        assertThat(r.result("ftruncate")).isNegative();
        assertThat(snapshot(tmp)).isEqualTo(before);
    }

    @Test
    void theGuestMayMountOnlyWhatTheHostExported() throws IOException {
        Path exported = Files.createDirectory(tmp.resolve("exported"));
        Files.createDirectory(exported.resolve("sub"));
        Files.writeString(exported.resolve("data"), "shared");
        Files.writeString(tmp.resolve("private"), "not exported");
        String source = exported.toRealPath().toString();
        HostFsGuest g = new HostFsGuest();
        g.call("mkdir", MKDIR, "/again", 0755);
        g.call("parent", MOUNT, tmp.toRealPath().toString(), "/again", "hostfs", 0, 0);
        g.call("root", MOUNT, "/", "/again", "hostfs", 0, 0);
        g.call("below", MOUNT, source + "/sub", "/again", "hostfs", 0, 0);
        g.call("dotdot", MOUNT, source + "/..", "/again", "hostfs", 0, 0);
        g.call("exported", MOUNT, source, "/again", "hostfs", 1, 0);
        Buffer buf = g.buffer(64);
        Result fd = g.call("open", OPEN, "/again/data", O_RDONLY);
        Result n = g.call("read", READ, fd, buf, 64);
        g.show("data", buf, n);
        g.call("write", OPEN, "/again/data", O_WRONLY);
        Run r = g.start(new Mount(exported, "/mnt", false));

        assertThat(r.results()).containsEntry("parent", ENOENT).containsEntry("root", ENOENT)
                .containsEntry("below", ENOENT).containsEntry("dotdot", ENOENT).containsEntry("exported", 0)
                .containsEntry("write", EROFS);
        assertThat(r.shown("data")).isEqualTo("shared");
    }

    @Test
    void mountingABadDirectoryOrGuestPathIsRefusedWithAReason() throws IOException {
        Files.writeString(tmp.resolve("plain"), "x");
        LiveGuest guest = new LiveGuest(KernelConfig.defaults(), "/bin/x", "global _start\n_start: hlt\n",
                new CpioEntry("/etc/passwd", CpioEntry.S_IFREG | 0644, new byte[0]));
        Kernel kernel = guest.kernel;

        assertThatThrownBy(() -> kernel.mountHost(tmp.resolve("missing"), "/mnt", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such directory");
        assertThatThrownBy(() -> kernel.mountHost(tmp.resolve("plain"), "/mnt", false))
                .hasMessageContaining("not a directory");
        assertThatThrownBy(() -> kernel.mountHost(tmp, "mnt", false)).hasMessageContaining("absolute");
        assertThatThrownBy(() -> kernel.mountHost(tmp, "/", false)).hasMessageContaining("absolute");
        assertThatThrownBy(() -> kernel.mountHost(tmp, "/mnt/../x", false)).hasMessageContaining("..");
        assertThatThrownBy(() -> kernel.mountHost(tmp, "/no/such/place", false))
                .hasMessageContaining("parent directory is not in the guest");
        assertThatThrownBy(() -> kernel.mountHost(tmp, "/etc/passwd", false))
                .hasMessageContaining("not a directory in the guest");
    }

    @Test
    void aProgramOnTheHostRunsInTheGuest() throws IOException {
        byte[] program = GuestRun.assemble("/hello", GuestLib.with("""
                global _start
                _start:
                        say "hello from a host file"
                        mov eax, SYS_EXIT
                        mov ebx, 3
                        int 0x80
                """));
        Path file = Files.write(tmp.resolve("hello"), program);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        CapturedConsole console = new CapturedConsole("");
        Kernel kernel = new Kernel(KernelConfig.defaults(),
                List.of(new CpioEntry(Kernel.INIT, CpioEntry.S_IFREG | 0755, Kernel.runInit())), console, line -> { });
        kernel.mountHost(tmp, "/host", true);
        assertThat(kernel.start(List.of(Kernel.INIT, "/host/hello"), List.of(), false)).isZero();
        RunResult end = RunResult.BUDGET;
        while (end == RunResult.BUDGET) {
            end = kernel.run(100_000_000L);
        }

        assertThat(end).isEqualTo(RunResult.SHUTDOWN);
        assertThat(kernel.core().shutdownStatus()).isEqualTo(3);
        assertThat(console.out.toString(StandardCharsets.UTF_8)).isEqualTo("hello from a host file");
    }

    @Test
    void theSameHostFileIsTheSameInodeByEveryNameAndAfterAHostRename() throws Exception {
        Files.writeString(tmp.resolve("a"), "x");
        Files.createLink(tmp.resolve("b"), tmp.resolve("a"));
        Files.createDirectories(tmp.resolve("d/inner"));
        HostFs fs = HostFs.open(tmp, false);
        Inode root = fs.root();
        Inode a = root.lookup("a");
        Inode d = root.lookup("d");
        Inode inner = d.lookup("inner");

        assertThat(root.lookup("a")).isSameAs(a);
        assertThat(root.lookup("b")).isSameAs(a);
        assertThat(a.nlink()).isEqualTo(2);
        Files.move(tmp.resolve("d"), tmp.resolve("e"));
        assertThat(root.lookup("d")).isNull();
        assertThat(root.lookup("e")).isSameAs(d);
        assertThat(d.lookup("inner")).isSameAs(inner);
        assertThat(inner.parent()).isSameAs(d);
        assertThat(d.parent()).isSameAs(root);
        assertThat(root.list()).extracting(DirEntry::name).containsExactly("a", "b", "e");
        assertThat(root.list()).extracting(DirEntry::ino).contains(a.ino(), d.ino());
        root.unlink("a");
        assertThat(root.lookup("b")).isSameAs(a);
        assertThat(root.lookup("a")).isNull();
    }

    @Test
    void namesOutsideAsciiAreTheSameBytesOnBothSides() throws IOException {
        Files.writeString(tmp.resolve("\u00fcber"), "umlaut");
        HostFsGuest g = new HostFsGuest();
        Buffer buf = g.buffer(64);
        Result fd = g.call("open", OPEN, "/mnt/\u00fcber", O_RDONLY);
        Result n = g.call("read", READ, fd, buf, 64);
        g.show("text", buf, n);
        g.call("creat", CREAT, "/mnt/caf\u00e9.txt", 0644);
        Run r = g.start(at("/mnt"));

        assertThat(r.shown("text")).isEqualTo("umlaut");
        assertThat(r.result("creat")).isPositive();
        assertThat(tmp.resolve("caf\u00e9.txt")).exists();
    }

    @Test
    void aWriteAtAnOffsetPastAnyFilesEndIsEfbig() throws IOException {
        HostFsGuest g = new HostFsGuest();
        Result fd = g.call("open", OPEN, "/mnt/f", O_RDWR | O_CREAT, 0644);
        Buffer result = g.buffer(8);
        g.call("seek", 140, fd, 0x7FFFFFFF, 0xFFFFFFF0, result, 0);
        g.call("write", WRITE, fd, "0123456789abcdefghij", 20);
        g.call("read", READ, fd, result, 8);
        Run r = g.start(at("/mnt"));

        assertThat(r.results()).containsEntry("seek", 0).containsEntry("write", -27).containsEntry("read", 0);
        assertThat(Files.size(tmp.resolve("f"))).isZero();
    }

    /** Every file and directory under {@code root}: type, permissions, contents or target, mtime. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String what;
                if (Files.isSymbolicLink(p)) {
                    what = "link " + Files.readSymbolicLink(p);
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    what = "dir";
                } else {
                    what = "file " + new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                }
                FileTime mtime = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
                files.put(root.relativize(p).toString(), what + " " + Files.getAttribute(p, "unix:mode",
                        LinkOption.NOFOLLOW_LINKS) + " " + mtime.toInstant());
            }
        }
        return files;
    }
}
