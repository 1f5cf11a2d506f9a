package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** mount(2) and umount(2) with ramfs: a mount hides what is under it, ".." crosses back, and busy mounts stay. */
class MountTest {
    private static final String PROGRAM = GuestLib.with("""
            %macro mount 3
                    mov eax, 21
                    mov ebx, %1
                    mov ecx, %2
                    mov edx, %3
                    xor esi, esi
                    xor edi, edi
                    int 0x80
                    call print_dec
                    call print_nl
            %endmacro
            global _start
            _start:
                    report 39, mnt, 0755o, 0             ; mkdir("/mnt") -> 0
                    report 8, under, 0644o, 0            ; creat("/mnt/under") -> 3
                    mount none, mnt, ramfs             ; mount("none", "/mnt", "ramfs") -> 0
                    report 33, under, 0, 0               ; access("/mnt/under") -> ENOENT: hidden by the mount
                    report 8, over, 0644o, 0             ; creat("/mnt/over") -> 4
                    report 195, mnt, st_mnt, 0           ; stat64("/mnt") -> 0
                    report 195, root, st_root, 0         ; stat64("/") -> 0
                    mov eax, [st_mnt]                  ; st_dev differs across the mount
                    cmp eax, [st_root]
                    mov eax, 0
                    je .same
                    mov eax, 1
            .same:
                    call print_dec
                    call print_nl
                    report 33, dotdot, 0, 0              ; access("/mnt/../mnt/over") -> 0: ".." crosses back
                    report 40, mnt, 0, 0                 ; rmdir("/mnt") -> EBUSY
                    mount none, mnt, nofs              ; unknown type -> ENODEV
                    mount none, file, ramfs            ; onto a file -> ENOTDIR
                    report 22, root, 0, 0                ; umount("/") -> EBUSY
                    report 22, etc, 0, 0                 ; umount("/etc") -> EINVAL: not a mount
                    report 22, mnt, 0, 0                 ; umount("/mnt") -> 0
                    report 33, under, 0, 0               ; access("/mnt/under") -> 0 again
                    report 33, over, 0, 0                ; access("/mnt/over") -> ENOENT: went with the ramfs
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            section .data
            root: db "/", 0
            mnt: db "/mnt", 0
            under: db "/mnt/under", 0
            over: db "/mnt/over", 0
            dotdot: db "/mnt/../mnt/over", 0
            file: db "/bin/mount", 0
            etc: db "/bin", 0
            none: db "none", 0
            ramfs: db "ramfs", 0
            nofs: db "nofs", 0
            section .bss
            st_mnt: resb 96
            st_root: resb 96
            """);

    @Test
    void aRamfsMountHidesWhatIsUnderItUntilUnmounted() {
        GuestRun.Result r = new GuestRun().program("/bin/mount", PROGRAM).run("/bin/mount");
        assertThat(r.out().split("\n")).containsExactly("0", "3", "0", "-2", "4", "0", "0", "1", "0", "-16", "-19",
                "-20", "-16", "-22", "0", "0", "-2");
    }
}
