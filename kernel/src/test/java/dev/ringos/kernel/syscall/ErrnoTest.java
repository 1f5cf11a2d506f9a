package dev.ringos.kernel.syscall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrnoTest {
    @Test
    void numbersAndMessagesAreLinuxAndGlibcs() {
        assertThat(Errno.EPERM.number()).isEqualTo(1);
        assertThat(Errno.ENOENT.number()).isEqualTo(2);
        assertThat(Errno.ENOENT.message()).isEqualTo("No such file or directory");
        assertThat(Errno.EFAULT.number()).isEqualTo(14);
        assertThat(Errno.EFAULT.message()).isEqualTo("Bad address");
        assertThat(Errno.ENOSYS.number()).isEqualTo(38);
        assertThat(Errno.ENOSYS.message()).isEqualTo("Function not implemented");
        assertThat(Errno.EAGAIN.message()).isEqualTo("Resource temporarily unavailable");
        assertThat(Errno.ELOOP.number()).isEqualTo(40);
        assertThat(Errno.ENOMSG.number()).isEqualTo(42);
        assertThat(Errno.EBFONT.number()).isEqualTo(59);
        assertThat(Errno.EOPNOTSUPP.number()).isEqualTo(95);
        assertThat(Errno.EHWPOISON.number()).isEqualTo(133);
        assertThat(Errno.EHWPOISON.message()).isEqualTo("Memory page has hardware error");
        assertThat(Errno.values()).hasSize(131); // 1..133 without the unused 41 and 58
    }

    @Test
    void negatedIsWhatASyscallReturns() {
        assertThat(Errno.ENOENT.negated()).isEqualTo(-2);
        assertThat(Errno.isError(Errno.ENOENT.negated())).isTrue();
    }

    @Test
    void everyNumberIsUniqueAndRoundTrips() {
        Set<Integer> seen = new HashSet<>();
        for (Errno e : Errno.values()) {
            assertThat(seen.add(e.number())).as(e.name()).isTrue();
            assertThat(Errno.of(e.number())).isSameAs(e);
            assertThat(e.message()).isNotBlank();
        }
    }

    @Test
    void unknownNumbersAreNull() {
        assertThat(Errno.of(0)).isNull();
        assertThat(Errno.of(41)).isNull();
        assertThat(Errno.of(58)).isNull();
        assertThat(Errno.of(134)).isNull();
        assertThat(Errno.of(-2)).isNull();
        assertThat(Errno.of(Integer.MIN_VALUE)).isNull();
    }

    @Test
    void isErrorCoversMinus4095ToMinus1() {
        assertThat(Errno.MAX).isEqualTo(4095);
        assertThat(Errno.isError(-1)).isTrue();
        assertThat(Errno.isError(-4095)).isTrue();
        assertThat(Errno.isError(-4096)).isFalse(); // e.g. a high mmap address
        assertThat(Errno.isError(0)).isFalse();
        assertThat(Errno.isError(3)).isFalse();
        assertThat(Errno.isError(Integer.MIN_VALUE)).isFalse();
    }
}
