package dev.ringos.cpu.isa;

import static dev.ringos.cpu.isa.OperandType.*;
import static dev.ringos.cpu.isa.PrivilegeClass.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The opcode table: the single source of truth for the ringos ISA. The decoder, the encoder and
 * {@code docs/isa.md} are all built from {@link #FORMS}. Encodings are IA-32's, so ringos machine
 * code is a strict subset of 32-bit x86 code: anything the table lacks is #UD.
 */
public final class OpcodeTable {

    /** x86 condition codes in encoding order: the low nibble of 70+cc and 0F 80+cc. */
    public static final List<String> CONDITIONS =
            List.of("o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g");

    public static final List<InstructionForm> FORMS;

    /** Other names for the same instructions, as NASM accepts them. */
    public static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("jc", "jb"), Map.entry("jnae", "jb"), Map.entry("jnc", "jae"), Map.entry("jnb", "jae"),
            Map.entry("jz", "je"), Map.entry("jnz", "jne"), Map.entry("jna", "jbe"), Map.entry("jnbe", "ja"),
            Map.entry("jpe", "jp"), Map.entry("jpo", "jnp"), Map.entry("jnge", "jl"), Map.entry("jnl", "jge"),
            Map.entry("jng", "jle"), Map.entry("jnle", "jg"), Map.entry("sal", "shl"), Map.entry("pushfd", "pushf"),
            Map.entry("popfd", "popf"), Map.entry("iretd", "iret"));

    private final List<InstructionForm> rows = new ArrayList<>();

    private OpcodeTable() {
    }

    static {
        OpcodeTable t = new OpcodeTable();
        t.build();
        FORMS = Collections.unmodifiableList(t.rows);
    }

    private void build() {
        dataMovement();
        arithmetic();
        shifts();
        controlFlow();
        strings();
        flagsAndMisc();
        system();
    }

    private void dataMovement() {
        row("mov", "88 /r", 1, Op.MOV, RM8, R8);
        row("mov", "89 /r", 1, Op.MOV, RM32, R32);
        row("mov", "66 89 /r", 1, Op.MOV, RM16, R16);
        row("mov", "8A /r", 1, Op.MOV, R8, RM8);
        row("mov", "8B /r", 1, Op.MOV, R32, RM32);
        row("mov", "66 8B /r", 1, Op.MOV, R16, RM16);
        row("mov", "B0+rb ib", 1, Op.MOV, R8, IMM8);
        row("mov", "B8+rd id", 1, Op.MOV, R32, IMM32);
        row("mov", "66 B8+rw iw", 1, Op.MOV, R16, IMM16);
        row("mov", "C6 /0 ib", 1, Op.MOV, RM8, IMM8);
        row("mov", "C7 /0 id", 1, Op.MOV, RM32, IMM32);
        row("mov", "66 C7 /0 iw", 1, Op.MOV, RM16, IMM16);
        row("mov", "A0", 1, Op.MOV, AL, MOFFS8);
        row("mov", "A1", 1, Op.MOV, EAX, MOFFS32);
        row("mov", "66 A1", 1, Op.MOV, AX, MOFFS16);
        row("mov", "A2", 1, Op.MOV, MOFFS8, AL);
        row("mov", "A3", 1, Op.MOV, MOFFS32, EAX);
        row("mov", "66 A3", 1, Op.MOV, MOFFS16, AX);
        row("movzx", "0F B6 /r", 1, Op.MOVZX, R32, RM8);
        row("movzx", "66 0F B6 /r", 1, Op.MOVZX, R16, RM8);
        row("movzx", "0F B7 /r", 1, Op.MOVZX, R32, RM16);
        row("movsx", "0F BE /r", 1, Op.MOVSX, R32, RM8);
        row("movsx", "66 0F BE /r", 1, Op.MOVSX, R16, RM8);
        row("movsx", "0F BF /r", 1, Op.MOVSX, R32, RM16);
        row("lea", "8D /r", 1, Op.LEA, R32, M);
        row("lea", "66 8D /r", 1, Op.LEA, R16, M);
        row("xchg", "86 /r", 2, Op.XCHG, RM8, R8);
        row("xchg", "87 /r", 2, Op.XCHG, RM32, R32);
        row("xchg", "66 87 /r", 2, Op.XCHG, RM16, R16);
        row("xchg", "90+rd", 2, Op.XCHG, EAX, R32);
        row("cmpxchg", "0F B0 /r", 3, Op.CMPXCHG, RM8, R8);
        row("cmpxchg", "0F B1 /r", 3, Op.CMPXCHG, RM32, R32);
        row("cmpxchg", "66 0F B1 /r", 3, Op.CMPXCHG, RM16, R16);
        row("cdq", "99", 1, Op.CDQ);
        row("cwde", "98", 1, Op.CWDE);
        row("push", "50+rd", 1, Op.PUSH, R32);
        row("push", "FF /6", 1, Op.PUSH, RM32);
        row("push", "6A ib", 1, Op.PUSH, SIMM8);
        row("push", "68 id", 1, Op.PUSH, IMM32);
        row("pop", "58+rd", 1, Op.POP, R32);
        row("pop", "8F /0", 1, Op.POP, RM32);
        row("leave", "C9", 2, Op.LEAVE);
    }

    private void arithmetic() {
        Op[] group = {Op.ADD, Op.OR, Op.ADC, Op.SBB, Op.AND, Op.SUB, Op.XOR, Op.CMP};
        for (int digit = 0; digit < group.length; digit++) {
            aluGroup(group[digit], digit);
        }
        row("test", "84 /r", 1, Op.TEST, RM8, R8);
        row("test", "85 /r", 1, Op.TEST, RM32, R32);
        row("test", "66 85 /r", 1, Op.TEST, RM16, R16);
        row("test", "A8 ib", 1, Op.TEST, AL, IMM8);
        row("test", "A9 id", 1, Op.TEST, EAX, IMM32);
        row("test", "66 A9 iw", 1, Op.TEST, AX, IMM16);
        row("test", "F6 /0 ib", 1, Op.TEST, RM8, IMM8);
        row("test", "F7 /0 id", 1, Op.TEST, RM32, IMM32);
        row("test", "66 F7 /0 iw", 1, Op.TEST, RM16, IMM16);
        unaryGroup(Op.NOT, 2, 1);
        unaryGroup(Op.NEG, 3, 1);
        unaryGroup(Op.MUL, 4, 3);
        unaryGroup(Op.IMUL1, 5, 3);
        unaryGroup(Op.DIV, 6, 20);
        unaryGroup(Op.IDIV, 7, 20);
        row("imul", "0F AF /r", 3, Op.IMUL, R32, RM32);
        row("imul", "66 0F AF /r", 3, Op.IMUL, R16, RM16);
        row("imul", "6B /r ib", 3, Op.IMUL, R32, RM32, SIMM8);
        row("imul", "66 6B /r ib", 3, Op.IMUL, R16, RM16, SIMM8);
        row("imul", "69 /r id", 3, Op.IMUL, R32, RM32, IMM32);
        row("imul", "66 69 /r iw", 3, Op.IMUL, R16, RM16, IMM16);
        incDec(Op.INC, 0, 0x40);
        incDec(Op.DEC, 1, 0x48);
    }

    /** add, or, adc, sbb, and, sub, xor, cmp: opcodes 8·digit+0…5 and the 80/81/83 /digit forms. */
    private void aluGroup(Op op, int digit) {
        String m = op.name().toLowerCase();
        int base = digit * 8;
        row(m, hex(base) + " /r", 1, op, RM8, R8);
        row(m, hex(base + 1) + " /r", 1, op, RM32, R32);
        row(m, "66 " + hex(base + 1) + " /r", 1, op, RM16, R16);
        row(m, hex(base + 2) + " /r", 1, op, R8, RM8);
        row(m, hex(base + 3) + " /r", 1, op, R32, RM32);
        row(m, "66 " + hex(base + 3) + " /r", 1, op, R16, RM16);
        row(m, hex(base + 4) + " ib", 1, op, AL, IMM8);
        row(m, hex(base + 5) + " id", 1, op, EAX, IMM32);
        row(m, "66 " + hex(base + 5) + " iw", 1, op, AX, IMM16);
        row(m, "80 /" + digit + " ib", 1, op, RM8, IMM8);
        row(m, "81 /" + digit + " id", 1, op, RM32, IMM32);
        row(m, "66 81 /" + digit + " iw", 1, op, RM16, IMM16);
        row(m, "83 /" + digit + " ib", 1, op, RM32, SIMM8);
        row(m, "66 83 /" + digit + " ib", 1, op, RM16, SIMM8);
    }

    /** not, neg, mul, imul, div, idiv: F6 /digit (byte) and F7 /digit. */
    private void unaryGroup(Op op, int digit, int cycles) {
        String m = op == Op.IMUL1 ? "imul" : op.name().toLowerCase();
        row(m, "F6 /" + digit, cycles, op, RM8);
        row(m, "F7 /" + digit, cycles, op, RM32);
        row(m, "66 F7 /" + digit, cycles, op, RM16);
    }

    private void incDec(Op op, int digit, int shortOpcode) {
        String m = op.name().toLowerCase();
        row(m, "FE /" + digit, 1, op, RM8);
        row(m, "FF /" + digit, 1, op, RM32);
        row(m, "66 FF /" + digit, 1, op, RM16);
        row(m, hex(shortOpcode) + "+rd", 1, op, R32);
        row(m, "66 " + hex(shortOpcode) + "+rw", 1, op, R16);
    }

    private void shifts() {
        Op[] byDigit = {Op.ROL, Op.ROR, null, null, Op.SHL, Op.SHR, null, Op.SAR};
        for (int digit = 0; digit < byDigit.length; digit++) {
            Op op = byDigit[digit];
            if (op == null) {
                continue;
            }
            String m = op.name().toLowerCase();
            row(m, "C0 /" + digit + " ib", 1, op, RM8, IMM8);
            row(m, "C1 /" + digit + " ib", 1, op, RM32, IMM8);
            row(m, "66 C1 /" + digit + " ib", 1, op, RM16, IMM8);
            row(m, "D0 /" + digit, 1, op, RM8, ONE);
            row(m, "D1 /" + digit, 1, op, RM32, ONE);
            row(m, "66 D1 /" + digit, 1, op, RM16, ONE);
            row(m, "D2 /" + digit, 1, op, RM8, CL);
            row(m, "D3 /" + digit, 1, op, RM32, CL);
            row(m, "66 D3 /" + digit, 1, op, RM16, CL);
        }
    }

    private void controlFlow() {
        row("jmp", "EB cb", 1, Op.JMP, REL8);
        row("jmp", "E9 cd", 1, Op.JMP, REL32);
        row("jmp", "FF /4", 2, Op.JMP, RM32);
        for (int cc = 0; cc < 16; cc++) {
            String m = "j" + CONDITIONS.get(cc);
            add(m, hex(0x70 + cc) + " cb", 1, INNOCUOUS, Op.JCC, cc, 4, REL8);
            add(m, "0F " + hex(0x80 + cc) + " cd", 1, INNOCUOUS, Op.JCC, cc, 4, REL32);
        }
        row("call", "E8 cd", 2, Op.CALL, REL32);
        row("call", "FF /2", 2, Op.CALL, RM32);
        row("ret", "C3", 2, Op.RET);
        row("ret", "C2 iw", 2, Op.RET, IMM16);
    }

    private void strings() {
        sized("movsb", "A4", Op.MOVS, 1);
        sized("movsd", "A5", Op.MOVS, 4);
        sized("stosb", "AA", Op.STOS, 1);
        sized("stosd", "AB", Op.STOS, 4);
        sized("rep movsb", "F3 A4", Op.REP_MOVS, 1);
        sized("rep movsd", "F3 A5", Op.REP_MOVS, 4);
        sized("rep stosb", "F3 AA", Op.REP_STOS, 1);
        sized("rep stosd", "F3 AB", Op.REP_STOS, 4);
    }

    private void flagsAndMisc() {
        row("clc", "F8", 1, Op.CLC);
        row("stc", "F9", 1, Op.STC);
        row("cmc", "F5", 1, Op.CMC);
        row("cld", "FC", 1, Op.CLD);
        row("std", "FD", 1, Op.STD);
        row("nop", "90", 1, Op.NOP);
        row("ud2", "0F 0B", 1, Op.UD2);
        row("cpuid", "0F A2", 30, Op.CPUID);
        row("int3", "CC", 20, Op.INT3);
        row("int", "CD ib", 20, Op.INT, IMM8);
        row("syscall", "0F 05", 10, Op.SYSCALL);
    }

    private void system() {
        add("iret", "CF", 20, CONTROL_SENSITIVE, Op.IRET);
        add("popf", "9D", 2, CONTROL_SENSITIVE, Op.POPF);
        add("pushf", "9C", 2, BEHAVIOUR_SENSITIVE, Op.PUSHF);
        add("smsw", "0F 01 /4", 2, BEHAVIOUR_SENSITIVE, Op.SMSW, RM32);
        add("sidt", "0F 01 /1", 2, BEHAVIOUR_SENSITIVE, Op.SIDT, M);
        add("str", "0F 00 /1", 2, BEHAVIOUR_SENSITIVE, Op.STR, RM32);
        add("mov", "8C /1", 1, BEHAVIOUR_SENSITIVE, Op.MOV_FROM_CS, RM32, CS);
        add("rdtsc", "0F 31", 5, BEHAVIOUR_SENSITIVE, Op.RDTSC);
        add("cli", "FA", 1, IOPL_SENSITIVE, Op.CLI);
        add("sti", "FB", 1, IOPL_SENSITIVE, Op.STI);
        add("in", "E4 ib", 10, IOPL_SENSITIVE, Op.IN, AL, IMM8);
        add("in", "E5 ib", 10, IOPL_SENSITIVE, Op.IN, EAX, IMM8);
        add("in", "EC", 10, IOPL_SENSITIVE, Op.IN, AL, DX);
        add("in", "ED", 10, IOPL_SENSITIVE, Op.IN, EAX, DX);
        add("out", "E6 ib", 10, IOPL_SENSITIVE, Op.OUT, IMM8, AL);
        add("out", "E7 ib", 10, IOPL_SENSITIVE, Op.OUT, IMM8, EAX);
        add("out", "EE", 10, IOPL_SENSITIVE, Op.OUT, DX, AL);
        add("out", "EF", 10, IOPL_SENSITIVE, Op.OUT, DX, EAX);
        add("hlt", "F4", 1, PRIVILEGED, Op.HLT);
        add("lidt", "0F 01 /3", 10, PRIVILEGED, Op.LIDT, M);
        add("ltr", "0F 00 /3", 10, PRIVILEGED, Op.LTR, RM32);
        add("mov", "0F 20 /r", 5, PRIVILEGED, Op.MOV_FROM_CR, RM32, CR);
        add("mov", "0F 22 /r", 5, PRIVILEGED, Op.MOV_TO_CR, CR, RM32);
        add("invlpg", "0F 01 /7", 5, PRIVILEGED, Op.INVLPG, M);
        add("rdmsr", "0F 32", 20, PRIVILEGED, Op.RDMSR);
        add("wrmsr", "0F 30", 20, PRIVILEGED, Op.WRMSR);
        add("sysret", "0F 07", 10, PRIVILEGED, Op.SYSRET);
    }

    private void row(String mnemonic, String encoding, int cycles, Op op, OperandType... operands) {
        add(mnemonic, encoding, cycles, INNOCUOUS, op, operands);
    }

    private void sized(String mnemonic, String encoding, Op op, int size) {
        add(mnemonic, encoding, 1, INNOCUOUS, op, -1, size);
    }

    private void add(String mnemonic, String encoding, int cycles, PrivilegeClass privilege, Op op,
                     OperandType... operands) {
        add(mnemonic, encoding, cycles, privilege, op, -1, sizeOf(operands), operands);
    }

    private void add(String mnemonic, String encoding, int cycles, PrivilegeClass privilege, Op op, int condition,
                     int size, OperandType... operands) {
        rows.add(new InstructionForm(mnemonic, List.of(operands), Encoding.parse(encoding), cycles, privilege, op,
                condition, size));
    }

    /** The operand size: that of the first operand that has one (immediates follow it), else 32 bits. */
    private static int sizeOf(OperandType[] operands) {
        for (OperandType t : operands) {
            if (t.size() > 0 && !t.isImmediate() && !t.isRelative() && t != DX && t != ONE && t != CS) {
                return t.size();
            }
        }
        return 4;
    }

    private static String hex(int b) {
        return String.format("%02X", b);
    }
}
