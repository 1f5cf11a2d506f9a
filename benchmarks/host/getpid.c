/* The host's real null syscall, for comparison with NullSyscallBench:
 * gcc -O2 -o /tmp/getpid benchmarks/host/getpid.c && /tmp/getpid [calls] */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 10000000L;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (long i = 0; i < n; i++)
        syscall(SYS_getpid);   /* not getpid(): no libc caching, a real kernel entry each time */
    clock_gettime(CLOCK_MONOTONIC, &b);
    double ns = (b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec);
    printf("%ld getpid syscalls: %.1f ns each\n", n, ns / n);
    return 0;
}
