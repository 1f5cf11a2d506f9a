package dev.ringos.userland;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.kernel.core.RunResult;
import dev.ringos.kernel.syscall.Errno;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * The library's pure functions, run by guest programs under the kernel (src/test/asm): printf and
 * its relatives, strings and characters, numbers, errno's names and messages.
 */
class LibTest {
    @Test
    void aProgramIsMainBetweenStartAndExit() {
        GuestHarness.Result r = GuestHarness.program("hello").run();
        assertThat(r.end()).isEqualTo(RunResult.SHUTDOWN);
        assertThat(r.out()).isEqualTo("hello, world 42\n");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
    }

    @Test
    void printfFormatsEveryConversionWithWidthsAndFlags() {
        GuestHarness.Result r = GuestHarness.program("printf_test").run();
        assertThat(r.out()).isEqualTo("""
                [0]
                [42]
                [-42]
                [2147483647]
                [-2147483648]
                [-7]
                [0]
                [4294967295]
                [0]
                [ff]
                [deadbeef]
                [DEADBEEF]
                [10]
                [0]
                [abc]
                [(null)]
                []
                [A]
                [%]
                [   42]
                [42   ]
                [00042]
                [-0042]
                [-42  ]
                [  -42]
                [12345]
                [-2147483648]
                [-02147483648]
                [0000beef]
                [beef    ]
                [     abc]
                [abc     ]
                [     abc]
                [abc]
                [  z]
                [z  ]
                [    7]
                [%q]
                [%5q]
                ends with %
                10 abc -1 c|
                printf returned 13
                snprintf(8) -> 15 [hello, ]
                snprintf(64) -> 15 [hello, world 42]
                snprintf(0) -> 15, buffer starts X
                snprintf(1) -> 15, first byte 0
                fprintf returned 13
                abc
                puts returned 0
                abcfputs returned 0
                ! putchar returned 33
                \u00ff fputc returned 255
                fprintf(-1) -> -1 errno 9
                fputs(99) -> -1 errno 9
                """);
        assertThat(r.err()).isEqualTo("to stderr -5\nabc\n");
        assertThat(r.status()).isZero();
    }

    @Test
    void stringFunctionsHandleTheirEdgeCases() {
        GuestHarness.Result r = GuestHarness.program("string_test").run();
        assertThat(r.out()).isEqualTo("""
                strlen('') = 0
                strlen(hello) = 5
                strcmp(abc, abc) 0
                strcmp(abc, abd) -1
                strcmp(abd, abc) 1
                strcmp(ab, abc) -1
                strcmp(abc, ab) 1
                strcmp(\\x80, abc) 1
                strcmp('', '') 0
                strncmp(abc, abd, 2) 0
                strncmp(abc, abd, 3) -1
                strncmp(abc, xyz, 0) 0
                strncmp(ab, abc, 5) -1
                strchr(hello, l) at 2
                strchr(hello, z) = 0
                strchr(hello, NUL) at 5
                strrchr(hello, l) at 3
                strrchr(hello, z) = 0
                strrchr(hello, NUL) at 5
                strcpy returned buffer+0
                strcat: [hello, abc]
                strcat(''): [hello, abc]
                ab000x
                helxxx
                strdup equal: 0
                strdup: a new copy
                strstr(hello, llo) at 2
                strstr(hello, '') at 0
                strstr(hello, xyz) = 0
                strstr(aaab, aab) at 1
                strstr(ab, abc) = 0
                strspn = 3
                strcspn = 6
                strspn('') = 0
                strcspn(hello, '') = 5
                token [a]
                token [b]
                token [c]
                strtok after the end = 0
                strtok(only delimiters) = 0
                pair a -> 1
                pair b -> 2
                memmove up: [ababcdefghijmnop]
                memmove down: [cdefghijklklmnop]
                memmove onto itself: [abcdefghijklmnop]
                memcpy returned buffer+0
                memcpy: [hellofghijklmnop]
                memcpy 0: [hellofghijklmnop]
                memcpy 7: [ahello]
                memset: [---llo]
                memcmp(abc, abd, 2) 0
                memcmp(abc, abd, 3) -1
                memcmp(\\x80, a) 1
                memcmp(n = 0) 0
                memchr(l) at 2
                memchr(o, 4) = 0
                memchr(NUL, 6) at 5
                chomp -> 3 [one]
                chomp again -> 3 [one]
                chomp(newline) -> 0 []
                chomp('') -> 0
                split -> 3:
                  [ls]
                  [-l]
                  [/tmp]
                split -> 0:
                split(max 3) -> -1 errno 7
                  kept a b
                  then 0
                split -> 2:
                  [a]
                  [b]
                isdigit: 0123456789
                isalpha: ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz
                isalnum: 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz
                isupper: ABCDEFGHIJKLMNOPQRSTUVWXYZ
                islower: abcdefghijklmnopqrstuvwxyz
                isxdigit: 0123456789ABCDEFabcdef
                isspace: \\x09\\x0a\\x0b\\x0c\\x0d\s
                isprint:  !"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~
                ispunct: !"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~
                isdigit(EOF) = 0
                toupper(a) = A
                toupper(Z) = Z
                toupper(1) = 1
                tolower(Q) = q
                tolower(q) = q
                tolower(@) = @
                toupper(EOF) = -1
                """);
        assertThat(r.status()).isZero();
    }

    @Test
    void numbersAreParsedWithTheirErrorsAndFormattedInAnyBase() {
        GuestHarness.Result r = GuestHarness.program("number_test").run();
        assertThat(r.out()).isEqualTo("""
                strtol('0') = 0, read 1, errno 0
                strtol('42') = 42, read 2, errno 0
                strtol('-42') = -42, read 3, errno 0
                strtol('+42') = 42, read 3, errno 0
                strtol('  	 7 apples') = 7, read 5, errno 0
                strtol('2147483647') = 2147483647, read 10, errno 0
                strtol('2147483648') = 2147483647, read 10, errno 34
                strtol('-2147483648') = -2147483648, read 11, errno 0
                strtol('-2147483649') = -2147483648, read 11, errno 34
                strtol('99999999999999999999') = 2147483647, read 20, errno 34
                strtol('-99999999999999999999') = -2147483648, read 21, errno 34
                strtol('') = 0, read 0, errno 0
                strtol('   ') = 0, read 0, errno 0
                strtol('-') = 0, read 0, errno 0
                strtol('abc') = 0, read 0, errno 0
                strtol('ff') = 255, read 2, errno 0
                strtol('0xff') = 255, read 4, errno 0
                strtol('0XFF') = 255, read 4, errno 0
                strtol('0x') = 0, read 1, errno 0
                strtol('0xg') = 0, read 1, errno 0
                strtol('0x1f') = 31, read 4, errno 0
                strtol('017') = 15, read 3, errno 0
                strtol('019') = 1, read 2, errno 0
                strtol('0') = 0, read 1, errno 0
                strtol('19') = 19, read 2, errno 0
                strtol('777') = 511, read 3, errno 0
                strtol('101102') = 22, read 5, errno 0
                strtol('zz') = 1295, read 2, errno 0
                strtol('12') = 0, read 0, errno 22
                strtol('12') = 0, read 0, errno 22
                strtol('12') = 0, read 0, errno 22
                strtoul('4294967295') = 4294967295, read 10, errno 0
                strtoul('4294967296') = 4294967295, read 10, errno 34
                strtoul('-1') = 4294967295, read 2, errno 0
                strtoul('ffffffff') = 4294967295, read 8, errno 0
                strtoul('100000000') = 4294967295, read 9, errno 34
                atoi('123') = 123
                atoi(' -9x') = -9
                atoi('x9') = 0
                atoi('') = 0
                parse('42') -> 0, value 42, errno 0
                parse('-2147483648') -> 0, value -2147483648, errno 0
                parse('2147483647') -> 0, value 2147483647, errno 0
                parse('2147483648') -> -1, value 1515870810, errno 34
                parse('-2147483649') -> -1, value 1515870810, errno 34
                parse('') -> -1, value 1515870810, errno 22
                parse(' 1') -> -1, value 1515870810, errno 22
                parse('1 ') -> -1, value 1515870810, errno 22
                parse('12x') -> -1, value 1515870810, errno 22
                parse('-') -> -1, value 1515870810, errno 22
                parse('+5') -> 0, value 5, errno 0
                parse('7f') -> 0, value 127, errno 0
                parse('0x7f') -> 0, value 127, errno 0
                parse('0x7f') -> 0, value 127, errno 0
                parse('0755') -> 0, value 493, errno 0
                parse('0755') -> 0, value 493, errno 0
                parse('8') -> -1, value 1515870810, errno 22
                parse('1') -> -1, value 1515870810, errno 22
                parse('4294967295') -> 0, value -1, errno 0
                parse('4294967296') -> -1, value 1515870810, errno 34
                parse('-1') -> -1, value 1515870810, errno 22
                parse('0') -> 0, value 0, errno 0
                parse('ffffffff') -> 0, value -1, errno 0
                parse_int(NULL) -> -1 errno 22
                [0] 1
                [42] 2
                [-42] 3
                [2147483647] 10
                [-2147483648] 11
                [ffffffff] 8
                [11111111] 8
                [4294967295] 10
                [deadbeef] 8
                [777] 3
                [z] 1
                [0] 1
                [12] 2
                """);
        assertThat(r.status()).isZero();
    }

    @Test
    void strerrorKnowsEveryErrnoTheKernelKnows() {
        GuestHarness.Result r = GuestHarness.program("errno_test").run();
        StringJoiner expected = new StringJoiner("\n", "", "\n");
        for (int n = -1; n <= 136; n++) {
            Errno e = Errno.of(n);
            expected.add(n + " " + (e == null ? "(null)" : e.name()) + " "
                    + (e != null ? e.message() : n == 0 ? "Success" : "Unknown error " + n));
        }
        assertThat(r.out()).startsWith(expected.toString());
    }

    @Test
    void perrorWritesTheMessageForErrnoOnStderr() {
        GuestHarness.Result r = GuestHarness.program("errno_test").run();
        assertThat(r.out()).endsWith("""
                open -> -1 errno 2
                errno after perror 2
                """);
        assertThat(r.err()).isEqualTo("""
                /no/such/file: No such file or directory
                No such file or directory
                No such file or directory
                odd: Unknown error 999
                fine: Success
                close: Bad file descriptor
                """);
    }
}
