/*
 * alu_oracle: runs ALU instructions on the real x86 CPU of the host and prints what they did, as
 * the reference AluOracleTest holds ringos to. Needs x86-64 Linux and gcc; the output is committed,
 * so the Java test never needs either. Regenerate from the repository root with:
 *
 *   gcc -O1 -o /tmp/alu_oracle cpu/src/test/native/alu_oracle.c && /tmp/alu_oracle > cpu/src/test/resources/oracle/alu-x86.txt
 *
 * One line per case, every number in hex:
 *
 *   op size a b fin -> result flags mask=M
 *
 * op      add adc sub sbb and or xor cmp test (dst a, src b); inc dec neg not (a; b is 0);
 *         shl shr sar rol ror (a shifted by count b, in cl); imul2 (two-operand imul: a * b);
 *         mul imul1 (one-operand: al/ax/eax = a times r/m = b)
 * size    operand size in bits: 8, 16 or 32 (imul2 has no 8-bit form)
 * fin     the arithmetic EFLAGS bits loaded with popf just before the instruction
 * result  the destination after (cmp and test: unchanged); for mul and imul1 the whole product,
 *         ah:al, dx:ax or edx:eax
 * flags   EFLAGS after, only the bits in mask
 * mask    the arithmetic flags Intel defines for this instruction and count (SDM vol. 2); the
 *         others are left out, so the file only holds behaviour every x86 CPU agrees on
 *
 * Operands: the boundary values below crossed with each other, then 200 pairs from a fixed LCG.
 * Unary operations and shifts take the first operands of the boundary values and of the first 64
 * random pairs, which keeps the file around a megabyte. The input flags come from the same LCG,
 * and adc/sbb run once with CF clear and once with it set.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define CF 0x001u
#define PF 0x004u
#define AF 0x010u
#define ZF 0x040u
#define SF 0x080u
#define OF 0x800u
#define ALL (CF | PF | AF | ZF | SF | OF)

/*
 * Every asm block steps below the red zone (it pushes), loads EFLAGS from f, runs the instruction
 * and reads EFLAGS back into f. lea changes no flags.
 */
#define ENTER "lea -128(%%rsp), %%rsp\n\tpushq %[f]\n\tpopfq\n\t"
#define LEAVE "\n\tpushfq\n\tpopq %[f]\n\tlea 128(%%rsp), %%rsp"

typedef uint64_t (*op_fn)(uint64_t a, uint64_t b, uint64_t *flags);

#define BINARY(NAME, INSN, T)                                                                     \
    static uint64_t NAME(uint64_t a, uint64_t b, uint64_t *flags) {                               \
        T x = (T)a, y = (T)b;                                                                     \
        uint64_t f = *flags;                                                                      \
        __asm__ volatile(ENTER INSN " %[y], %[x]" LEAVE                                           \
                         : [x] "+r"(x), [f] "+r"(f) : [y] "r"(y) : "cc", "memory");               \
        *flags = f;                                                                               \
        return x;                                                                                 \
    }

#define UNARY(NAME, INSN, T)                                                                      \
    static uint64_t NAME(uint64_t a, uint64_t b, uint64_t *flags) {                               \
        T x = (T)a;                                                                               \
        uint64_t f = *flags;                                                                      \
        (void)b;                                                                                  \
        __asm__ volatile(ENTER INSN " %[x]" LEAVE : [x] "+r"(x), [f] "+r"(f) : : "cc", "memory"); \
        *flags = f;                                                                               \
        return x;                                                                                 \
    }

#define SHIFT(NAME, INSN, T)                                                                      \
    static uint64_t NAME(uint64_t a, uint64_t b, uint64_t *flags) {                               \
        T x = (T)a;                                                                               \
        uint8_t count = (uint8_t)b;                                                               \
        uint64_t f = *flags;                                                                      \
        __asm__ volatile(ENTER INSN " %%cl, %[x]" LEAVE                                           \
                         : [x] "+r"(x), [f] "+r"(f) : "c"(count) : "cc", "memory");               \
        *flags = f;                                                                               \
        return x;                                                                                 \
    }

#define SIZES(MACRO, name, insn)                                                                  \
    MACRO(name##8, insn "b", uint8_t)                                                             \
    MACRO(name##16, insn "w", uint16_t)                                                           \
    MACRO(name##32, insn "l", uint32_t)

SIZES(BINARY, add, "add")
SIZES(BINARY, adc, "adc")
SIZES(BINARY, sub, "sub")
SIZES(BINARY, sbb, "sbb")
SIZES(BINARY, and, "and")
SIZES(BINARY, or, "or")
SIZES(BINARY, xor, "xor")
SIZES(BINARY, cmp, "cmp")
SIZES(BINARY, test, "test")
SIZES(UNARY, inc, "inc")
SIZES(UNARY, dec, "dec")
SIZES(UNARY, neg, "neg")
SIZES(UNARY, not, "not")
SIZES(SHIFT, shl, "shl")
SIZES(SHIFT, shr, "shr")
SIZES(SHIFT, sar, "sar")
SIZES(SHIFT, rol, "rol")
SIZES(SHIFT, ror, "ror")
BINARY(imul2_16, "imulw", uint16_t)
BINARY(imul2_32, "imull", uint32_t)

/* mul and one-operand imul: the accumulator times r/m, the product in ax, dx:ax or edx:eax. */
#define WIDE8(NAME, INSN)                                                                         \
    static uint64_t NAME(uint64_t a, uint64_t b, uint64_t *flags) {                               \
        uint16_t ax = (uint8_t)a;                                                                 \
        uint8_t y = (uint8_t)b;                                                                   \
        uint64_t f = *flags;                                                                      \
        __asm__ volatile(ENTER INSN " %[y]" LEAVE                                                 \
                         : "+a"(ax), [f] "+r"(f) : [y] "q"(y) : "cc", "memory");                  \
        *flags = f;                                                                               \
        return ax;                                                                                \
    }

#define WIDE(NAME, INSN, T, BITS)                                                                 \
    static uint64_t NAME(uint64_t a, uint64_t b, uint64_t *flags) {                               \
        T lo = (T)a, hi, y = (T)b;                                                                \
        uint64_t f = *flags;                                                                      \
        __asm__ volatile(ENTER INSN " %[y]" LEAVE                                                 \
                         : "+a"(lo), "=&d"(hi), [f] "+r"(f) : [y] "r"(y) : "cc", "memory");       \
        *flags = f;                                                                               \
        return (uint64_t)hi << BITS | lo;                                                         \
    }

WIDE8(mul8, "mulb")
WIDE(mul16, "mulw", uint16_t, 16)
WIDE(mul32, "mull", uint32_t, 32)
WIDE8(imul1_8, "imulb")
WIDE(imul1_16, "imulw", uint16_t, 16)
WIDE(imul1_32, "imull", uint32_t, 32)

enum kind { ARITHMETIC, LOGIC, UNARY_OP, SHIFT_OP, ROTATE, MULTIPLY };

struct op {
    const char *name;
    enum kind kind;
    int with_carry; /* adc, sbb: run with CF clear and set */
    op_fn fn[3];    /* 8, 16, 32 bits; NULL where there is no form */
};

static const struct op OPS[] = {
    {"add", ARITHMETIC, 0, {add8, add16, add32}},
    {"adc", ARITHMETIC, 1, {adc8, adc16, adc32}},
    {"sub", ARITHMETIC, 0, {sub8, sub16, sub32}},
    {"sbb", ARITHMETIC, 1, {sbb8, sbb16, sbb32}},
    {"and", LOGIC, 0, {and8, and16, and32}},
    {"or", LOGIC, 0, {or8, or16, or32}},
    {"xor", LOGIC, 0, {xor8, xor16, xor32}},
    {"cmp", ARITHMETIC, 0, {cmp8, cmp16, cmp32}},
    {"test", LOGIC, 0, {test8, test16, test32}},
    {"inc", UNARY_OP, 0, {inc8, inc16, inc32}},
    {"dec", UNARY_OP, 0, {dec8, dec16, dec32}},
    {"neg", UNARY_OP, 0, {neg8, neg16, neg32}},
    {"not", UNARY_OP, 0, {not8, not16, not32}},
    {"shl", SHIFT_OP, 0, {shl8, shl16, shl32}},
    {"shr", SHIFT_OP, 0, {shr8, shr16, shr32}},
    {"sar", SHIFT_OP, 0, {sar8, sar16, sar32}},
    {"rol", ROTATE, 0, {rol8, rol16, rol32}},
    {"ror", ROTATE, 0, {ror8, ror16, ror32}},
    {"imul2", MULTIPLY, 0, {NULL, imul2_16, imul2_32}},
    {"mul", MULTIPLY, 0, {mul8, mul16, mul32}},
    {"imul1", MULTIPLY, 0, {imul1_8, imul1_16, imul1_32}},
};

static const uint32_t BOUNDARY[] = {0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF,
                                    0x7FFFFFFF, 0x80000000, 0xFFFFFFFF};
#define NBOUNDARY (sizeof BOUNDARY / sizeof BOUNDARY[0])
#define NRANDOM 200
#define NRANDOM_UNARY 64
static const unsigned COUNTS[] = {0, 1, 2, 7, 8, 15, 16, 31};
#define NCOUNTS (sizeof COUNTS / sizeof COUNTS[0])

static uint64_t lcg_state = 0x52494E474F53ull; /* "RINGOS" */

/* Knuth's MMIX LCG; the high half, whose bits are the good ones. */
static uint32_t next_random(void) {
    lcg_state = lcg_state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(lcg_state >> 32);
}

/* The arithmetic flags Intel defines after this operation (SDM vol. 2, each instruction's "Flags Affected"). */
static unsigned defined_flags(const struct op *op, int bits, unsigned count) {
    unsigned masked = count & 31;
    switch (op->kind) {
    case LOGIC:
        return ALL & ~AF;
    case MULTIPLY:
        return CF | OF;
    case SHIFT_OP: {
        if (masked == 0) {
            return ALL; /* flags not affected */
        }
        unsigned m = ALL & ~AF;
        if (masked != 1) {
            m &= ~OF;
        }
        if (strcmp(op->name, "sar") != 0 && masked >= (unsigned)bits) {
            m &= ~CF;
        }
        return m;
    }
    case ROTATE:
        /* SF ZF AF PF are never affected; CF is once the masked count is nonzero. */
        return masked == 1 || masked == 0 ? ALL : ALL & ~OF;
    default:
        return ALL;
    }
}

static uint64_t size_mask(int bits) {
    return bits == 32 ? 0xFFFFFFFFull : (1ull << bits) - 1;
}

static void emit(const struct op *op, int size_index, uint64_t a, uint64_t b, unsigned fin) {
    static const int BITS[] = {8, 16, 32};
    int bits = BITS[size_index];
    int digits = bits / 4;
    int wide = strcmp(op->name, "mul") == 0 || strcmp(op->name, "imul1") == 0;
    int result_digits = wide ? 2 * digits : digits;
    a &= size_mask(bits);
    b = op->kind == SHIFT_OP || op->kind == ROTATE ? b : b & size_mask(bits);
    uint64_t f = fin;
    uint64_t result = op->fn[size_index](a, b, &f);
    unsigned mask = defined_flags(op, bits, (unsigned)b);
    printf("%s %d %0*llx %0*llx %03x -> %0*llx %03x mask=%03x\n", op->name, bits, digits, (unsigned long long)a,
           op->kind == SHIFT_OP || op->kind == ROTATE ? 2 : digits, (unsigned long long)b, fin, result_digits,
           (unsigned long long)result, (unsigned)f & mask, mask);
}

int main(void) {
    uint32_t pair_a[NBOUNDARY * NBOUNDARY + NRANDOM], pair_b[NBOUNDARY * NBOUNDARY + NRANDOM];
    size_t pairs = 0;
    for (size_t i = 0; i < NBOUNDARY; i++) {
        for (size_t j = 0; j < NBOUNDARY; j++) {
            pair_a[pairs] = BOUNDARY[i];
            pair_b[pairs++] = BOUNDARY[j];
        }
    }
    for (int i = 0; i < NRANDOM; i++) {
        pair_a[pairs] = next_random();
        pair_b[pairs++] = next_random();
    }
    uint32_t single[NBOUNDARY + NRANDOM_UNARY];
    size_t singles = 0;
    for (size_t i = 0; i < NBOUNDARY; i++) {
        single[singles++] = BOUNDARY[i];
    }
    for (int i = 0; i < NRANDOM_UNARY; i++) {
        single[singles++] = pair_a[NBOUNDARY * NBOUNDARY + i];
    }

    printf("# Generated by cpu/src/test/native/alu_oracle.c on a real x86 CPU; do not edit. Regenerate with:\n");
    printf("# gcc -O1 -o /tmp/alu_oracle cpu/src/test/native/alu_oracle.c && "
           "/tmp/alu_oracle > cpu/src/test/resources/oracle/alu-x86.txt\n");
    printf("# op size a b fin -> result flags mask=M   (hex; flags holds only the bits in mask)\n");
    for (size_t o = 0; o < sizeof OPS / sizeof OPS[0]; o++) {
        const struct op *op = &OPS[o];
        for (int s = 0; s < 3; s++) {
            if (op->fn[s] == NULL) {
                continue;
            }
            if (op->kind == UNARY_OP) {
                for (size_t i = 0; i < singles; i++) {
                    emit(op, s, single[i], 0, next_random() & ALL);
                }
            } else if (op->kind == SHIFT_OP || op->kind == ROTATE) {
                for (size_t i = 0; i < singles; i++) {
                    for (size_t c = 0; c < NCOUNTS; c++) {
                        emit(op, s, single[i], COUNTS[c], next_random() & ALL);
                    }
                }
            } else {
                for (size_t i = 0; i < pairs; i++) {
                    unsigned fin = next_random() & ALL;
                    if (op->with_carry) {
                        emit(op, s, pair_a[i], pair_b[i], fin & ~CF);
                        emit(op, s, pair_a[i], pair_b[i], fin | CF);
                    } else {
                        emit(op, s, pair_a[i], pair_b[i], fin);
                    }
                }
            }
        }
    }
    return 0;
}
