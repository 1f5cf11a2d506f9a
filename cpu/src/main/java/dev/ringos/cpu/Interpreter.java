package dev.ringos.cpu;

import static dev.ringos.cpu.Insn.IMM;
import static dev.ringos.cpu.Insn.MEM;
import static dev.ringos.cpu.Insn.NONE;
import static dev.ringos.cpu.Insn.REG;
import static dev.ringos.cpu.Registers.ESP;

import dev.ringos.cpu.isa.PrivilegeClass;

/**
 * The fetch–decode–execute loop. Instructions are decoded once per physical page offset and kept
 * in the page's {@link DecodedPage}; the loop then costs a page compare, an array load and a switch
 * on the handler the decoder picked. The common 32-bit forms have handlers of their own; everything
 * else, including every privileged or sensitive instruction, goes through {@link Executor}.
 */
final class Interpreter implements Decoder.ByteSource {
    // Specialised handlers, chosen once per decoded instruction by select().
    static final int X_GENERIC = 0, X_UD = 1,
            X_MOV_RR = 2, X_MOV_RM = 3, X_MOV_MR = 4, X_MOV_RI = 5, X_MOV_MI = 6,
            X_MOV_M8I = 7, X_MOV_M8R = 8, X_MOVZX_M8 = 9, X_MOVZX_R8 = 10, X_LEA = 11,
            X_ADD_RR = 12, X_ADD_RM = 13, X_ADD_MR = 14, X_ADD_RI = 15, X_ADD_MI = 16,
            X_SUB_RR = 17, X_SUB_RM = 18, X_SUB_RI = 19,
            X_CMP_RR = 20, X_CMP_RM = 21, X_CMP_MR = 22, X_CMP_RI = 23, X_CMP_MI = 24, X_CMP_M8I = 25,
            X_AND_RR = 26, X_AND_RI = 27, X_OR_RR = 28, X_XOR_RR = 29, X_TEST_RR = 30, X_TEST_RI = 31,
            X_INC_R = 32, X_DEC_R = 33, X_PUSH_R = 34, X_PUSH_I = 35, X_POP_R = 36,
            X_JMP = 37, X_JCC = 38, X_CALL = 39, X_RET = 40, X_NOP = 41, X_SHL_RI = 42, X_SHR_RI = 43,
            // jcc by condition: after a 32-bit cmp/sub the operands answer directly; ZF and SF never need the kind.
            X_JE = 44, X_JNE = 45, X_JB = 46, X_JAE = 47, X_JBE = 48, X_JA = 49, X_JS = 50, X_JNS = 51,
            X_JL = 52, X_JGE = 53, X_JLE = 54, X_JG = 55;

    private final Cpu cpu;
    private final int[] r;
    private final Mmu mmu;
    private final PhysicalMemory memory;
    private final Events events;
    private final Executor executor;
    private final Traps traps;

    /** The virtual page instructions are being fetched from (1, never a page address, when none). */
    private int fetchPage = 1;
    /** Whether the fetch page was translated with ring 3's rights. */
    private boolean fetchPageUser;
    private int fetchFrame;
    private DecodedPage fetchDecoded;
    private Insn[] fetchSlots;
    private byte[] fetchLengths;
    /** Decoding state for byteAt: where the instruction starts, virtually and physically. */
    private int decodeVa;
    private int decodePa;
    private boolean decodeCrossed;
    private final Insn scratch = new Insn();

    Interpreter(Cpu cpu) {
        this.cpu = cpu;
        this.r = cpu.regs;
        this.mmu = cpu.mmu;
        this.memory = cpu.memory;
        this.events = cpu.events;
        this.traps = new Traps(cpu);
        this.executor = new Executor(cpu, traps);
    }

    Exit run(long budget) {
        events.startBudget(budget);
        while (true) {
            try {
                if (cpu.cycles >= events.next) {
                    Exit exit = events.service();
                    if (exit != null) {
                        return exit;
                    }
                }
                runUntilEvent();
            } catch (RuntimeException | StackOverflowError bug) {
                // Host code behind a gate failed while a fault or an interrupt was delivered: stop this machine, not the host.
                events.shutdown("internal error at eip " + Integer.toHexString(cpu.eip) + ": " + bug);
                cpu.shutdownCause = bug;
            }
        }
    }

    /**
     * Executes instructions until the next event is due. EIP, the counters and the fetch page live
     * in locals here and go back to the CPU before anything else can look at them: the general
     * executor, a fault's delivery, and the return.
     */
    private void runUntilEvent() {
        Cpu c = cpu;
        int[] r = this.r;
        int eip = c.eip;
        long cycles = c.cycles;
        long instructions = c.instructions;
        long limit = events.next;
        int page = fetchPage;
        Insn[] slots = fetchSlots;
        byte[] lengths = fetchLengths;
        try {
            while (cycles < limit) {
                int offset = eip & 0xFFF;
                Insn in = (eip & ~0xFFF) == page ? slots[offset] : null;
                int next;
                if (in != null) {
                    next = eip + lengths[offset];
                } else {
                    in = fetch(eip);
                    page = fetchPage;
                    slots = fetchSlots;
                    lengths = fetchLengths;
                    next = eip + in.length;
                }
                switch (in.exec) {
                    case X_MOV_RR -> r[in.dst & 7] = r[in.src & 7];
                    case X_MOV_RM -> r[in.dst & 7] = mmu.read32(c.ea(in));
                    case X_MOV_MR -> mmu.write32(c.ea(in), r[in.src & 7]);
                    case X_MOV_RI -> r[in.dst & 7] = in.imm;
                    case X_MOV_MI -> mmu.write32(c.ea(in), in.imm);
                    case X_MOV_M8I -> mmu.write8(c.ea(in), in.imm);
                    case X_MOV_M8R -> mmu.write8(c.ea(in), c.reg8(in.src));
                    case X_MOVZX_M8 -> r[in.dst & 7] = mmu.read8(c.ea(in));
                    case X_MOVZX_R8 -> r[in.dst & 7] = c.reg8(in.src);
                    case X_LEA -> r[in.dst & 7] = c.ea(in);
                    case X_ADD_RR -> r[in.dst & 7] = add(r[in.dst & 7], r[in.src & 7]);
                    case X_ADD_RM -> r[in.dst & 7] = add(r[in.dst & 7], mmu.read32(c.ea(in)));
                    case X_ADD_MR -> {
                        int va = c.ea(in);
                        int a = mmu.read32(va);
                        int b = r[in.src & 7];
                        mmu.write32(va, a + b);
                        c.setLazy(Alu.ADD, a, b, a + b, -1);
                        c.carry = Integer.compareUnsigned(a + b, a) < 0 ? 1 : 0;
                    }
                    case X_ADD_RI -> r[in.dst & 7] = add(r[in.dst & 7], in.imm);
                    case X_ADD_MI -> {
                        int va = c.ea(in);
                        int a = mmu.read32(va);
                        mmu.write32(va, a + in.imm);
                        c.setLazy(Alu.ADD, a, in.imm, a + in.imm, -1);
                        c.carry = Integer.compareUnsigned(a + in.imm, a) < 0 ? 1 : 0;
                    }
                    case X_SUB_RR -> r[in.dst & 7] = sub(r[in.dst & 7], r[in.src & 7]);
                    case X_SUB_RM -> r[in.dst & 7] = sub(r[in.dst & 7], mmu.read32(c.ea(in)));
                    case X_SUB_RI -> r[in.dst & 7] = sub(r[in.dst & 7], in.imm);
                    case X_CMP_RR -> sub(r[in.dst & 7], r[in.src & 7]);
                    case X_CMP_RM -> sub(r[in.dst & 7], mmu.read32(c.ea(in)));
                    case X_CMP_MR -> sub(mmu.read32(c.ea(in)), r[in.src & 7]);
                    case X_CMP_RI -> sub(r[in.dst & 7], in.imm);
                    case X_CMP_MI -> sub(mmu.read32(c.ea(in)), in.imm);
                    case X_CMP_M8I -> {
                        int a = mmu.read8(c.ea(in));
                        int b = in.imm & 0xFF;
                        c.setLazy(Alu.SUB, a, b, a - b, 0xFF);
                        c.carry = a < b ? 1 : 0;
                    }
                    case X_AND_RR -> r[in.dst & 7] = logic(r[in.dst & 7] & r[in.src & 7]);
                    case X_AND_RI -> r[in.dst & 7] = logic(r[in.dst & 7] & in.imm);
                    case X_OR_RR -> r[in.dst & 7] = logic(r[in.dst & 7] | r[in.src & 7]);
                    case X_XOR_RR -> r[in.dst & 7] = logic(r[in.dst & 7] ^ r[in.src & 7]);
                    case X_TEST_RR -> logic(r[in.dst & 7] & r[in.src & 7]);
                    case X_TEST_RI -> logic(r[in.dst & 7] & in.imm);
                    case X_INC_R -> {
                        int a = r[in.dst & 7];
                        r[in.dst & 7] = a + 1;
                        c.setLazy(Alu.ADD, a, 1, a + 1, -1);
                    }
                    case X_DEC_R -> {
                        int a = r[in.dst & 7];
                        r[in.dst & 7] = a - 1;
                        c.setLazy(Alu.SUB, a, 1, a - 1, -1);
                    }
                    case X_SHL_RI, X_SHR_RI -> shiftRegister(in);
                    case X_PUSH_R -> c.push32(r[in.dst & 7]);
                    case X_PUSH_I -> c.push32(in.imm);
                    case X_POP_R -> {
                        int value = mmu.read32(r[ESP]);
                        r[ESP] += 4;
                        r[in.dst & 7] = value;
                    }
                    case X_JMP -> next += in.imm;
                    case X_JE -> next += Alu.zf(c) ? in.imm : 0;
                    case X_JNE -> next += Alu.zf(c) ? 0 : in.imm;
                    case X_JS -> next += Alu.sf(c) ? in.imm : 0;
                    case X_JNS -> next += Alu.sf(c) ? 0 : in.imm;
                    case X_JB -> next += c.carry != 0 ? in.imm : 0;
                    case X_JAE -> next += c.carry == 0 ? in.imm : 0;
                    case X_JBE -> next += c.carry != 0 || Alu.zf(c) ? in.imm : 0;
                    case X_JA -> next += c.carry == 0 && !Alu.zf(c) ? in.imm : 0;
                    case X_JL -> next += (c.flagOp == Alu.SUB && c.flagMask == -1
                            ? c.flagA < c.flagB : Alu.condition(c, 12)) ? in.imm : 0;
                    case X_JGE -> next += (c.flagOp == Alu.SUB && c.flagMask == -1
                            ? c.flagA >= c.flagB : Alu.condition(c, 13)) ? in.imm : 0;
                    case X_JLE -> next += (c.flagOp == Alu.SUB && c.flagMask == -1
                            ? c.flagA <= c.flagB : Alu.condition(c, 14)) ? in.imm : 0;
                    case X_JG -> next += (c.flagOp == Alu.SUB && c.flagMask == -1
                            ? c.flagA > c.flagB : Alu.condition(c, 15)) ? in.imm : 0;
                    case X_JCC -> next += Alu.condition(c, in.condition) ? in.imm : 0;
                    case X_CALL -> {
                        c.push32(next);
                        next += in.imm;
                    }
                    case X_RET -> next = c.pop32();
                    case X_NOP -> { }
                    case X_UD -> throw c.ud();
                    default -> {
                        c.eip = eip;
                        c.cycles = cycles;
                        c.instructions = instructions;
                        try {
                            next = executor.execute(in, next);
                        } finally {
                            // The general path may have moved time (rep) or changed translations, events or EIP.
                            cycles = c.cycles;
                            instructions = c.instructions;
                            limit = events.next;
                            page = fetchPage;
                            slots = fetchSlots;
                            lengths = fetchLengths;
                        }
                    }
                }
                eip = next;
                cycles += in.cycles;
                instructions++;
            }
        } catch (CpuFault f) {
            // eip and the counters still describe the faulting instruction's start.
            c.eip = eip;
            c.cycles = cycles;
            c.instructions = instructions;
            traps.deliverException(f.vector, f.errorCode, f.hasErrorCode);
            return;
        } catch (RuntimeException | StackOverflowError bug) {
            // Not a guest trap: a defect in ringos or in host code behind a gate. Stop this machine, keep the host alive.
            c.eip = eip;
            c.cycles = cycles;
            c.instructions = instructions;
            events.shutdown("internal error at eip " + Integer.toHexString(eip) + ": " + bug);
            cpu.shutdownCause = bug;
            return;
        }
        c.eip = eip;
        c.cycles = cycles;
        c.instructions = instructions;
    }

    private int add(int a, int b) {
        int result = a + b;
        cpu.setLazy(Alu.ADD, a, b, result, -1);
        cpu.carry = Integer.compareUnsigned(result, a) < 0 ? 1 : 0;
        return result;
    }

    private int sub(int a, int b) {
        int result = a - b;
        cpu.setLazy(Alu.SUB, a, b, result, -1);
        cpu.carry = Integer.compareUnsigned(a, b) < 0 ? 1 : 0;
        return result;
    }

    private int logic(int result) {
        cpu.setLazy(Alu.LOGIC, 0, 0, result, -1);
        cpu.carry = 0;
        return result;
    }

    private void shiftRegister(Insn in) {
        // shl/shr by a non-zero count define every arithmetic flag, so the old ones need not be worked out.
        int flags = (in.imm & 0x1F) == 0 ? cpu.eflags() : 0;
        long packed = Alu.shift(in.op, r[in.dst], in.imm, 4, flags);
        r[in.dst] = (int) packed;
        cpu.setArithmetic((int) (packed >>> 32));
    }

    // ---- fetch and decode ----

    /**
     * The slow fetch: a new page (translated for execute rights, may fault), a page whose decodings
     * were dropped, or an offset not decoded yet.
     */
    private Insn fetch(int eip) {
        if ((eip & ~0xFFF) != fetchPage || memory.decoded[fetchFrame] != fetchDecoded) {
            int pa = mmu.translateFetch(eip);
            int frame = pa >>> 12;
            if (frame >= memory.frames()) {
                // Executing outside RAM: nothing to cache; decode the empty bus every time.
                forgetFetchPage();
                return decodeUncached(eip, pa);
            }
            if (memory.decoded[frame] == null) {
                mmu.forgetWritable(frame);
            }
            fetchPage = eip & ~0xFFF;
            fetchPageUser = mmu.isUser();
            fetchFrame = frame;
            fetchDecoded = memory.decodedPage(frame);
            fetchSlots = fetchDecoded.slots;
            fetchLengths = fetchDecoded.lengths;
        }
        Insn in = fetchSlots[eip & 0xFFF];
        return in != null ? in : decode(eip);
    }

    /** Decodes at eip in the current fetch page and caches it, unless it runs into the next page. */
    private Insn decode(int eip) {
        int pa = (fetchFrame << 12) | (eip & 0xFFF);
        Insn in = decodeUncached(eip, pa);
        if (decodeCrossed) {
            return in;
        }
        Insn cached = new Insn();
        cached.copyFrom(in);
        // Decoding may have walked page tables and so written memory; cache only into a live page.
        if (memory.decoded[fetchFrame] == fetchDecoded) {
            fetchLengths[eip & 0xFFF] = (byte) cached.length;
            fetchSlots[eip & 0xFFF] = cached;
        }
        return cached;
    }

    private Insn decodeUncached(int eip, int pa) {
        decodeVa = eip;
        decodePa = pa;
        decodeCrossed = false;
        Decoder.decode(this, scratch);
        scratch.exec = select(scratch);
        return scratch;
    }

    @Override
    public int byteAt(int index) {
        int va = decodeVa + index;
        if ((va & ~0xFFF) == (decodeVa & ~0xFFF)) {
            return memory.read8(decodePa + index);
        }
        decodeCrossed = true;
        return memory.read8(mmu.translateFetch(va));
    }

    /** CR3, CR0 or invlpg changed translations: the fetch page must be translated again. */
    void forgetFetchPage() {
        fetchPage = 1;
        fetchFrame = 0;
        fetchDecoded = null;
        fetchSlots = null;
        fetchLengths = null;
    }

    /** Back to ring 3: a fetch page translated with supervisor rights may not be user-executable. */
    void enteringUserMode() {
        if (!fetchPageUser) {
            forgetFetchPage();
        }
    }

    /** For Events: an external interrupt or a single-step trap, between instructions (no error code). */
    void deliverBetweenInstructions(int vector) {
        traps.deliver(vector, 0, false, false);
    }

    private static final int[] JCC_BY_CONDITION = {X_JCC, X_JCC, X_JB, X_JAE, X_JE, X_JNE, X_JBE, X_JA,
        X_JS, X_JNS, X_JCC, X_JCC, X_JL, X_JGE, X_JLE, X_JG};

    /** Picks the handler for a freshly decoded instruction. */
    static int select(Insn in) {
        if (in.form == null) {
            return X_UD;
        }
        if (in.form.privilege() != PrivilegeClass.INNOCUOUS) {
            return X_GENERIC;
        }
        int d = in.dstKind, s = in.srcKind;
        boolean rr = d == REG && s == REG, rm = d == REG && s == MEM, mr = d == MEM && s == REG;
        boolean ri = d == REG && s == IMM, mi = d == MEM && s == IMM;
        if (in.size == 1) {
            return switch (in.op) {
                case MOV -> mi ? X_MOV_M8I : mr ? X_MOV_M8R : X_GENERIC;
                case CMP -> mi ? X_CMP_M8I : X_GENERIC;
                default -> X_GENERIC;
            };
        }
        if (in.size != 4) {
            return X_GENERIC;
        }
        return switch (in.op) {
            case MOV -> rr ? X_MOV_RR : rm ? X_MOV_RM : mr ? X_MOV_MR : ri ? X_MOV_RI : mi ? X_MOV_MI : X_GENERIC;
            case MOVZX -> in.srcSize != 1 ? X_GENERIC : s == MEM ? X_MOVZX_M8 : X_MOVZX_R8;
            case LEA -> X_LEA;
            case ADD -> rr ? X_ADD_RR : rm ? X_ADD_RM : mr ? X_ADD_MR : ri ? X_ADD_RI : mi ? X_ADD_MI : X_GENERIC;
            case SUB -> rr ? X_SUB_RR : rm ? X_SUB_RM : ri ? X_SUB_RI : X_GENERIC;
            case CMP -> rr ? X_CMP_RR : rm ? X_CMP_RM : mr ? X_CMP_MR : ri ? X_CMP_RI : mi ? X_CMP_MI : X_GENERIC;
            case AND -> rr ? X_AND_RR : ri ? X_AND_RI : X_GENERIC;
            case OR -> rr ? X_OR_RR : X_GENERIC;
            case XOR -> rr ? X_XOR_RR : X_GENERIC;
            case TEST -> rr ? X_TEST_RR : ri ? X_TEST_RI : X_GENERIC;
            case INC -> d == REG ? X_INC_R : X_GENERIC;
            case DEC -> d == REG ? X_DEC_R : X_GENERIC;
            case SHL -> d == REG && s == IMM ? X_SHL_RI : X_GENERIC;
            case SHR -> d == REG && s == IMM ? X_SHR_RI : X_GENERIC;
            case PUSH -> d == REG ? X_PUSH_R : d == IMM ? X_PUSH_I : X_GENERIC;
            case POP -> d == REG ? X_POP_R : X_GENERIC;
            case JMP -> d == IMM ? X_JMP : X_GENERIC;
            case JCC -> JCC_BY_CONDITION[in.condition];
            case CALL -> d == IMM ? X_CALL : X_GENERIC;
            case RET -> d == NONE ? X_RET : X_GENERIC;
            case NOP -> X_NOP;
            default -> X_GENERIC;
        };
    }
}
