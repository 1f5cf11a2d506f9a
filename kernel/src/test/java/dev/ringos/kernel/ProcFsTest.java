package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.Mount;
import dev.ringos.kernel.servers.vfs.OpenFile;
import dev.ringos.kernel.servers.vfs.OpenFlags;
import dev.ringos.kernel.syscall.Errno;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** /proc from ring 3: process states, ids and command lines, links, descriptors, mounts, and the machine's files. */
class ProcFsTest {
    /** Guest routines: cat (EBX a path), link (EBX a path: readlink's answer), list (EBX a directory), proc_path. */
    private static final String PROC_LIB = """
            SYS_OPEN       equ 5
            SYS_CLOSE      equ 6
            SYS_UNLINK     equ 10
            SYS_CHDIR      equ 12
            SYS_MOUNT      equ 21
            SYS_SETUID     equ 23
            SYS_MKDIR      equ 39
            SYS_READLINK   equ 85
            SYS_GETDENTS64 equ 220
            O_WRONLY       equ 1
            O_CREAT        equ 0100o
            O_DIRECTORY    equ 0200000o

            section .text
            ; cat: writes the file at EBX to stdout in reads of 100 bytes, or "open N" for the errno.
            cat:
                    push eax
                    push ebx
                    push ecx
                    push edx
                    push esi
                    mov eax, SYS_OPEN
                    xor ecx, ecx
                    int 0x80
                    test eax, eax
                    js .failed
                    mov esi, eax
            .more:
                    mov eax, SYS_READ
                    mov ebx, esi
                    mov ecx, lib_catbuf
                    mov edx, 100
                    int 0x80
                    test eax, eax
                    jle .close
                    mov edx, eax
                    mov eax, SYS_WRITE
                    mov ebx, 1
                    mov ecx, lib_catbuf
                    int 0x80
                    jmp .more
            .close:
                    mov eax, SYS_CLOSE
                    mov ebx, esi
                    int 0x80
                    jmp .out
            .failed:
                    mov esi, lib_open_failed
                    call print_str
                    call print_dec
                    call print_nl
            .out:
                    pop esi
                    pop edx
                    pop ecx
                    pop ebx
                    pop eax
                    ret

            ; link: prints readlink(EBX) and a newline, or the negative errno.
            link:
                    push eax
                    push ecx
                    push edx
                    push esi
                    mov eax, SYS_READLINK
                    mov ecx, lib_linkbuf
                    mov edx, 255
                    int 0x80
                    test eax, eax
                    js .number
                    mov byte [lib_linkbuf+eax], 0
                    mov esi, lib_linkbuf
                    call print_str
                    jmp .done
            .number:
                    call print_dec
            .done:
                    call print_nl
                    pop esi
                    pop edx
                    pop ecx
                    pop eax
                    ret

            ; list: prints the names getdents64 gives for the directory at EBX, each followed by a space.
            list:
                    push eax
                    push ebx
                    push ecx
                    push edx
                    push esi
                    push edi
                    mov eax, SYS_OPEN
                    mov ecx, O_DIRECTORY
                    int 0x80
                    test eax, eax
                    js .failed
                    mov edi, eax
            .batch:
                    mov eax, SYS_GETDENTS64
                    mov ebx, edi
                    mov ecx, lib_dirbuf
                    mov edx, 4096
                    int 0x80
                    test eax, eax
                    jle .close
                    mov ebx, lib_dirbuf
                    lea edx, [eax+lib_dirbuf]
            .entry:
                    cmp ebx, edx
                    jae .batch
                    lea esi, [ebx+19]
                    call print_str
                    mov esi, lib_space
                    call print_str
                    movzx eax, word [ebx+16]
                    add ebx, eax
                    jmp .entry
            .close:
                    call print_nl
                    mov eax, SYS_CLOSE
                    mov ebx, edi
                    int 0x80
                    jmp .out
            .failed:
                    call print_dec
                    call print_nl
            .out:
                    pop edi
                    pop esi
                    pop edx
                    pop ecx
                    pop ebx
                    pop eax
                    ret

            ; proc_path: EBX = "/proc/" + the decimal EAX + the string at ESI.
            proc_path:
                    push eax
                    push ecx
                    push edx
                    push esi
                    push edi
                    mov edi, lib_pathbuf
                    mov ecx, lib_proc
            .prefix:
                    mov dl, [ecx]
                    test dl, dl
                    jz .digits
                    mov [edi], dl
                    inc edi
                    inc ecx
                    jmp .prefix
            .digits:
                    xor ecx, ecx
                    mov ebx, 10
            .divide:
                    xor edx, edx
                    div ebx
                    add dl, '0'
                    push edx
                    inc ecx
                    test eax, eax
                    jnz .divide
            .put:
                    pop edx
                    mov [edi], dl
                    inc edi
                    dec ecx
                    jnz .put
            .suffix:
                    mov dl, [esi]
                    mov [edi], dl
                    inc edi
                    inc esi
                    test dl, dl
                    jnz .suffix
                    mov ebx, lib_pathbuf
                    pop edi
                    pop esi
                    pop edx
                    pop ecx
                    pop eax
                    ret

            section .rodata
            lib_open_failed: db "open ", 0
            lib_space: db " ", 0
            lib_proc: db "/proc/", 0

            section .bss
            lib_catbuf: resb 128
            lib_linkbuf: resb 256
            lib_dirbuf: resb 4096
            lib_pathbuf: resb 64

            section .text
            """;

    private static String guest(String program) {
        return GuestLib.with(PROC_LIB + program);
    }

    /**
     * Three children: one sleeps in pause, one sleeps and is then stopped, one exits at once and
     * is left unwaited. The parent prints their stat lines, its own, two command lines and one
     * status, then kills and reaps them all.
     */
    private static final String STATES = guest("""
            global _start
            _start:
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz sleeper
                    mov [pid_a], eax
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz sleeper
                    mov [pid_b], eax
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz quitter
                    mov [pid_c], eax
                    mov edi, 10
            settle:
                    mov eax, SYS_SCHED_YIELD
                    int 0x80
                    dec edi
                    jnz settle
                    mov eax, SYS_KILL
                    mov ebx, [pid_b]
                    mov ecx, SIGSTOP
                    int 0x80
                    mov eax, SYS_WAIT4
                    mov ebx, [pid_b]
                    mov ecx, status
                    mov edx, WUNTRACED
                    xor esi, esi
                    int 0x80

                    say "A "
                    mov eax, [pid_a]
                    mov esi, stat
                    call proc_path
                    call cat
                    say "B "
                    mov eax, [pid_b]
                    call proc_path
                    call cat
                    say "C "
                    mov eax, [pid_c]
                    call proc_path
                    call cat
                    say "self "
                    mov ebx, self_stat
                    call cat
                    say "cmdline self ["
                    mov ebx, self_cmdline
                    call cat
                    say "]"
                    call print_nl
                    say "cmdline C ["
                    mov eax, [pid_c]
                    mov esi, cmdline
                    call proc_path
                    call cat
                    say "]"
                    call print_nl
                    mov eax, [pid_b]
                    mov esi, status_name
                    call proc_path
                    call cat

                    mov eax, SYS_KILL
                    mov ebx, [pid_a]
                    mov ecx, SIGKILL
                    int 0x80
                    mov eax, SYS_KILL
                    mov ebx, [pid_b]
                    mov ecx, SIGKILL
                    int 0x80
                    mov edi, 3
            reap:
                    mov eax, SYS_WAIT4
                    mov ebx, -1
                    xor ecx, ecx
                    xor edx, edx
                    xor esi, esi
                    int 0x80
                    dec edi
                    jnz reap
                    say "after reaping C: "
                    mov eax, [pid_c]
                    mov esi, stat
                    call proc_path
                    call cat
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80

            sleeper:
                    mov eax, SYS_PAUSE
                    int 0x80
                    jmp sleeper
            quitter:
                    mov eax, SYS_EXIT
                    mov ebx, 5
                    int 0x80

            section .rodata
            stat: db "/stat", 0
            cmdline: db "/cmdline", 0
            status_name: db "/status", 0
            self_stat: db "/proc/self/stat", 0
            self_cmdline: db "/proc/self/cmdline", 0
            section .bss
            pid_a: resd 1
            pid_b: resd 1
            pid_c: resd 1
            status: resd 1
            """);

    @Test
    void childrenSleepingStoppedAndDeadShowStatesSZAndTAndTheReaderRunning() {
        GuestRun.Result r = new GuestRun().program("/bin/procstates", STATES).run("/bin/procstates", "one", "two");
        assertThat(r.status()).as(r.out()).isZero();
        String out = r.out();

        String[] a = statOf(out, "A ");
        String[] b = statOf(out, "B ");
        String[] c = statOf(out, "C ");
        String[] self = statOf(out, "self ");
        assertThat(a).hasSize(52);
        assertThat(self).hasSize(52);
        // pid (comm) state ppid pgrp session tty_nr tpgid
        assertThat(a).startsWith("3", "(procstates)", "S", "2", "1", "1", "0", "-1");
        assertThat(b).startsWith("4", "(procstates)", "T", "2", "1", "1");
        assertThat(c).startsWith("5", "(procstates)", "Z", "2", "1", "1");
        assertThat(self).startsWith("2", "(procstates)", "R", "1", "1", "1");
        assertThat(c[51]).as("a zombie's exit_code is its wait status").isEqualTo(String.valueOf(5 << 8));
        assertThat(c[22]).as("a zombie has no memory: vsize").isEqualTo("0");
        assertThat(self[22]).as("vsize").isNotEqualTo("0");
        assertThat(Long.parseLong(self[23])).as("rss in pages").isPositive();
        assertThat(self[17]).as("priority").isEqualTo("20");
        assertThat(self[19]).as("num_threads").isEqualTo("1");
        assertThat(Long.parseLong(a[21])).as("a child starts after its parent")
                .isGreaterThanOrEqualTo(Long.parseLong(self[21]));
        assertThat(b[30]).as("SIGSTOP is not pending once it has stopped B").isEqualTo("0");

        assertThat(out).contains("cmdline self [/bin/procstates\0one\0two\0]\n");
        assertThat(out).as("a zombie's command line is empty").contains("cmdline C []\n");

        assertThat(out).contains("Name:\tprocstates\nUmask:\t0022\nState:\tT (stopped)\nTgid:\t4\nNgid:\t0\nPid:\t4\n"
                + "PPid:\t2\nTracerPid:\t0\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nFDSize:\t1024\n");
        assertThat(out).contains("Threads:\t1\nSigPnd:\t0000000000000000\nShdPnd:\t0000000000000000\n");
        assertThat(out).containsPattern("VmSize:\t +\\d+ kB\n");
        assertThat(out).as("a reaped process has no directory").contains("after reaping C: open -2\n");
    }

    /** The 52 fields of the stat line printed after {@code label} (the comm has no spaces here). */
    private static String[] statOf(String out, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(label) + "(\\d+ \\(.*)$").matcher(out);
        assertThat(m.find()).as("a line starting with '" + label + "' in:\n" + out).isTrue();
        return m.group(1).split(" ");
    }

    /** Links, descriptors, listings, mounts and the machine-wide files, read by PID 2 standing in /dev. */
    private static final String FILES = guest("""
            global _start
            _start:
                    mov eax, SYS_OPEN
                    mov ebx, program
                    xor ecx, ecx
                    int 0x80
                    mov eax, SYS_OPEN
                    mov ebx, dev_null
                    mov ecx, O_WRONLY
                    int 0x80
                    mov eax, SYS_CHDIR
                    mov ebx, dev
                    int 0x80

                    say "self -> "
                    mov ebx, p_self
                    call link
                    say "cwd -> "
                    mov ebx, p_cwd
                    call link
                    say "exe -> "
                    mov ebx, p_exe
                    call link
                    say "root -> "
                    mov ebx, p_root
                    call link
                    say "fd0 -> "
                    mov ebx, p_fd0
                    call link
                    say "fd3 -> "
                    mov ebx, p_fd3
                    call link
                    say "fd4 -> "
                    mov ebx, p_fd4
                    call link
                    say "fd9 -> "
                    mov ebx, p_fd9
                    call link
                    say "fd: "
                    mov ebx, p_fd
                    call list
                    say "proc: "
                    mov ebx, proc
                    call list
                    say "mounts:"
                    call print_nl
                    mov ebx, p_mounts
                    call cat

                    mov eax, SYS_MKDIR
                    mov ebx, mnt
                    mov ecx, 0755o
                    int 0x80
                    mov eax, SYS_MOUNT
                    mov ebx, proc_type
                    mov ecx, mnt
                    mov edx, proc_type
                    xor esi, esi
                    xor edi, edi
                    int 0x80
                    say "mount "
                    call print_dec
                    call print_nl
                    say "mnt/self -> "
                    mov ebx, mnt_self
                    call link
                    say "mounts now:"
                    call print_nl
                    mov ebx, p_mounts
                    call cat

                    say "loadavg "
                    mov ebx, p_loadavg
                    call cat
                    say "uptime "
                    mov ebx, p_uptime
                    call cat
                    say "meminfo:"
                    call print_nl
                    mov ebx, p_meminfo
                    call cat
                    say "maps:"
                    call print_nl
                    mov ebx, p_maps
                    call cat
                    say "statm "
                    mov ebx, p_statm
                    call cat
                    say "comm "
                    mov ebx, p_comm
                    call cat

                    mov eax, SYS_OPEN               ; root may open it for writing; the write fails
                    mov ebx, p_loadavg
                    mov ecx, O_WRONLY
                    int 0x80
                    mov ebx, eax
                    mov eax, SYS_WRITE
                    mov ecx, p_loadavg
                    mov edx, 1
                    int 0x80
                    say "write loadavg "
                    call print_dec
                    call print_nl
                    mov eax, SYS_OPEN
                    mov ebx, p_new
                    mov ecx, O_CREAT | O_WRONLY
                    mov edx, 0644o
                    int 0x80
                    say "create "
                    call print_dec
                    call print_nl
                    mov eax, SYS_MKDIR
                    mov ebx, p_new
                    mov ecx, 0755o
                    int 0x80
                    say "mkdir "
                    call print_dec
                    call print_nl
                    mov eax, SYS_UNLINK
                    mov ebx, p_loadavg
                    int 0x80
                    say "unlink "
                    call print_dec
                    call print_nl
                    mov eax, SYS_SETUID
                    mov ebx, 1000
                    int 0x80
                    mov eax, SYS_OPEN
                    mov ebx, p_stat
                    mov ecx, O_WRONLY
                    int 0x80
                    say "as 1000: open stat for writing "
                    call print_dec
                    call print_nl
                    say "as 1000: init's cwd "
                    mov ebx, init_cwd
                    call link
                    say "as 1000: own cwd "
                    mov ebx, p_cwd
                    call link
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80

            section .rodata
            program: db "/bin/procfiles", 0
            dev_null: db "/dev/null", 0
            dev: db "/dev", 0
            proc: db "/proc", 0
            p_self: db "/proc/self", 0
            p_cwd: db "/proc/self/cwd", 0
            p_exe: db "/proc/self/exe", 0
            p_root: db "/proc/self/root", 0
            p_fd: db "/proc/self/fd", 0
            p_fd0: db "/proc/self/fd/0", 0
            p_fd3: db "/proc/self/fd/3", 0
            p_fd4: db "/proc/self/fd/4", 0
            p_fd9: db "/proc/self/fd/9", 0
            p_mounts: db "/proc/mounts", 0
            p_loadavg: db "/proc/loadavg", 0
            p_uptime: db "/proc/uptime", 0
            p_meminfo: db "/proc/meminfo", 0
            p_maps: db "/proc/self/maps", 0
            p_stat: db "/proc/self/stat", 0
            p_statm: db "/proc/self/statm", 0
            p_comm: db "/proc/self/comm", 0
            p_new: db "/proc/new", 0
            init_cwd: db "/proc/1/cwd", 0
            mnt: db "/mnt", 0
            mnt_self: db "/mnt/self", 0
            proc_type: db "proc", 0
            """);

    @Test
    void linksDescriptorsListingsMountsAndMachineFilesReadAsOnLinux() {
        GuestRun.Result r = new GuestRun().program("/bin/procfiles", FILES).run("/bin/procfiles");
        assertThat(r.status()).as(r.out()).isZero();
        String out = r.out();
        assertThat(out).contains("self -> 2\n", "cwd -> /dev\n", "exe -> /bin/procfiles\n", "root -> /\n");
        assertThat(out).as("the host's stdin is a pipe").contains("fd0 -> pipe:[1]\n");
        assertThat(out).contains("fd3 -> /bin/procfiles\n", "fd4 -> /dev/null\n", "fd9 -> -2\n");
        assertThat(out).as("the listing's own descriptor is 5").contains("fd: . .. 0 1 2 3 4 5 \n");
        assertThat(out).contains("proc: . .. loadavg meminfo mounts uptime self 1 2 \n");
        assertThat(out).contains("mounts:\nnone / ramfs rw 0 0\ndevtmpfs /dev devtmpfs rw 0 0\nproc /proc proc rw 0 0\n"
                + "mount 0\n");
        assertThat(out).contains("mnt/self -> 2\n");
        assertThat(out).contains("mounts now:\nnone / ramfs rw 0 0\ndevtmpfs /dev devtmpfs rw 0 0\n"
                + "proc /proc proc rw 0 0\nproc /mnt proc rw 0 0\n");
        assertThat(out).containsPattern("loadavg \\d+\\.\\d\\d \\d+\\.\\d\\d \\d+\\.\\d\\d 1/2 2\n");
        assertThat(out).containsPattern("uptime \\d+\\.\\d\\d \\d+\\.\\d\\d\n");
        assertThat(out).containsPattern("meminfo:\nMemTotal: +\\d+ kB\nMemFree: +\\d+ kB\nMemAvailable: +\\d+ kB\n"
                + "Buffers: +0 kB\nCached: +0 kB\n");

        String maps = out.substring(out.indexOf("maps:\n") + 6, out.indexOf("statm "));
        String[] lines = maps.split("\n");
        assertThat(lines[0]).matches("[0-9a-f]{8}-[0-9a-f]{8} r-xp 00000000 00:00 0 {10}/bin/procfiles");
        assertThat(maps).containsPattern("(?m)^[0-9a-f]{8}-bffff000 rw-p 00000000 00:00 0 {10}\\[stack\\]$");
        assertThat(lines[lines.length - 1]).isEqualTo("bffff000-c0000000 r-xp 00000000 00:00 0          [vdso]");

        assertThat(out).containsPattern("statm [1-9]\\d* [1-9]\\d* 0 1 0 \\d+ 0\n");
        assertThat(out).contains("comm procfiles\n");
        assertThat(out).contains("write loadavg -5\n", "create -13\n", "mkdir -1\n", "unlink -1\n");
        assertThat(out).contains("as 1000: open stat for writing -13\n", "as 1000: init's cwd -13\n",
                "as 1000: own cwd /dev\n");
    }

    /** One child that pauses, for looking at from the host. */
    private static final String PAUSER = GuestLib.with("""
            global _start
            _start:
                    mov eax, SYS_FORK
                    int 0x80
                    test eax, eax
                    jz .child
                    mov eax, SYS_WAIT4
                    mov ebx, -1
                    xor ecx, ecx
                    xor edx, edx
                    xor esi, esi
                    int 0x80
                    mov eax, SYS_EXIT
                    xor ebx, ebx
                    int 0x80
            .child:
                    mov eax, SYS_PAUSE
                    int 0x80
                    jmp .child
            """);

    @Test
    void anOpenFileKeepsItsTextUntilItIsRewoundAndReadsESRCHOnceItsProcessIsReaped() throws Exception {
        LiveGuest guest = new LiveGuest("/bin/pauser", PAUSER);
        guest.runUntilQuiet(50_000_000);
        Inode proc = procRoot(guest);
        Inode child = proc.lookup("3");
        assertThat(proc.lookup("3")).as("the same inode each time").isSameAs(child);
        OpenFile stat = child.lookup("stat").open(OpenFlags.O_RDONLY);
        byte[] buf = new byte[4096];
        int n = stat.read(null, buf, 0, 4);
        assertThat(new String(buf, 0, n, StandardCharsets.ISO_8859_1)).isEqualTo("3 (p");

        guest.kill(3, 19); // SIGSTOP
        guest.runUntilQuiet(50_000_000);
        assertThat(guest.process(3).stateLetter()).isEqualTo('T');
        int m = stat.read(null, buf, n, buf.length - n);
        assertThat(new String(buf, 0, n + m, StandardCharsets.ISO_8859_1)).as("the text of the first read")
                .startsWith("3 (pauser) S 2 ");
        stat.seek(0, 0);
        n = stat.read(null, buf, 0, buf.length);
        assertThat(new String(buf, 0, n, StandardCharsets.ISO_8859_1)).startsWith("3 (pauser) T 2 ");

        guest.kill(3, 9); // SIGKILL: the parent reaps it and exits
        assertThat(guest.runUntilQuiet(100_000_000)).isEqualTo(RunResult.SHUTDOWN);
        stat.seek(0, 0);
        assertThatThrownBy(() -> stat.read(null, buf, 0, buf.length)).isInstanceOf(FsException.class)
                .extracting(e -> ((FsException) e).errno()).isEqualTo(Errno.ESRCH);
        assertThat(proc.lookup("3")).isNull();
        assertThat(child.lookup("stat")).as("a reaped process's directory is empty").isNull();
        assertThat(child.list()).isEmpty();
    }

    private static Inode procRoot(LiveGuest guest) {
        for (Mount m : guest.kernel.files().mountTable().mounts()) {
            if (m.path().equals("/proc")) {
                return m.fs().root();
            }
        }
        throw new AssertionError("/proc is not mounted");
    }
}
