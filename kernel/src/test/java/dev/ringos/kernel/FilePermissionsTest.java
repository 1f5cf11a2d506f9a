package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Credentials and mode bits: root may do anything but execute what nobody may; a non-root process is confined. */
class FilePermissionsTest {
    private static final String PROGRAM = GuestLib.with("""
            global _start
            _start:
                    report 39, secret_dir, 0700o, 0      ; mkdir("/secret", 0700) as root
                    report 8, secret_file, 0600o, 0      ; creat("/secret/file", 0600) -> 3
                    report 8, public_file, 0644o, 0      ; creat("/public", 0644) -> 4
                    report 39, shared, 01777o, 0         ; mkdir("/shared", 01777): the umask takes 022 off
                    report 15, shared, 01777o, 0         ; chmod("/shared", 01777): sticky, world-writable
                    report 8, shared_root, 0644o, 0      ; creat("/shared/root's", 0644) -> 5
                    report 213, 1000, 0, 0               ; setuid32(1000): no longer root
                    report 199, 0, 0, 0                  ; getuid32 -> 1000
                    report 5, secret_file, 0, 0          ; open("/secret/file", O_RDONLY) -> EACCES (search on /secret)
                    report 5, public_file, 0, 0          ; open("/public", O_RDONLY) -> 6
                    report 5, public_file, 1, 0          ; open("/public", O_WRONLY) -> EACCES
                    report 8, new_in_root, 0644o, 0      ; creat("/mine", 0644) -> EACCES (/ is 0755 root)
                    report 8, shared_mine, 0644o, 0      ; creat("/shared/mine", 0644) -> 7
                    report 10, shared_root, 0, 0         ; unlink("/shared/root's") -> EPERM (sticky)
                    report 10, shared_mine, 0, 0         ; unlink("/shared/mine") -> 0
                    report 15, public_file, 0777o, 0     ; chmod("/public", 0777) -> EPERM (not the owner)
                    report 33, public_file, 2, 0         ; access("/public", W_OK) -> EACCES
                    report 33, public_file, 4, 0         ; access("/public", R_OK) -> 0
                    report 213, 0, 0, 0                  ; setuid32(0) -> EPERM: there is no way back
                    report 21, none, mnt, ramfs          ; mount -> EPERM for non-root
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            section .data
            secret_dir: db "/secret", 0
            secret_file: db "/secret/file", 0
            public_file: db "/public", 0
            shared: db "/shared", 0
            shared_root: db "/shared/root's", 0
            shared_mine: db "/shared/mine", 0
            new_in_root: db "/mine", 0
            none: db "none", 0
            mnt: db "/shared", 0
            ramfs: db "ramfs", 0
            """);

    @Test
    void aNonRootProcessIsConfinedByModeBits() {
        GuestRun.Result r = new GuestRun().program("/bin/perm", PROGRAM).run("/bin/perm");
        assertThat(r.out().split("\n")).containsExactly(
                "0", "3", "4", "0", "0", "5", "0", "1000", "-13", "6", "-13", "-13", "7", "-1", "0", "-1", "-13", "0",
                "-1", "-1");
        assertThat(r.status()).isZero();
    }

    private static final String EXEC_CHECK = GuestLib.with("""
            global _start
            _start:
                    report 5, exe, 0, 0                  ; open("/bin/plain", O_RDONLY): readable by all -> 3
                    report 11, exe, argv, 0              ; execve of a 0644 file -> EACCES even for root
                    report 11, dir, argv, 0              ; execve of a directory -> EACCES
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            section .data
            exe: db "/bin/plain", 0
            dir: db "/bin", 0
            argv: dd exe, 0
            """);

    @Test
    void nothingExecutesWithoutAnExecuteBitNotEvenForRoot() {
        GuestRun.Result r = new GuestRun().program("/bin/check", EXEC_CHECK).file("/bin/plain", 0644, new byte[] {0x7f})
                .run("/bin/check");
        assertThat(r.out()).isEqualTo("3\n-13\n-13\n");
    }
}
