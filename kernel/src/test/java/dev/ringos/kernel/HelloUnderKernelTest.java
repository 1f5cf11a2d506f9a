package dev.ringos.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringos.kernel.core.RunResult;
import org.junit.jupiter.api.Test;

class HelloUnderKernelTest {
    static final String HELLO = """
            section .text
            global _start
            _start:
                mov eax, 4
                mov ebx, 1
                mov ecx, msg
                mov edx, len
                int 0x80
                mov eax, 1
                mov ebx, 3
                int 0x80
            section .data
            msg: db "hello", 10
            len equ $ - msg
            """;

    @Test
    void programWritesThroughTheKernelAndExitsWithItsStatus() {
        GuestRun.Result r = new GuestRun().program("/bin/hello", HELLO).run("/bin/hello");
        assertThat(r.end()).isEqualTo(RunResult.SHUTDOWN);
        assertThat(r.out()).isEqualTo("hello\n");
        assertThat(r.status()).isEqualTo(3);
    }
}
