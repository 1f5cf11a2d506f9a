package dev.ringos.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ringos.cpu.isa.CodeBuilder;
import dev.ringos.cpu.isa.Encoding;
import dev.ringos.cpu.isa.InstructionForm;
import dev.ringos.cpu.isa.OpcodeTable;
import dev.ringos.cpu.isa.Operand;
import dev.ringos.cpu.isa.OperandType;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.statistics.Statistics;

/**
 * Robustness fuzzing (DESIGN §2: no guest input, however hostile, raises a Java exception out of
 * the CPU). Random 64-byte programs — raw bytes, or sequences shaped like the opcode table's
 * instructions with random ModRM, SIB, displacements and immediates — run for a bounded number of
 * cycles from random registers and flags, in ring 3 and ring 0, with paging on and off. A host gate
 * on every vector resumes the program somewhere else in its bytes after each trap, so one case runs
 * through many faults. Properties: nothing escapes {@link Cpu#run}, the machine never reports an
 * internal error (a genuine triple fault is fine), its state stays well-formed, the host can go on
 * using it; the same case run twice on fresh machines ends in exactly the same state; and running
 * it in slices ends where running it at once does. Each property reports what its cases did (how
 * runs ended, instructions executed, traps taken) as jqwik statistics.
 *
 * <p>The normal suite runs 100,000 cases (the tries below), about 45 s on two cores. Edge-case
 * generation is off: jqwik's combined edge cases are a few thousand near-identical programs (all
 * bytes equal, all registers equal), and the generators below mix in interesting values anyway.
 * For a longer campaign, set the tries of every property here (and optionally the seed):
 *
 * <pre>
 * mvn -B -o test -pl cpu -Dtest=CpuFuzzProperties -Dringos.fuzz.tries=10000000 [-Dringos.fuzz.seed=42]
 * </pre>
 *
 * A failure prints the case (program bytes in hex, where they were placed, registers, flags,
 * ring, paging, setup), shrunk and original, and jqwik's seed; the next run tries the failing
 * sample first (jqwik's database is target/.jqwik-database), and {@code -Dringos.fuzz.seed=}
 * replays a seed on purpose.
 */
@AddLifecycleHook(value = CpuFuzzProperties.Campaign.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class CpuFuzzProperties {
    static final int BUDGET = 2_000;

    // ---- the fuzz machine's physical layout (identity-mapped when paging is on) ----
    static final int MEMORY = 256 << 10;
    static final int IDT = 0x1000;
    static final int TSS = 0x1800;
    static final int DIRECTORY = 0x2000;
    static final int LOW_TABLE = 0x3000;
    static final int HIGH_TABLE = 0x4000;
    /** ESP0: deliveries into ring 0 from ring 3 push here. */
    static final int KERNEL_STACK_TOP = 0x6000;
    /** Where the resume gate builds the frame its iret pops. */
    static final int RESUME_FRAME = 0x6800;
    static final int SUPERVISOR_DATA = 0x7000;
    /** Two code pages: user, executable, read-only unless the case makes them writable. */
    static final int CODE = 0x8000;
    static final int CODE_BYTES = 0x2000;
    static final int USER_DATA = 0xA000;
    static final int USER_READ_ONLY = 0xC000;
    /** User data, executable as well when the case makes code writable. */
    static final int USER_WRITABLE_CODE = 0xD000;
    static final int USER_STACK_TOP = 0x1_0000;
    /** 0x10000–0x1FFFF user data; 0x20000 up to the end of RAM exists but is not mapped. */
    static final int UNMAPPED = 0x2_0000;
    /** The same RAM again, supervisor-only, like a kernel's direct map. */
    static final int HIGH_ALIAS = 0xC000_0000;
    static final int PROGRAM_BYTES = 64;

    /** {@code -Dringos.fuzz.tries=N} and {@code -Dringos.fuzz.seed=S}, for campaigns and replays. */
    static final class Campaign implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            String tries = System.getProperty("ringos.fuzz.tries");
            boolean example = context.targetMethod().isAnnotationPresent(Example.class);
            if (tries != null && !tries.isBlank() && !example) {
                context.attributes().setTries(Integer.parseInt(tries.trim()));
            }
            String seed = System.getProperty("ringos.fuzz.seed");
            if (seed != null && !seed.isBlank()) {
                context.attributes().setSeed(seed.trim());
            }
            return property.execute();
        }

        @Override
        public int aroundPropertyProximity() {
            return -100;
        }
    }

    // ---- a case ----

    /**
     * Machine set-up beyond registers: the rest of what the program may run into. With
     * codeWritable false, no page ring 3 may execute is one it may write.
     */
    record Setup(boolean codeWritable, int cr4, boolean syscallEnabled, boolean syscallToHost, int fmask,
                 int timerInterval) {
    }

    /** One fuzz case: everything a fresh machine needs to reproduce the run. */
    record Start(byte[] program, int offset, int[] regs, int eflags, int ring, boolean paging, Setup setup) {
        int entry() {
            return CODE + offset;
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            s.append(String.format("ring %d, paging %s, program at %#x: %s%n", ring, paging ? "on" : "off",
                    entry(), HexFormat.ofDelimiter(" ").formatHex(program)));
            for (int r = 0; r < 8; r++) {
                s.append(String.format("%s=%08x ", Registers.NAMES32.get(r), regs[r]));
            }
            s.append(String.format("eflags=%08x%n%s", eflags, setup));
            return s.toString();
        }
    }

    /** A fresh, small machine laid out as above, with the resume gate on every vector. */
    static final class FuzzMachine {
        final Start start;
        final Cpu cpu;
        final PhysicalMemory memory = new PhysicalMemory(MEMORY);
        private int resumes;

        FuzzMachine(Start start) {
            this.start = start;
            cpu = new Cpu(memory);
            int gate = cpu.registerHostGate(this::resume);
            for (int vector = 0; vector < 256; vector++) {
                int dpl = vector % 2 == 0 ? 3 : 0;
                if (vector == 0x81) {
                    setGate(vector, start.entry(), 0, 3, Gates.INTERRUPT_GATE, true);
                } else if (vector == 0x82) {
                    setGate(vector, start.entry(), 3, 3, Gates.TRAP_GATE, true);
                } else {
                    int type = vector % 4 < 2 ? Gates.HOST_INTERRUPT_GATE : Gates.HOST_TRAP_GATE;
                    setGate(vector, gate, 0, dpl, type, vector < 0xF0);
                }
            }
            cpu.setIdt(IDT, 256 * 8 - 1);
            for (int ring = 0; ring < 3; ring++) {
                memory.write32(TSS + Gates.TSS_ESP0 + 8 * ring, KERNEL_STACK_TOP);
            }
            cpu.setTaskRegister(TSS);
            mapAll(start.setup().codeWritable());
            fillData(start.program());
            memory.load(start.entry(), start.program());

            Setup setup = start.setup();
            cpu.setMsr(Msr.EFER, setup.syscallEnabled() ? Msr.EFER_SCE : 0);
            cpu.setMsr(Msr.LSTAR, start.entry());
            cpu.setMsr(Msr.SYSCALL_ESP, KERNEL_STACK_TOP);
            cpu.setMsr(Msr.FMASK, setup.fmask() & 0xFFFF_FFFFL);
            cpu.setMsr(Msr.SYSCALL_HOST_GATE, setup.syscallToHost() ? gate : 0);
            cpu.setControlRegister(4, setup.cr4());
            cpu.setControlRegister(3, DIRECTORY);
            int cr0 = ControlRegisters.CR0_PE | (start.paging() ? ControlRegisters.CR0_PG | ControlRegisters.CR0_WP : 0);
            cpu.setControlRegister(0, cr0);
            if (setup.timerInterval() != 0) {
                cpu.timer().out(IntervalTimer.PORT, 4, setup.timerInterval());
            }
            for (int r = 0; r < 8; r++) {
                cpu.setReg(r, start.regs()[r]);
            }
            cpu.setEflags(start.eflags());
            cpu.setCpl(start.ring());
            cpu.setEip(start.entry());
        }

        private void setGate(int vector, int offset, int selectorRing, int dpl, int type, boolean present) {
            Gates.write(memory, IDT, vector, offset, selectorRing, dpl, type, present);
        }

        private void mapAll(boolean codeWritable) {
            int p = PageTables.P, rw = PageTables.RW, us = PageTables.US, nx = PageTables.NX;
            memory.write32(DIRECTORY, LOW_TABLE | p | rw | us);
            memory.write32(DIRECTORY + (HIGH_ALIAS >>> 22) * 4, HIGH_TABLE | p | rw | us);
            for (int frame = 0; frame < MEMORY >>> 12; frame++) {
                int pa = frame << 12;
                int flags;
                if (pa == 0 || pa >= UNMAPPED) {
                    flags = 0;
                } else if (pa < CODE) {
                    flags = p | rw | nx;
                } else if (pa < CODE + CODE_BYTES) {
                    flags = p | us | (codeWritable ? rw : 0);
                } else if (pa == USER_READ_ONLY) {
                    flags = p | us | nx;
                } else if (pa == USER_WRITABLE_CODE) {
                    flags = p | us | rw | (codeWritable ? 0 : nx);
                } else {
                    flags = p | us | rw | nx;
                }
                memory.write32(LOW_TABLE + frame * 4, flags == 0 ? 0 : pa | flags);
                memory.write32(HIGH_TABLE + frame * 4, pa | p | rw);
            }
        }

        /** Data pages get copies of the program, so loads find pointers and opcodes rather than zeros. */
        private void fillData(byte[] program) {
            for (int pa = SUPERVISOR_DATA; pa < UNMAPPED; pa += program.length) {
                if (pa < CODE || pa >= CODE + CODE_BYTES) {
                    memory.load(pa, program);
                }
            }
        }

        /**
         * Every trap and interrupt (and syscall, when routed here) lands here. It resumes the case's
         * ring at another offset in the program, through a fresh frame so a wild ESP cannot stop it.
         */
        private void resume(Cpu c, int vector, int errorCode) {
            if (vector < 0) {
                return;  // syscall: sysret goes back to the caller
            }
            resumes++;
            int target = start.entry() + resumes * 7 % PROGRAM_BYTES;
            int[] frame = {target, Registers.codeSelector(start.ring()), start.eflags(), start.regs()[Registers.ESP]};
            for (int i = 0; i < frame.length; i++) {
                long pa = c.physicalAddress(RESUME_FRAME + 4 * i);
                if (pa >= 0) {
                    c.memory().write32((int) pa, frame[i]);
                }
            }
            c.setReg(Registers.ESP, RESUME_FRAME);
        }

        Exit run(long budget) {
            return cpu.run(budget);
        }
    }

    // ---- generators ----

    private static final List<InstructionForm> FORMS = OpcodeTable.FORMS;
    private static final int[] POINTER_BASES = {CODE, CODE + 0x1000, USER_DATA, USER_DATA + 0x1000, USER_READ_ONLY,
        USER_WRITABLE_CODE, USER_STACK_TOP - 0x1000, 0x1_0000, SUPERVISOR_DATA, KERNEL_STACK_TOP - 0x1000, IDT,
        DIRECTORY, UNMAPPED, MEMORY - 0x1000, HIGH_ALIAS + USER_DATA, HIGH_ALIAS + IDT, 0, 0xFFFF_F000};

    /** Register values: arbitrary, small, or pointing into (or just past the end of) an interesting page. */
    static Arbitrary<Integer> registerValues() {
        Arbitrary<Integer> pointers = Combinators.combine(Arbitraries.of(Arrays.stream(POINTER_BASES).boxed().toList()),
                Arbitraries.integers().between(-8, 0x1007)).as(Integer::sum);
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers()),
                Tuple.of(4, pointers),
                Tuple.of(2, Arbitraries.integers().between(-16, 300)),
                Tuple.of(1, Arbitraries.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1, 0x1F, 0x20)));
    }

    static Arbitrary<Integer> stackPointers(int ring) {
        int top = ring == 3 ? USER_STACK_TOP : KERNEL_STACK_TOP;
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(top - 0x1000, top).map(v -> v & ~3)),
                Tuple.of(1, Arbitraries.integers().between(top - 0x1000, top + 8)),
                Tuple.of(2, registerValues()));
    }

    /** One instruction shaped by an opcode-table row: its prefixes and opcode, a ModRM, SIB, displacement and immediate. */
    static Arbitrary<byte[]> shapedInstruction() {
        Arbitrary<Integer> modrm = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.integers().between(0xC0, 0xFF)),
                Tuple.of(3, Arbitraries.integers().between(0, 0xBF)));
        Arbitrary<byte[]> tail = Arbitraries.bytes().array(byte[].class).ofSize(8);
        return Combinators.combine(Arbitraries.of(FORMS), modrm, Arbitraries.integers().between(0, 255),
                Arbitraries.frequencyOf(Tuple.of(3, registerValues()),
                        Tuple.of(1, Arbitraries.integers().between(-128, 127))),
                tail).as(CpuFuzzProperties::shape);
    }

    static byte[] shape(InstructionForm form, int modrm, int sib, int displacement, byte[] tail) {
        Encoding e = form.encoding();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.writeOpcode(out, modrm);
        if (e.hasModRm()) {
            int m = e.digit() >= 0 ? (modrm & 0xC7) | e.digit() << 3 : modrm;
            out.write(m);
            int mod = m >>> 6;
            int rm = m & 7;
            if (mod != 3) {
                boolean disp32 = mod == 2 || mod == 0 && rm == 5;
                if (rm == 4) {
                    out.write(sib);
                    disp32 |= mod == 0 && (sib & 7) == 5;
                }
                if (disp32) {
                    writeInt(out, displacement);
                } else if (mod == 1) {
                    out.write(displacement);
                }
            }
        }
        int immediate = e.immediateBytes();
        for (OperandType t : form.operands()) {
            if (t.isMoffs()) {
                writeInt(out, displacement);
            }
        }
        out.write(tail, 0, Math.min(immediate, tail.length));
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        for (int i = 0; i < 4; i++) {
            out.write(value >>> (8 * i));
        }
    }

    /** 64 program bytes: plain random, or instruction-shaped (padded with random bytes). */
    static Arbitrary<byte[]> programs() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofSize(PROGRAM_BYTES);
        Arbitrary<byte[]> shaped = Combinators.combine(shapedInstruction().list().ofMinSize(3).ofMaxSize(24), raw)
                .as((instructions, padding) -> {
                    byte[] program = padding.clone();
                    int at = 0;
                    for (byte[] in : instructions) {
                        int n = Math.min(in.length, PROGRAM_BYTES - at);
                        System.arraycopy(in, 0, program, at, n);
                        at += n;
                    }
                    return program;
                });
        return Arbitraries.frequencyOf(Tuple.of(2, raw), Tuple.of(3, shaped));
    }

    /** Where the program goes: the start of a code page, anywhere, or running over a page's end. */
    static Arbitrary<Integer> offsets() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(0, 0x1000)),
                Tuple.of(3, Arbitraries.integers().between(0, CODE_BYTES - PROGRAM_BYTES)),
                Tuple.of(2, Arbitraries.integers().between(0x1000 - PROGRAM_BYTES + 1, 0xFFF)),
                Tuple.of(1, Arbitraries.integers().between(CODE_BYTES - PROGRAM_BYTES, CODE_BYTES - 1)));
    }

    /** Arithmetic flags and DF at random; now and then TF (single-step), IF off, or an IOPL. */
    static Arbitrary<Integer> eflags() {
        Arbitrary<Integer> arithmetic = Arbitraries.integers().between(0, 0xFFFF)
                .map(v -> v & (Flags.ARITHMETIC | Flags.DF));
        Arbitrary<Integer> extra = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just(Flags.IF)),
                Tuple.of(1, Arbitraries.just(Flags.IF | Flags.TF)),
                Tuple.of(1, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.integers().between(1, 3).map(iopl -> Flags.IF | iopl << 12)));
        return Combinators.combine(arithmetic, extra).as((a, b) -> a | b);
    }

    static Arbitrary<Setup> setups() {
        return Combinators.combine(
                Arbitraries.of(true, false),
                Arbitraries.of(0, 0, 0, ControlRegisters.CR4_TSD, ControlRegisters.CR4_SVE),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false),
                Arbitraries.of(0, Flags.IF | Flags.TF, -1),
                Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(0)),
                        Tuple.of(1, Arbitraries.integers().between(1, 600)))
        ).as(Setup::new);
    }

    static Arbitrary<int[]> registers(int ring) {
        return Combinators.combine(registerValues().list().ofSize(8), stackPointers(ring)).as((values, esp) -> {
            int[] regs = values.stream().mapToInt(Integer::intValue).toArray();
            regs[Registers.ESP] = esp;
            return regs;
        });
    }

    static Arbitrary<Start> starts(int ring, boolean paging) {
        return Combinators.combine(programs(), offsets(), registers(ring), eflags(), setups())
                .as((program, offset, regs, flags, setup) -> new Start(program, offset, regs, flags, ring, paging, setup));
    }

    @Provide
    Arbitrary<Start> ring3Paged() {
        return starts(3, true);
    }

    @Provide
    Arbitrary<Start> ring0Paged() {
        return starts(0, true);
    }

    @Provide
    Arbitrary<Start> ring3Unpaged() {
        return starts(3, false);
    }

    @Provide
    Arbitrary<Start> ring0Unpaged() {
        return starts(0, false);
    }

    /** Ring 3 with paging, and no page it can execute is one it can write. */
    @Provide
    Arbitrary<Start> ring3PagedWithoutSelfModifyingCode() {
        return starts(3, true).map(s -> new Start(s.program(), s.offset(), s.regs(), s.eflags(), s.ring(), s.paging(),
                new Setup(false, s.setup().cr4(), s.setup().syscallEnabled(), s.setup().syscallToHost(),
                        s.setup().fmask(), s.setup().timerInterval())));
    }

    @Provide
    Arbitrary<Start> anyStart() {
        return Arbitraries.of(0, 3).flatMap(ring -> Arbitraries.of(true, false).flatMap(paging -> starts(ring, paging)));
    }

    // ---- properties ----

    /** Runs the case; any Java exception out of run fails the property with the case printed. */
    private static void runsAsAMachineShould(Start start) {
        FuzzMachine m = new FuzzMachine(start);
        Exit exit = m.run(BUDGET);
        Statistics.label("exit").collect(exit);
        Statistics.label("instructions").collect(bucket(m.cpu.instructions()));
        Statistics.label("traps delivered").collect(bucket(m.resumes));
        assertWellFormed(m, exit, 0, BUDGET);
        // The host can go on using the machine: run it again, read it, write it.
        long before = m.cpu.cycles();
        Exit again = m.run(BUDGET / 4);
        assertWellFormed(m, again, before, BUDGET / 4);
        m.cpu.memory().copy(CODE, PhysicalMemory.PAGE_SIZE);
        m.cpu.memory().load(USER_DATA, new byte[] {1, 2, 3, 4});
        m.cpu.setReg(Registers.EAX, m.cpu.reg(Registers.EAX));
    }

    private static String bucket(long n) {
        return n == 0 ? "0" : n < 10 ? "1-9" : n < 100 ? "10-99" : n < 1000 ? "100-999" : "1000+";
    }

    private static void assertWellFormed(FuzzMachine m, Exit exit, long cyclesBefore, long budget) {
        Cpu cpu = m.cpu;
        String context = String.format("%s%nexit %s, eip %#x, cpl %d, %s", m.start, exit, cpu.eip(), cpu.cpl(),
                cpu.shutdownReason());
        assertThat(cpu.shutdownCause()).as("internal error in %s", context).isNull();
        assertThat(exit).as(context).isNotEqualTo(Exit.STOPPED);
        assertThat(exit == Exit.TRIPLE_FAULT).as("shut down exactly when the exit says so: %s", context)
                .isEqualTo(cpu.shutdownReason() != null);
        if (exit == Exit.BUDGET) {
            assertThat(cpu.cycles()).as(context).isGreaterThanOrEqualTo(cyclesBefore + budget);
        }
        assertThat(cpu.cpl()).as(context).isBetween(0, 3);
        assertThat(cpu.mmu.isUser()).as("MMU privilege follows the CPL: %s", context).isEqualTo(cpu.cpl() == 3);
        int flags = cpu.eflags();
        assertThat(flags & ~(Flags.MODIFIABLE | Flags.RESERVED_ONE)).as("reserved EFLAGS bits: %s", context).isZero();
        assertThat(flags & Flags.RESERVED_ONE).as(context).isNotZero();
        assertThat(cpu.cr0() & ~ControlRegisters.CR0_VALID).as(context).isZero();
        assertThat(cpu.cr4() & ~ControlRegisters.CR4_VALID).as(context).isZero();
    }

    @Property(tries = 32_000, edgeCases = EdgeCasesMode.NONE)
    void ring3CodeWithPagingNeverBreaksTheMachine(@ForAll("ring3Paged") Start start) {
        runsAsAMachineShould(start);
    }

    @Property(tries = 27_000, edgeCases = EdgeCasesMode.NONE)
    void ring0CodeWithPagingNeverBreaksTheMachine(@ForAll("ring0Paged") Start start) {
        runsAsAMachineShould(start);
    }

    @Property(tries = 15_000, edgeCases = EdgeCasesMode.NONE)
    void ring3CodeWithoutPagingNeverBreaksTheMachine(@ForAll("ring3Unpaged") Start start) {
        runsAsAMachineShould(start);
    }

    @Property(tries = 15_000, edgeCases = EdgeCasesMode.NONE)
    void ring0CodeWithoutPagingNeverBreaksTheMachine(@ForAll("ring0Unpaged") Start start) {
        runsAsAMachineShould(start);
    }

    /** Everything the guest or the host can observe at the end of a run. */
    record Outcome(Exit exit, int[] regs, int eip, int eflags, int cpl, int[] controlRegisters, long cycles,
                   long instructions, long tlbHits, long tlbMisses, long[] trapCounts, String shutdownReason,
                   byte[] memory) {
        static Outcome of(FuzzMachine m, Exit exit) {
            Cpu c = m.cpu;
            int[] regs = new int[8];
            for (int r = 0; r < 8; r++) {
                regs[r] = c.reg(r);
            }
            long[] traps = new long[256];
            for (int v = 0; v < 256; v++) {
                traps[v] = c.trapCount(v);
            }
            return new Outcome(exit, regs, c.eip(), c.eflags(), c.cpl(),
                    new int[] {c.cr0(), c.cr2(), c.cr3(), c.cr4()}, c.cycles(), c.instructions(), c.tlbHits(),
                    c.tlbMisses(), traps, c.shutdownReason(), c.memory().bytes);
        }

        /** The outcome without the memory, which is compared separately so a difference names its address. */
        String summary() {
            return guestView() + String.format(" tlb hits %d misses %d", tlbHits, tlbMisses);
        }

        /** What the guest computed and the counts of its instructions, cycles and traps. */
        String guestView() {
            return String.format("%s regs %s eip %#x eflags %#x cpl %d cr %s cycles %d instructions %d traps %s "
                            + "shutdown %s", exit, Arrays.toString(regs), eip, eflags, cpl,
                    Arrays.toString(controlRegisters), cycles, instructions, Arrays.toString(trapCounts),
                    shutdownReason);
        }
    }

    @Property(tries = 6_000, edgeCases = EdgeCasesMode.NONE)
    void theSameCaseOnAFreshMachineEndsInTheSameState(@ForAll("anyStart") Start start) {
        FuzzMachine first = new FuzzMachine(start);
        Outcome a = Outcome.of(first, first.run(BUDGET));
        FuzzMachine second = new FuzzMachine(start);
        Outcome b = Outcome.of(second, second.run(BUDGET));
        assertThat(b.summary()).as("%s", start).isEqualTo(a.summary());
        int differs = Arrays.mismatch(a.memory(), b.memory());
        assertThat(differs).as("first differing physical address in %s", start).isEqualTo(-1);
    }

    /**
     * The host may stop and resume the CPU at any instruction boundary (run with small budgets, as
     * a kernel's scheduler or a debugger would): the guest computes exactly the same, in the same
     * number of instructions and cycles. Only the TLB counters may differ: they measure the host's
     * caches, and a rep instruction stopped halfway through a write to its own code page is
     * fetched (and its page decoded, and so its writes slowed) once more when it resumes.
     *
     * <p>Ring 3 with paging and without writable code, because on x86 too a stopped rep is fetched
     * again when it resumes: one that overwrites its own bytes ends differently depending on where
     * it was stopped, and ring-0 code can always make code writable.
     */
    @Property(tries = 5_000, edgeCases = EdgeCasesMode.NONE)
    void runningInSlicesEndsInTheSameStateAsRunningAtOnce(@ForAll("ring3PagedWithoutSelfModifyingCode") Start start,
                                                          @ForAll @IntRange(min = 1, max = 400) int slice) {
        FuzzMachine once = new FuzzMachine(start);
        Outcome a = Outcome.of(once, once.run(BUDGET));
        FuzzMachine sliced = new FuzzMachine(start);
        Exit exit;
        do {
            exit = sliced.run(Math.min(slice, BUDGET - sliced.cpu.cycles()));
        } while (exit == Exit.BUDGET && sliced.cpu.cycles() < BUDGET);
        Outcome b = Outcome.of(sliced, exit);
        assertThat(b.guestView()).as("slices of %d cycles: %s", slice, start).isEqualTo(a.guestView());
        assertThat(Arrays.mismatch(a.memory(), b.memory())).as("first differing physical address in %s", start)
                .isEqualTo(-1);
    }

    // ---- cases the fuzzer found, kept as examples ----

    /**
     * A timer period shorter than an interrupt delivery, with a handler that returns with IF on:
     * interrupts come back faster than they can be delivered. The guest livelocks, as it would on
     * hardware, but run must still come back when the budget is spent.
     */
    @Example
    void anInterruptStormStillEndsTheRunWhenTheBudgetIsSpent() {
        BareMachine machine = new BareMachine(2 << 20);
        Cpu cpu = machine.cpu();
        int returnAtOnce = cpu.registerHostGate((c, vector, errorCode) -> { });
        machine.setGate(Vectors.TIMER, returnAtOnce, 0, Gates.HOST_TRAP_GATE);
        byte[] code = new CodeBuilder(GuestPrograms.CODE)
                .emit("mov", Operand.EAX, Operand.imm(1))
                .emit("out", Operand.imm(IntervalTimer.PORT), Operand.EAX)
                .label("spin")
                .emit("jmp", Operand.label("spin"))
                .assemble();
        machine.load(GuestPrograms.CODE, code, code.length, 0);
        machine.enter(0, GuestPrograms.CODE, BareMachine.KERNEL_STACK_TOP);
        Exit exit = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> machine.run(10_000));
        assertThat(exit).isEqualTo(Exit.BUDGET);
        assertThat(cpu.cycles()).isBetween(10_000L, 10_000L + 100);
        assertThat(cpu.trapCount(Vectors.TIMER)).isGreaterThan(400);
        assertThat(machine.run(1_000)).isEqualTo(Exit.BUDGET);
    }

    /** A rep stopped between iterations by the end of a run has not retired: it counts once, when it does. */
    @Example
    void aRepInstructionCountsOnceHoweverOftenTheHostStopsIt() {
        byte[] code = new CodeBuilder(GuestPrograms.CODE)
                .emit("mov", Operand.ECX, Operand.imm(3000))
                .emit("mov", Operand.EDI, Operand.imm(GuestPrograms.DATA))
                .emit("rep stosb")
                .emit("mov", Operand.EAX, Operand.imm(BareMachine.SYS_EXIT))
                .emit("int", Operand.imm(0x80))
                .assemble();
        long[] counts = new long[2];
        for (int slice : new int[] {1_000_000, 7}) {
            BareMachine machine = GuestPrograms.load(code, 0x1000);
            Exit exit;
            do {
                exit = machine.run(slice);
            } while (exit == Exit.BUDGET);
            assertThat(machine.exitStatus()).isNotNull();
            counts[slice == 7 ? 1 : 0] = machine.cpu().instructions();
        }
        assertThat(counts[0]).isEqualTo(5);
        assertThat(counts[1]).as("in slices of 7 cycles").isEqualTo(counts[0]);
    }
}
