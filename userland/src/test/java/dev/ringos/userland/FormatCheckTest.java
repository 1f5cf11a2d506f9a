package dev.ringos.userland;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * printf and parse_int against Java on many generated cases (a fixed seed, so every run checks
 * the same ones), all in one run of format_check: read_line, split and parse_int carry them in.
 */
class FormatCheckTest {
    private static final Random RANDOM = new Random(20240601L);

    private static int interesting() {
        return switch (RANDOM.nextInt(6)) {
            case 0 -> Integer.MIN_VALUE + RANDOM.nextInt(3);
            case 1 -> Integer.MAX_VALUE - RANDOM.nextInt(3);
            case 2 -> RANDOM.nextInt(21) - 10;
            case 3 -> RANDOM.nextInt(100_000) - 50_000;
            default -> RANDOM.nextInt();
        };
    }

    @Test
    void printfAgreesWithJavasFormatter() {
        StringBuilder input = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            int value = interesting();
            int width = RANDOM.nextInt(3) == 0 ? 0 : 1 + RANDOM.nextInt(15);
            String flag = width == 0 ? (RANDOM.nextBoolean() ? "-" : "") : List.of("", "-", "0").get(RANDOM.nextInt(3));
            char conversion = "diuxXo".charAt(RANDOM.nextInt(6));
            String spec = "%" + flag + (width == 0 ? "" : width);
            input.append("F ").append(spec).append(conversion).append(' ').append(value).append('\n');
            String java = width == 0 ? "%" : spec;     // Java refuses a '-' without a width; C ignores it
            expected.append(switch (conversion) {
                case 'd', 'i' -> String.format(java + "d", value);
                case 'u' -> String.format(java + "d", Integer.toUnsignedLong(value));
                default -> String.format(java + conversion, value);
            }).append('\n');
        }
        GuestHarness.Result r = GuestHarness.program("format_check").input(input.toString()).run();
        assertThat(r.out()).isEqualTo(expected.toString());
    }

    @Test
    void parseIntAgreesWithJavasParser() {
        StringBuilder input = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int base = List.of(2, 8, 10, 16, 36).get(RANDOM.nextInt(5));
            long value = switch (RANDOM.nextInt(4)) {
                case 0 -> interesting();
                case 1 -> (long) interesting() * (1 + RANDOM.nextInt(3));      // often out of range
                default -> RANDOM.nextInt(1000) - 500;
            };
            String text = Long.toString(value, base);
            if (RANDOM.nextInt(4) == 0) {
                text = text.toUpperCase();
            }
            switch (RANDOM.nextInt(8)) {
                case 0 -> text = text + "g!".charAt(RANDOM.nextInt(2));                  // junk after the digits
                case 1 -> text = value >= 0 ? "+" + text : text;
                case 2 -> text = "-";
                default -> { }
            }
            input.append("P ").append(base).append(' ').append(text).append('\n');
            String answer;
            try {
                long parsed = Long.parseLong(text, base);
                answer = parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE ? "error ERANGE" : "= " + parsed;
            } catch (NumberFormatException e) {
                answer = "error EINVAL";
            }
            expected.add(answer);
        }
        assertThat(expected).contains("error ERANGE", "error EINVAL").anyMatch(a -> a.startsWith("= -"));
        GuestHarness.Result r = GuestHarness.program("format_check").input(input.toString()).run();
        assertThat(r.out().lines().toList()).containsExactlyElementsOf(expected);
    }
}
