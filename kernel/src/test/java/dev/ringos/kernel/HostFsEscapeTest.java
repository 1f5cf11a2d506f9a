package dev.ringos.kernel;

import static dev.ringos.kernel.HostFsGuest.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringos.kernel.HostFsGuest.Buffer;
import dev.ringos.kernel.HostFsGuest.Mount;
import dev.ringos.kernel.HostFsGuest.Result;
import dev.ringos.kernel.HostFsGuest.Run;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.Modes;
import dev.ringos.kernel.servers.vfs.hostfs.HostFs;
import dev.ringos.kernel.servers.vfs.ramfs.RamFs;
import dev.ringos.kernel.syscall.Errno;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way out of a hostfs mount that a guest might try, and the host racing it: each must
 * fail, and a canary file next to the mounted directory must stay unread and unchanged, with
 * nothing new beside it. The mounted directory is tmp/inside; the canary is tmp/outside/canary.txt.
 */
class HostFsEscapeTest {
    private static final String SECRET = "the host's secret";

    @TempDir
    Path tmp;
    private Path inside;
    private Path outside;
    private Path canary;
    private Map<String, String> before;
    private Run run;

    @BeforeEach
    void makeTheCanary() throws IOException {
        inside = Files.createDirectory(tmp.resolve("inside"));
        outside = Files.createDirectory(tmp.resolve("outside"));
        Files.createDirectory(outside.resolve("b"));
        canary = Files.writeString(outside.resolve("canary.txt"), SECRET);
        Files.setLastModifiedTime(canary, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        tmp = tmp.toRealPath();
        inside = inside.toRealPath();
        outside = outside.toRealPath();
        canary = canary.toRealPath();
        before = outsideTheMount();
    }

    /** Whatever a test did, the host outside the mount is as it was and the guest never printed the secret. */
    @AfterEach
    void theCanaryIsUntouched() throws IOException {
        assertThat(outsideTheMount()).isEqualTo(before);
        assertThat(Files.readString(canary)).isEqualTo(SECRET);
        assertThat(Files.getLastModifiedTime(canary)).isEqualTo(FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        if (run != null) {
            assertThat(run.out()).doesNotContain(SECRET);
        }
    }

    private Map<String, String> outsideTheMount() throws IOException {
        Map<String, String> all = new TreeMap<>(HostFsTest.snapshot(tmp));
        // tmp's own entry goes too (its mtime moves when a test renames the mount): a name made or removed beside it shows anyway.
        all.keySet().removeIf(k -> k.isEmpty() || k.equals("inside") || k.startsWith("inside/"));
        return all;
    }

    private Mount mnt() {
        return new Mount(inside, "/mnt", false);
    }

    @Test
    void dotDotAtTheMountRootIsTheGuestsRootNotTheHostDirectoryAbove() throws IOException {
        Files.createDirectory(inside.resolve("sub"));
        HostFsGuest g = new HostFsGuest().file("/outside/canary.txt", "the guest's own canary");
        Buffer buf = g.buffer(64);
        Result fd = g.call("open", OPEN, "/mnt/../outside/canary.txt", O_RDONLY);
        Result n = g.call("read", READ, fd, buf, 64);
        g.show("read", buf, n);
        g.call("deeper", OPEN, "/mnt/sub/../../../../outside/b", O_RDONLY);
        g.call("mkdir", MKDIR, "/mnt/../escape", 0755);
        Buffer stat = g.buffer(96);
        g.call("statup", STAT64, "/mnt/..", stat);
        g.field("inoup", stat, 88);
        g.call("statroot", STAT64, "/", stat);
        g.field("inoroot", stat, 88);
        g.call("cd", CHDIR, "/mnt/sub");
        g.call("up", CHDIR, "../../../..");
        Result m = g.call("getcwd", GETCWD, buf, 64);
        g.show("cwd", buf, m);
        g.call("relative", OPEN, "outside/b", O_RDONLY);
        run = g.start(mnt());

        assertThat(run.exited()).isTrue();
        assertThat(run.shown("read")).isEqualTo("the guest's own canary");
        assertThat(run.result("deeper")).isEqualTo(ENOENT);
        assertThat(run.result("mkdir")).isZero();
        assertThat(run.result("inoup")).isEqualTo(run.result("inoroot"));
        assertThat(run.shown("cwd")).isEqualTo("/\0");
        assertThat(run.result("relative")).isEqualTo(ENOENT);
        assertThat(tmp.resolve("escape")).doesNotExist();
    }

    @Test
    void anAbsoluteHostSymlinkNamesAGuestPathNotTheHostFile() throws IOException {
        Files.createSymbolicLink(inside.resolve("link"), canary);
        Files.createSymbolicLink(inside.resolve("dirlink"), outside);
        HostFsGuest g = new HostFsGuest();
        g.call("read", OPEN, "/mnt/link", O_RDONLY);
        g.call("write", OPEN, "/mnt/link", O_WRONLY | O_TRUNC);
        g.call("create", OPEN, "/mnt/link", O_WRONLY | O_CREAT, 0644);
        g.call("throughdir", OPEN, "/mnt/dirlink/canary.txt", O_RDWR);
        g.call("plant", CREAT, "/mnt/dirlink/planted", 0644);
        g.call("mkdir", MKDIR, "/mnt/dirlink/newdir", 0755);
        g.call("truncate", TRUNCATE, "/mnt/link", 0);
        g.call("chmod", CHMOD, "/mnt/link", 0777);
        g.call("cd", CHDIR, "/mnt/dirlink");
        Buffer stat = g.buffer(96);
        g.call("stat", STAT64, "/mnt/link", stat);
        g.call("lstat", LSTAT64, "/mnt/link", stat);
        g.field("mode", stat, 16);
        // The guest's own file at the same absolute path is what the link reaches.
        String path = canary.toString();
        for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
            g.call("mkdir" + slash, MKDIR, path.substring(0, slash), 0755);
        }
        Result own = g.call("own", OPEN, path, O_WRONLY | O_CREAT, 0644);
        g.call("ownwrite", WRITE, own, "guest", 5);
        g.call("ownclose", CLOSE, own);
        Buffer buf = g.buffer(64);
        Result fd = g.call("again", OPEN, "/mnt/link", O_RDONLY);
        Result n = g.call("againread", READ, fd, buf, 64);
        g.show("again", buf, n);
        run = g.start(mnt());

        assertThat(run.results()).containsEntry("read", ENOENT).containsEntry("write", ENOENT)
                .containsEntry("create", ENOENT).containsEntry("throughdir", ENOENT).containsEntry("plant", ENOENT)
                .containsEntry("mkdir", ENOENT).containsEntry("truncate", ENOENT).containsEntry("chmod", ENOENT)
                .containsEntry("cd", ENOENT).containsEntry("stat", ENOENT).containsEntry("lstat", 0)
                .containsEntry("mode", Modes.S_IFLNK | 0777);
        assertThat(run.shown("again")).isEqualTo("guest");
    }

    @Test
    void aRelativeHostSymlinkClimbsTheGuestsDirectoriesNotTheHosts() throws IOException {
        Files.createDirectories(inside.resolve("a/b"));
        Files.createSymbolicLink(inside.resolve("up"), Path.of("../outside/canary.txt"));
        Files.createSymbolicLink(inside.resolve("updir"), Path.of("../outside"));
        Files.createSymbolicLink(inside.resolve("a/b/deep"), Path.of("../../../../../../outside/canary.txt"));
        HostFsGuest g = new HostFsGuest().file("/outside/canary.txt", "the guest's own canary");
        Buffer buf = g.buffer(64);
        Result fd = g.call("up", OPEN, "/mnt/up", O_RDONLY);
        Result n = g.call("upread", READ, fd, buf, 64);
        g.show("up", buf, n);
        Result deep = g.call("deep", OPEN, "/mnt/a/b/deep", O_RDWR);
        Result m = g.call("deepread", READ, deep, buf, 64);
        g.show("deep", buf, m);
        g.call("b", OPEN, "/mnt/updir/b", O_RDONLY | O_DIRECTORY);
        g.call("plant", CREAT, "/mnt/updir/planted", 0644);
        g.call("mkdir", MKDIR, "/mnt/updir/newdir", 0755);
        g.call("rename", RENAME, "/mnt/a/b", "/mnt/updir/b2");
        g.call("symlink", SYMLINK, "x", "/mnt/updir/b/s");
        run = g.start(mnt());

        assertThat(run.shown("up")).isEqualTo("the guest's own canary");
        assertThat(run.shown("deep")).isEqualTo("the guest's own canary");
        // Through the guest's /outside, which has no b: the host's outside/b is never reached.
        assertThat(run.results()).containsEntry("b", ENOENT).containsEntry("symlink", ENOENT)
                .containsEntry("rename", EXDEV);
        assertThat(run.result("plant")).isPositive();
        assertThat(run.result("mkdir")).isZero();
    }

    @Test
    void aSymlinkTheGuestMakesPointingOutsideIsMadeAsTextAndLeadsNowhereOnTheHost() throws IOException {
        HostFsGuest g = new HostFsGuest();
        g.call("abs", SYMLINK, canary.toString(), "/mnt/evil");
        g.call("rel", SYMLINK, "../outside/canary.txt", "/mnt/evil2");
        g.call("reldir", SYMLINK, "../outside", "/mnt/evildir");
        g.call("absdir", SYMLINK, outside.toString(), "/mnt/evildir2");
        g.call("trunc", OPEN, "/mnt/evil", O_WRONLY | O_TRUNC);
        g.call("create", OPEN, "/mnt/evil", O_WRONLY | O_CREAT, 0644);
        g.call("rdwr", OPEN, "/mnt/evil2", O_RDWR | O_CREAT, 0644);
        g.call("plant", CREAT, "/mnt/evildir/planted", 0644);
        g.call("plant2", CREAT, "/mnt/evildir2/planted", 0644);
        g.call("mkdir", MKDIR, "/mnt/evildir/b/deeper", 0755);
        g.call("truncate", TRUNCATE, "/mnt/evil", 0);
        g.call("chmod", CHMOD, "/mnt/evil2", 0777);
        g.call("link", LINK, "/mnt/evil", "/mnt/hard");
        g.call("hardopen", OPEN, "/mnt/hard", O_WRONLY);
        g.call("rename", RENAME, "/mnt/evil2", "/mnt/renamed");
        g.call("renamedopen", OPEN, "/mnt/renamed", O_WRONLY | O_APPEND);
        run = g.start(mnt());

        assertThat(run.results()).containsEntry("abs", 0).containsEntry("rel", 0).containsEntry("reldir", 0)
                .containsEntry("absdir", 0).containsEntry("trunc", ENOENT).containsEntry("create", ENOENT)
                .containsEntry("rdwr", ENOENT).containsEntry("plant", ENOENT).containsEntry("plant2", ENOENT)
                .containsEntry("mkdir", ENOENT).containsEntry("truncate", ENOENT).containsEntry("chmod", ENOENT)
                .containsEntry("link", 0).containsEntry("hardopen", ENOENT).containsEntry("rename", 0)
                .containsEntry("renamedopen", ENOENT);
        assertThat(Files.readSymbolicLink(inside.resolve("evil"))).isEqualTo(canary);
        assertThat(Files.readSymbolicLink(inside.resolve("renamed"))).isEqualTo(Path.of("../outside/canary.txt"));
        assertThat(Files.isSymbolicLink(inside.resolve("hard"))).isTrue();
    }

    @Test
    void renameAndLinkToNamesWithDotDotStayInTheGuest() throws IOException {
        Files.writeString(inside.resolve("file"), "inside");
        Files.createDirectory(inside.resolve("sub"));
        HostFsGuest g = new HostFsGuest();
        g.call("rename", RENAME, "/mnt/file", "/mnt/../escaped");
        g.call("renamedeep", RENAME, "/mnt/file", "/mnt/sub/../../outside/canary.txt");
        g.call("link", LINK, "/mnt/file", "/mnt/../linked");
        g.call("renamedotdot", RENAME, "/mnt/file", "/mnt/..");
        g.call("linkdotdot", LINK, "/mnt/file", "/mnt/sub/..");
        g.call("renamefrom", RENAME, "/mnt/sub/..", "/mnt/x");
        g.call("cd", CHDIR, "/mnt/sub");
        g.call("relative", RENAME, "../file", "../../escaped");
        g.call("within", RENAME, "../file", "../sub/../kept");
        run = g.start(mnt());

        assertThat(run.results()).containsEntry("rename", EXDEV).containsEntry("renamedeep", ENOENT)
                .containsEntry("link", EXDEV).containsEntry("renamedotdot", EBUSY).containsEntry("linkdotdot", EEXIST)
                .containsEntry("renamefrom", EBUSY).containsEntry("relative", EXDEV).containsEntry("within", 0);
        assertThat(Files.readString(inside.resolve("kept"))).isEqualTo("inside");
        assertThat(tmp.resolve("escaped")).doesNotExist();
    }

    @Test
    void namesThatAreNotOneComponentNeverReachTheHostEvenPastTheVfs() throws IOException, FsException {
        Files.writeString(inside.resolve("file"), "inside");
        HostFs fs = HostFs.open(inside, false);
        Inode root = fs.root();
        Inode file = root.lookup("file");
        Inode foreign = RamFs.create().root();

        for (String name : new String[] {"..", ".", "", "../outside", "../outside/canary.txt", "/etc", "a/b", "a\0b"}) {
            assertThat(root.lookup(name)).as(name).isNull();
            refused(() -> root.create(name, Modes.S_IFREG | 0644, 0, 0, 0), Errno.EINVAL);
            refused(() -> root.mkdir(name, 0755, 0, 0), Errno.EINVAL);
            refused(() -> root.symlink(name, "target", 0, 0), Errno.EINVAL);
            refused(() -> root.link(name, file), Errno.EINVAL);
            refused(() -> root.unlink(name), Errno.EINVAL);
            refused(() -> root.rmdir(name), Errno.EINVAL);
            refused(() -> root.rename("file", root, name), Errno.EINVAL);
            refused(() -> root.rename(name, root, "moved"), Errno.EINVAL);
        }
        refused(() -> root.link("foreign", foreign), Errno.EXDEV);
        refused(() -> root.rename("file", foreign, "moved"), Errno.EXDEV);
        refused(() -> root.create("fifo", Modes.S_IFIFO | 0644, 0, 0, 0), Errno.EPERM);
        assertThat(root.parent()).isSameAs(root);
        assertThat(Files.readString(inside.resolve("file"))).isEqualTo("inside");
    }

    @Test
    void aReadOnlyExportRefusesWritesEvenWhenAskedPastTheVfs() throws IOException, FsException {
        Files.writeString(inside.resolve("file"), "inside");
        Files.createDirectory(inside.resolve("dir"));
        Map<String, String> host = HostFsTest.snapshot(inside);
        HostFs fs = HostFs.open(inside, true);
        Inode root = fs.root();
        Inode file = root.lookup("file");

        refused(() -> root.create("new", Modes.S_IFREG | 0644, 0, 0, 0), Errno.EROFS);
        refused(() -> root.mkdir("new", 0755, 0, 0), Errno.EROFS);
        refused(() -> root.symlink("new", "file", 0, 0), Errno.EROFS);
        refused(() -> root.link("new", file), Errno.EROFS);
        refused(() -> root.unlink("file"), Errno.EROFS);
        refused(() -> root.rmdir("dir"), Errno.EROFS);
        refused(() -> root.rename("file", root, "new"), Errno.EROFS);
        refused(() -> file.open(O_WRONLY), Errno.EROFS);
        refused(() -> file.open(O_RDWR), Errno.EROFS);
        refused(() -> file.write(0, new byte[] {'x'}, 0, 1), Errno.EROFS);
        refused(() -> file.truncate(0), Errno.EROFS);
        refused(() -> file.setPermissions(0777, 0), Errno.EROFS);
        refused(() -> file.setOwner(0, 0, 0), Errno.EROFS);
        assertThat(fs.readOnly()).isTrue();
        assertThat(HostFsTest.snapshot(inside)).isEqualTo(host);
    }

    @Test
    void aDirectorySwappedForASymlinkAfterTheGuestOpenedItLeadsNowhere() throws IOException {
        Files.createDirectory(inside.resolve("dir"));
        Files.writeString(inside.resolve("dir/inner.txt"), "inner");
        HostFsGuest g = new HostFsGuest();
        Result dir = g.call("opendir", OPEN, "/mnt/dir", O_RDONLY | O_DIRECTORY);
        g.call("cd", CHDIR, "/mnt/dir");
        g.stop();
        g.call("openat", OPENAT, dir, "canary.txt", O_RDWR);
        g.call("openattrunc", OPENAT, dir, "canary.txt", O_WRONLY | O_TRUNC);
        g.call("openatcreate", OPENAT, dir, "planted", O_WRONLY | O_CREAT, 0644);
        g.call("cwdopen", OPEN, "canary.txt", O_RDWR);
        g.call("cwdcreat", CREAT, "planted2", 0644);
        g.call("cwdmkdir", MKDIR, "newdir", 0755);
        g.call("cwdsymlink", SYMLINK, "x", "s");
        g.call("cwdlink", LINK, "/mnt/dir", "hard");
        g.call("cwdunlink", UNLINK, "canary.txt");
        g.call("cwdrename", RENAME, "canary.txt", "moved");
        g.call("cwdtruncate", TRUNCATE, "canary.txt", 0);
        g.call("cwdchmod", CHMOD, "canary.txt", 0777);
        g.call("pathopen", OPEN, "/mnt/dir/canary.txt", O_RDWR);
        g.call("pathcreat", CREAT, "/mnt/dir/planted3", 0644);
        g.call("fchdir", FCHDIR, dir);
        g.call("fdcreat", CREAT, "planted4", 0644);
        g.call("fdmkdir", MKDIR, "b/deeper", 0755);
        run = g.start(mnt());
        assertThat(run.result("opendir")).isPositive();

        Files.move(inside.resolve("dir"), inside.resolve("old"));
        Files.createSymbolicLink(inside.resolve("dir"), outside);
        Map<String, String> old = HostFsTest.snapshot(inside.resolve("old"));
        run.resume();

        assertThat(run.exited()).isTrue();
        assertThat(run.results()).containsEntry("openat", ENOENT).containsEntry("openattrunc", ENOENT)
                .containsEntry("openatcreate", ENOENT).containsEntry("cwdopen", ENOENT)
                .containsEntry("cwdcreat", ENOENT).containsEntry("cwdmkdir", ENOENT)
                .containsEntry("cwdsymlink", ENOENT).containsEntry("cwdunlink", ENOENT)
                .containsEntry("cwdrename", ENOENT).containsEntry("cwdtruncate", ENOENT)
                .containsEntry("cwdchmod", ENOENT).containsEntry("pathopen", ENOENT)
                .containsEntry("pathcreat", ENOENT).containsEntry("fchdir", 0).containsEntry("fdcreat", ENOENT)
                .containsEntry("fdmkdir", ENOENT);
        assertThat(run.result("cwdlink")).isNegative();
        assertThat(HostFsTest.snapshot(inside.resolve("old"))).isEqualTo(old);
    }

    @Test
    void aDirectoryHigherUpSwappedForARelativeSymlinkLeadsNowhere() throws IOException {
        Files.createDirectories(inside.resolve("a/b"));
        HostFsGuest g = new HostFsGuest();
        g.call("cd", CHDIR, "/mnt/a/b");
        g.stop();
        g.call("creat", CREAT, "planted", 0644);
        g.call("mkdir", MKDIR, "newdir", 0755);
        g.call("symlink", SYMLINK, "x", "s");
        g.call("up", CREAT, "../planted", 0644);
        run = g.start(mnt());

        // inside/a/b now resolves, on the host, to outside/b: a path-walking file system would land there.
        Files.move(inside.resolve("a"), inside.resolve("a2"));
        Files.createSymbolicLink(inside.resolve("a"), Path.of("../outside"));
        run.resume();

        assertThat(run.results()).containsEntry("creat", ENOENT).containsEntry("mkdir", ENOENT)
                .containsEntry("symlink", ENOENT).containsEntry("up", ENOENT);
    }

    @Test
    void theExportedDirectoryReplacedByASymlinkKeepsTheGuestInTheDirectoryItMounted() throws IOException {
        HostFsGuest g = new HostFsGuest();
        g.stop();
        g.call("creat", CREAT, "/mnt/made", 0644);
        g.call("mkdir", MKDIR, "/mnt/newdir", 0755);
        g.call("symlink", SYMLINK, "x", "/mnt/s");
        g.call("link", LINK, "/mnt/made", "/mnt/hard");
        run = g.start(mnt());

        // The path that named the export now leads outside; the mount is the directory it opened.
        Path moved = tmp.resolve("inside-moved");
        Files.move(inside, moved);
        Files.createSymbolicLink(inside, outside);
        before = outsideTheMount();
        before.keySet().removeIf(k -> k.equals("inside-moved") || k.startsWith("inside-moved/"));
        run.resume();

        assertThat(run.result("creat")).isPositive();
        assertThat(moved.resolve("made")).exists();
        // The calls Java has only in a path form check the path first, and refuse.
        assertThat(run.results()).containsEntry("mkdir", ENOENT).containsEntry("symlink", ENOENT)
                .containsEntry("link", ENOENT);
        Files.delete(inside);
        Files.move(moved, inside);
    }

    @Test
    void aFileSwappedForASymlinkAfterTheGuestOpenedItIsStillTheFileItOpened() throws IOException {
        Files.writeString(inside.resolve("f.txt"), "original");
        HostFsGuest g = new HostFsGuest();
        Result fd = g.call("open", OPEN, "/mnt/f.txt", O_RDWR);
        g.stop();
        g.call("write", WRITE, fd, "changed", 7);
        g.call("ftruncate", FTRUNCATE, fd, 3);
        g.call("close", CLOSE, fd);
        g.call("reopen", OPEN, "/mnt/f.txt", O_RDWR);
        g.call("truncate", TRUNCATE, "/mnt/f.txt", 0);
        run = g.start(mnt());

        Files.move(inside.resolve("f.txt"), inside.resolve("f.old"));
        Files.createSymbolicLink(inside.resolve("f.txt"), canary);
        run.resume();

        assertThat(run.results()).containsEntry("write", 7).containsEntry("ftruncate", 0).containsEntry("close", 0)
                .containsEntry("reopen", ENOENT).containsEntry("truncate", ENOENT);
        assertThat(Files.readString(inside.resolve("f.old"))).isEqualTo("cha");
    }

    private static void refused(ThrowingCallable call, Errno errno) {
        assertThatThrownBy(call).isInstanceOf(FsException.class)
                .satisfies(e -> assertThat(((FsException) e).errno()).isEqualTo(errno));
    }
}
