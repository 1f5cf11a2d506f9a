package dev.ringos.userland;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The heap (malloc.inc) and the environment (env.inc), run under the kernel. */
class MemoryTest {
    @Test
    void mallocSurvivesChurnAndReusesCoalescedSpace() {
        GuestHarness.Result r = GuestHarness.program("malloc_test").run();
        assertThat(r.out()).isEqualTo("""
                errors after allocating: 0
                the heap grew within the bound
                errors after freeing: 0
                the break moved by 0 for the big block
                the big block starts 0 bytes after the first block did
                malloc(0): usable 8
                malloc(13): usable 16
                malloc_usable_size(0) = 0
                realloc(90): in place
                  holds [contents]
                realloc(8): in place, usable 8
                realloc(500): moved, holds [content]
                realloc(0, 32): usable 32
                realloc(p, 0) = 0
                calloc(16, 4): byte sum 0
                calloc overflowing = 0 errno 12
                malloc(2 GiB) = 0 errno 12
                malloc(3 GiB) = 0 errno 12
                malloc still works
                """);
        assertThat(r.status()).isZero();
    }

    @Test
    void getenvSetenvAndUnsetenvEditTheEnvironment() {
        GuestHarness.Result r = GuestHarness.program("env_test").env("PATH=/bin:/sbin", "HOME=/", "EMPTY=").run();
        assertThat(r.out()).isEqualTo("""
                environ is main's envp
                environ:
                  [PATH=/bin:/sbin]
                  [HOME=/]
                  [EMPTY=]
                HOME=/
                getenv(HOM) = 0
                getenv(HOMER) = 0
                EMPTY=[]
                setenv(HOME, /root, 0) -> 0
                HOME=/
                setenv(HOME, /root, 1) -> 0
                HOME=/root
                V0=V0
                V39=V39
                HOME=/root
                unsetenv(PATH) -> 0
                unsetenv(PATH) again -> 0
                environ:
                  [HOME=/root]
                  [EMPTY=]
                setenv(A=B) -> -1 errno 22
                setenv('') -> -1 errno 22
                unsetenv(NULL) -> -1 errno 22
                EMPTY=[]
                clearenv -> 0
                environ:
                getenv(HOME) = 0
                environ:
                  [HOME=/root]
                """);
        assertThat(r.status()).isZero();
    }
}
