package dev.ringos.cpu.isa;

/** What an instruction does; the opcode table pairs each encoding with one of these. */
public enum Op {
    // The ALU group, in x86's /digit order (80 /0 is add … 80 /7 is cmp).
    ADD("add"), OR("bitwise or"), ADC("add with carry"), SBB("subtract with borrow"),
    AND("bitwise and"), SUB("subtract"), XOR("bitwise exclusive or"), CMP("compare (subtract, flags only)"),
    TEST("and, flags only"), NOT("one's complement"), NEG("two's complement"),
    MUL("unsigned multiply into edx:eax"), IMUL1("signed multiply into edx:eax"),
    IMUL("signed multiply, truncated"), DIV("unsigned divide edx:eax"), IDIV("signed divide edx:eax"),
    INC("increment, CF kept"), DEC("decrement, CF kept"),
    ROL("rotate left"), ROR("rotate right"), SHL("shift left"), SHR("shift right, unsigned"),
    SAR("shift right, signed"),
    MOV("move"), MOVZX("move, zero-extended"), MOVSX("move, sign-extended"),
    LEA("load effective address"), XCHG("exchange"), CMPXCHG("compare and exchange with eax"),
    CDQ("sign-extend eax into edx"), CWDE("sign-extend ax into eax"),
    PUSH("push onto the stack"), POP("pop from the stack"), LEAVE("esp = ebp, pop ebp"),
    JMP("jump"), JCC("jump if condition"), CALL("push return address and jump"),
    RET("pop return address (and release imm16 bytes)"),
    MOVS("copy [esi] to [edi], step by DF"), STOS("store al/eax to [edi], step by DF"),
    REP_MOVS("movs, ecx times"), REP_STOS("stos, ecx times"),
    CLC("clear CF"), STC("set CF"), CMC("complement CF"), CLD("clear DF"), STD("set DF"),
    NOP("no operation"), UD2("undefined instruction (#UD)"), CPUID("processor identification"),
    INT3("breakpoint trap (#BP)"), INT("software interrupt"), IRET("return from interrupt"),
    SYSCALL("fast system call"), SYSRET("fast return to ring 3"),
    HLT("halt until an interrupt"), CLI("clear IF"), STI("set IF (after the next instruction)"),
    IN("read an I/O port"), OUT("write an I/O port"),
    PUSHF("push EFLAGS"), POPF("pop EFLAGS (IF and IOPL only where allowed)"),
    LIDT("load IDTR from m (limit16, base32)"), SIDT("store IDTR to m"),
    LTR("load the task register (TSS address)"), STR("store the task register"),
    SMSW("store CR0's low 16 bits"), MOV_TO_CR("load a control register"),
    MOV_FROM_CR("read a control register"), MOV_FROM_CS("read CS (reveals the CPL)"),
    INVLPG("drop one page from the TLB"), RDMSR("read MSR ecx into edx:eax"),
    WRMSR("write edx:eax to MSR ecx"), RDTSC("read the cycle counter into edx:eax");

    private final String summary;

    Op(String summary) {
        this.summary = summary;
    }

    public String summary() {
        return summary;
    }
}
