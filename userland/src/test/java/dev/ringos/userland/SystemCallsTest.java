package dev.ringos.userland;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The file and process calls through the library, against the real kernel: files_test works in
 * /tmp and lists /data (a few entries) and /many (more than one getdents64 buffer holds);
 * process_test forks, waits, execs itself and handles signals; calls_test covers the other
 * wrappers and the output buffering modes.
 */
class SystemCallsTest {
    @Test
    void filesDirectoriesAndDescriptors() {
        GuestHarness run = GuestHarness.program("files_test").directory("/tmp")
                .file("/data/a", "A").file("/data/b", "BB").directory("/data/sub").file("/data/c", "");
        for (int i = 0; i < 100; i++) {
            run.file("/many/file-number-" + i, "x");
        }
        GuestHarness.Result r = run.run();
        // "through a dup" comes before the line printed ahead of it: stdout's buffer and the
        // copy's are separate, and closing the copy writes its buffer at once.
        assertThat(r.out()).isEqualTo("""
                open for writing -> 3
                write -> 18
                close -> 0
                read -> 18 [hello world, again]
                read at the end -> 0
                lseek -> 6
                read -> 5 [world]
                lseek from the end -> 15
                lseek before the start -> -1 errno 22
                fstat: a regular file
                  permissions 644
                  size 18
                  links 1
                  the inode numbers agree
                symlink -> 0
                stat(linkpath) -> type 8000 size 18
                lstat(linkpath) -> type a000 size 6
                readlink -> 6 [/tmp/f]
                stat(missing) -> -1 errno 2
                access(R_OK) -> 0
                access(missing) -> -1 errno 2
                mkdir -> 0
                mkdir again -> -1 errno 17
                rename -> 0
                chdir -> 0
                getcwd -> buffer+0 [/tmp/d]
                getcwd(3) -> 0 errno 34
                listing /data
                  . type 4
                  .. type 4
                  a type 8
                  b type 8
                  sub type 4
                  c type 8
                  6 entries
                listing /tmp/d
                  . type 4
                  .. type 4
                  g type 8
                  3 entries
                listing /many
                  102 entries
                opendir(missing) -> 0 errno 2
                opendir(a file) -> 0 errno 20
                third entry [a]
                after rewinddir [.]
                dirfd -> 3
                closedir -> 0
                unlink -> 0
                rmdir -> 0
                rmdir again -> -1 errno 2
                through a dup
                dup(1) -> 3
                dup2 -> 9
                read from 9 [A]
                fcntl(F_GETFD) -> 0
                fcntl(F_GETFD) after F_SETFD -> 1
                pipe -> 0
                through the pipe 5 [hello]
                read after the writer closed -> 0
                umask -> 22
                close(55) -> -1 errno 9
                """);
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
    }

    @Test
    void processesSignalsAndIdentities() {
        GuestHarness.Result r = GuestHarness.program("process_test").run();
        assertThat(r.out()).isEqualTo("""
                before fork
                child: exit flushes this
                child exited with 3
                child exited with 4
                wait with no children -> -1 errno 10
                kill -> 0
                child killed by signal 15
                exec'd: GREETING=hi
                exec'd: argv[1]=child, exiting with 5
                child exited with 5
                execve(missing) -> -1 errno 2
                getpid -> 2
                getppid -> 1
                getuid -> 0
                geteuid -> 0
                getgid -> 0
                getegid -> 0
                getpgrp -> 1
                setpgid(0, 0) -> 0
                now its own group leader
                setsid as a group leader -> -1 errno 1
                getsid -> 1, getpgid -> 2
                child exited with 0
                signal(SIGUSR1) -> 0 (SIG_DFL)
                raise -> 0, handled 1
                kill(self) -> 0, handled 2
                signal(SIGUSR1, SIG_IGN) -> handler+0
                ignored: handled 2
                signal(SIGKILL) -> -1 errno 22
                signal(0) -> -1 errno 22
                sigaction(SIGUSR2) -> 0
                after SIGUSR2: handled 3
                old action: handler+0, SA_RESTORER 4000000
                sigprocmask(SIG_BLOCK) -> 0
                blocked: handled 3
                pending: SIGUSR2 1, SIGUSR1 0
                unblocked: handled 4
                filled less SIGINT: SIGINT 0, 64 1
                sigaddset(65) -> -1 errno 22
                sigismember(0) -> -1
                sleep(2) -> 0 errno 0
                uname -> 0 errno 0
                isatty(0) -> 0 errno 25
                isatty(42) -> 0 errno 9
                tcgetpgrp(0) -> -1 errno 25
                tcsetpgrp(0) -> -1 errno 25
                tcgetattr(0) -> -1 errno 25
                tcsetattr(bad action) -> -1 errno 22
                ioctl(TIOCGWINSZ) -> -1 errno 25
                sys_close(99) -> -9 errno 0
                sys_write of nothing -> 0
                sbrk grew the break by 4096
                exiting with 7 through main's return
                """);
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isEqualTo(7);
    }

    @Test
    void theOtherWrappersAndTheOutputBufferingModes() {
        GuestHarness.Result r = GuestHarness.program("calls_test").directory("/tmp").run();
        // The pipe shows what reached the descriptor: nothing until fflush when fully buffered,
        // each line when line-buffered, every call's output when unbuffered, and a full buffer
        // (1024 bytes) on its own.
        assertThat(r.out()).isEqualTo("""
                creat -> 3
                fchmod -> 0
                ftruncate -> 0
                mode 600 size 10
                chown -> 0
                mode 644 size 3
                owner 5 group 6
                link -> 0
                links 2
                mknod(fifo) -> 0
                fifo type 1000
                openat: size 3
                fchdir -> 0
                cwd [/tmp]
                getdents64: first [.] reclen 24
                writev -> 11
                readv -> 11
                readv parts [hel] [lo wo]
                pipe2(O_CLOEXEC): FD_CLOEXEC 1
                dup3 -> 20
                dup3(O_CLOEXEC): FD_CLOEXEC 1
                dup3 onto itself -> -1 errno 22
                mount -> 0
                umount -> 0
                the file is gone with the mount: -1
                gettid is getpid
                child: uid 20 gid 30
                child: setuid(0) -> -1 errno 1
                wait4: exit code 9
                pipe empty (-11)
                fflush -> 0
                pipe gave 3 [a
                b]
                setvbuf(_IOLBF) -> 0
                pipe gave 2 [a
                ]
                pipe gave 2 [b
                ]
                pipe gave 3 [a
                b]
                pipe gave 1024 [xxxxxxxxxxxxxxxxxxxx]
                pipe gave 476 [xxxxxxxxxxxxxxxxxxxx]
                setvbuf(99) -> -1 errno 22
                setvbuf(mode 3) -> -1 errno 22
                """);
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
    }
}
