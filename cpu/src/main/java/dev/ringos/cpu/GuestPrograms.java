package dev.ringos.cpu;

import static dev.ringos.cpu.isa.Operand.*;

import dev.ringos.cpu.isa.CodeBuilder;

/**
 * Reference guest programs built with the encoder, for tests and benchmarks (until they can be
 * written in the assembler). Each ends with exit(status) through {@code int 0x80}.
 */
public final class GuestPrograms {
    public static final int CODE = 0x0804_8000;
    public static final int DATA = 0x0810_0000;
    public static final int STACK_TOP = 0xBFFF_F000;

    private GuestPrograms() {
    }

    /**
     * Sieve of Eratosthenes over [0, limit) with a byte array at {@link #DATA}; leaves the number
     * of primes in eax and exits with it modulo 256.
     */
    public static byte[] sieve(int limit) {
        CodeBuilder b = new CodeBuilder(CODE);
        b.emit("mov", ECX, imm(2));
        b.label("outer");
        b.emit("mov", EAX, ECX);
        b.emit("imul", EAX, ECX);
        b.emit("cmp", EAX, imm(limit));
        b.emit("jae", label("count"));
        b.emit("cmp", byteAt(mem(ECX, DATA)), imm(0));
        b.emit("jne", label("next"));
        b.label("mark");
        b.emit("mov", byteAt(mem(EAX, DATA)), imm(1));
        b.emit("add", EAX, ECX);
        b.emit("cmp", EAX, imm(limit));
        b.emit("jb", label("mark"));
        b.label("next");
        b.emit("inc", ECX);
        b.emit("jmp", label("outer"));
        b.label("count");
        b.emit("xor", EAX, EAX);
        b.emit("mov", ECX, imm(2));
        b.label("scan");
        b.emit("cmp", byteAt(mem(ECX, DATA)), imm(0));
        b.emit("jne", label("composite"));
        b.emit("inc", EAX);
        b.label("composite");
        b.emit("inc", ECX);
        b.emit("cmp", ECX, imm(limit));
        b.emit("jb", label("scan"));
        exit(b);
        return b.assemble();
    }

    /** A register-only loop of {@code iterations} × 8 ALU instructions; exits with 0. */
    public static byte[] aluLoop(int iterations) {
        CodeBuilder b = new CodeBuilder(CODE);
        b.emit("mov", ECX, imm(iterations));
        b.emit("mov", EAX, imm(1));
        b.emit("xor", EDX, EDX);
        b.label("loop");
        b.emit("add", EAX, ECX);
        b.emit("xor", EDX, EAX);
        b.emit("shl", EAX, imm(1));
        b.emit("sub", EDX, ECX);
        b.emit("and", EAX, imm(0x7FFF_FFFF));
        b.emit("or", EDX, EAX);
        b.emit("dec", ECX);
        b.emit("jnz", label("loop"));
        b.emit("mov", EBX, imm(0));
        b.emit("mov", EAX, imm(BareMachine.SYS_EXIT));
        b.emit("int", imm(0x80));
        return b.assemble();
    }

    private static void exit(CodeBuilder b) {
        b.emit("mov", EBX, EAX);
        b.emit("mov", EAX, imm(BareMachine.SYS_EXIT));
        b.emit("push", EBX);
        b.emit("int", imm(0x80));
    }

    /** A bare machine with {@code code} at {@link #CODE}, {@code dataBytes} of zeroed data, a stack, in ring 3. */
    public static BareMachine load(byte[] code, int dataBytes) {
        BareMachine m = new BareMachine(16 << 20);
        m.loadUser(CODE, code, code.length, 0);
        if (dataBytes > 0) {
            m.loadUser(DATA, new byte[0], dataBytes, PageTables.RW | PageTables.NX);
        }
        m.loadUser(STACK_TOP - 0x4000, new byte[0], 0x4000, PageTables.RW | PageTables.NX);
        m.enterUser(CODE, STACK_TOP);
        return m;
    }
}
