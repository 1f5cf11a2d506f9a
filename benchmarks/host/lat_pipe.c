/* The host's own pipe round trip, for comparison with PipeBench.latPipe (as lmbench's
 * lat_pipe): two processes pass one byte back and forth over two pipes.
 * gcc -O2 -o /tmp/lat_pipe benchmarks/host/lat_pipe.c && /tmp/lat_pipe [round trips] */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 200000L;
    int down[2], up[2];
    char c = 'x';
    if (pipe(down) < 0 || pipe(up) < 0) {
        perror("pipe");
        return 1;
    }
    pid_t child = fork();
    if (child < 0) {
        perror("fork");
        return 1;
    }
    if (child == 0) {
        close(down[1]);
        close(up[0]);
        while (read(down[0], &c, 1) == 1 && write(up[1], &c, 1) == 1)
            ;
        _exit(0);
    }
    close(down[0]);
    close(up[1]);
    for (long i = 0; i < n / 10; i++) {   /* warm up */
        write(down[1], &c, 1);
        read(up[0], &c, 1);
    }
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (long i = 0; i < n; i++) {
        if (write(down[1], &c, 1) != 1 || read(up[0], &c, 1) != 1) {
            perror("round trip");
            return 1;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    close(down[1]);
    waitpid(child, NULL, 0);
    double ns = (b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec);
    printf("%ld pipe round trips: %.1f ns each, %.1f ns per switch\n", n, ns / n, ns / n / 2);
    return 0;
}
