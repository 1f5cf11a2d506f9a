package dev.ringos.asm;

import dev.ringos.asm.Assembler.ParsedLine;
import dev.ringos.asm.Expression.Value;
import dev.ringos.asm.elf.Executable;
import dev.ringos.cpu.isa.Encoder;
import dev.ringos.cpu.isa.Operand;
import dev.ringos.cpu.isa.Operand.Imm;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass over the program: every statement is laid out at the address it gets with the
 * symbol values of the previous pass. Only the last pass reports errors: earlier passes
 * are rehearsals whose errors would only be artefacts of values not yet known.
 */
final class AssemblyPass implements Expression.Context {
    /** No section may grow beyond this: it keeps a typo like {@code resb 0xFFFFFFFF} from eating the host's memory. */
    static final long SECTION_LIMIT = 64L << 20;
    /** Each repetition is encoded afresh ($ may differ), so a huge count would take minutes, pass after pass. */
    static final long MAX_REPEATED_INSTRUCTIONS = 1_000_000;

    private final List<ParsedLine> program;
    private final SymbolTable symbols;
    private final Map<String, Long> previous;
    private final long[] bases;
    private final ErrorList diagnostics;
    private final Set<Statement.Instruction> longBranches;

    private final Map<String, Long> values = new HashMap<>();
    private final Map<String, Section> labelSections = new HashMap<>();
    private final long[] offsets = new long[Section.values().length];
    private final Map<Section, SectionBytes> bytes = new EnumMap<>(Section.class);
    private final Listing.Recorder listing = new Listing.Recorder();
    private final Set<String> globals = new HashSet<>();
    private final List<GlobalUse> globalUses = new ArrayList<>();
    /** A name given to {@code global}, and where, to check it is defined once the pass is over. */
    private record GlobalUse(SourceLine line, Token name) {
    }

    private final boolean provisional;
    private boolean sawUnknown;
    private Section section = Section.TEXT;
    private ParsedLine current;

    AssemblyPass(List<ParsedLine> program, SymbolTable symbols, Map<String, Long> previous, long[] bases,
                 Set<Statement.Instruction> longBranches, boolean provisional, ErrorList diagnostics) {
        this.longBranches = longBranches;
        this.provisional = provisional;
        this.program = program;
        this.symbols = symbols;
        this.previous = previous;
        this.bases = bases;
        this.diagnostics = diagnostics;
        for (Section s : Section.values()) {
            bytes.put(s, new SectionBytes());
        }
    }

    private boolean reporting() {
        return diagnostics != null;
    }

    void run() {
        for (ParsedLine line : program) {
            current = line;
            Section startSection = section;
            long startAddress = here();
            int startSize = bytes.get(section).size();
            long startOffset = offsets[section.ordinal()];
            boolean produced = false;
            for (Statement s : line.statements()) {
                try {
                    execute(s);
                    produced |= !(s instanceof Statement.Label || s instanceof Statement.Equ
                            || s instanceof Statement.SectionSwitch || s instanceof Statement.Global);
                } catch (AsmException e) {
                    if (reporting()) {
                        diagnostics.error(line.line(), e.column(), e.getMessage());
                    }
                } catch (RuntimeException e) {
                    if (reporting()) {
                        diagnostics.error(line.line(), 1, "internal assembler error (please report it): " + e);
                    }
                }
            }
            if (reporting()) {
                record(line, produced && section == startSection, startSection, startAddress, startSize, startOffset);
            }
        }
    }

    private void record(ParsedLine line, boolean produced, Section s, long address, int size, long offset) {
        if (!produced) {
            listing.add(new Listing.Entry(line.line(), -1, new byte[0], 0));
            return;
        }
        SectionBytes b = bytes.get(s);
        byte[] mine = b.copy(size, b.size());
        long reserved = s == Section.BSS ? offsets[s.ordinal()] - offset : 0;
        listing.add(new Listing.Entry(line.line(), address, mine, reserved));
    }

    // ---- statements ----

    private void execute(Statement s) {
        if (s instanceof Statement.Label l) {
            values.put(l.name(), here());
            labelSections.put(l.name(), section);
        } else if (s instanceof Statement.Equ e) {
            Value v = e.value().evaluate(this);
            requireNoRegisters(v, e.value());
            if (!v.unknown()) {
                values.put(e.name(), v.constant());
            }
        } else if (s instanceof Statement.SectionSwitch sw) {
            section = sw.section();
        } else if (s instanceof Statement.Global g) {
            for (Token name : g.names()) {
                globals.add(name.text());
                globalUses.add(new GlobalUse(current.line(), name));
            }
        } else if (s instanceof Statement.Instruction i) {
            instruction(i);
        } else if (s instanceof Statement.Data d) {
            data(d);
        } else if (s instanceof Statement.Reserve r) {
            reserve(count(r.count(), r.unit()) * r.unit(), r.column());
        } else if (s instanceof Statement.Times t) {
            long n = count(t.count(), 1);
            if (n > MAX_REPEATED_INSTRUCTIONS && t.body() instanceof Statement.Instruction) {
                throw new AsmException(t.count().column(), "times " + n + " is too many instructions (at most "
                        + MAX_REPEATED_INSTRUCTIONS + ")");
            }
            for (long k = 0; k < n; k++) {
                execute(t.body());
            }
        } else if (s instanceof Statement.Align a) {
            align(a);
        }
    }

    private void instruction(Statement.Instruction in) {
        if (section == Section.BSS) {
            throw new AsmException(in.column(), "instructions cannot go in .bss (it holds only reserved space)");
        }
        List<ParsedOperand> parsed = in.operands();
        Operand[] operands = new Operand[parsed.size()];
        boolean unknown = false;
        for (int i = 0; i < operands.length; i++) {
            ParsedOperand p = parsed.get(i);
            if (p instanceof ParsedOperand.Register r) {
                operands[i] = r.register();
            } else if (p instanceof ParsedOperand.Memory m) {
                Value v = m.address().evaluate(this);
                unknown |= v.unknown();
                operands[i] = Operands.memory(v, m);
            } else if (p instanceof ParsedOperand.Immediate im) {
                Value v = im.value().evaluate(this);
                unknown |= v.unknown();
                if (!v.isConstant()) {
                    throw new AsmException(im.column(), "a register in an expression must be inside [ ]");
                }
                if (!v.unknown()) {
                    Operands.requireFits(v.constant(), 4, im.value().column());
                }
                operands[i] = new Imm(v.constant());
            }
        }
        if (Branches.isAutomatic(in) && !longBranches.contains(in)) {
            byte[] code = shortBranch(in, operands[0], unknown);
            if (code != null) {
                emit(code);
                return;
            }
        }
        Operands.checkImmediateSizes(in, operands);
        byte[] code;
        try {
            code = Branches.isNear(in) ? Branches.near(in.mnemonic(), (int) here(), operands[0], in.column())
                    : Encoder.encode(in.mnemonic(), (int) here(), operands);
        } catch (Encoder.EncodingException e) {
            if (!reporting() && unknown) {
                return;
            }
            throw Operands.explain(e, in, operands);
        }
        if (Branches.isShort(in) && code.length > 2) {
            if (reporting()) {
                throw Branches.outOfRange(in, operands[0], here());
            }
            code = new byte[2];
        }
        emit(code);
    }

    /**
     * A branch that is still short: its rel8 encoding, or null once it no longer reaches (it is
     * then long for good, so sizes only grow and the passes end). A target not known yet is
     * assumed near, so every branch starts short and grows only when it must, as NASM's do. In a
     * provisional pass (some values were still unknown in the one before, so addresses may be
     * inflated by placeholders) a branch that does not reach stays short all the same.
     */
    private byte[] shortBranch(Statement.Instruction in, Operand target, boolean unknown) {
        int here = (int) here();
        byte[] probe = Encoder.encode(in.mnemonic(), here, new Imm(here));
        if (probe.length != 2) {
            return null;
        }
        if (unknown) {
            return probe;
        }
        byte[] code = Encoder.encode(in.mnemonic(), here, target);
        if (code.length == 2) {
            return code;
        }
        if (provisional) {
            return probe;
        }
        longBranches.add(in);
        return null;
    }

    private void data(Statement.Data d) {
        if (section == Section.BSS) {
            throw new AsmException(d.column(), "data cannot go in .bss (it holds only reserved space: use resb, "
                    + "resw or resd)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Statement.DataItem item : d.items()) {
            if (item instanceof Statement.Text t) {
                String s = t.text();
                for (int i = 0; i < s.length(); i++) {
                    out.write(s.charAt(i));
                }
                for (int pad = (d.unit() - s.length() % d.unit()) % d.unit(); pad > 0; pad--) {
                    out.write(0);
                }
            } else if (item instanceof Statement.Value val) {
                Value v = val.value().evaluate(this);
                requireNoRegisters(v, val.value());
                if (!v.unknown()) {
                    Operands.requireFits(v.constant(), d.unit(), val.value().column());
                }
                for (int k = 0; k < d.unit(); k++) {
                    out.write((int) (v.constant() >>> (8 * k)));
                }
            }
        }
        emit(out.toByteArray());
    }

    private void align(Statement.Align a) {
        long n = count(a.boundary(), 1);
        if (n == 0 && !reporting()) {
            return;
        }
        if (n <= 0 || Long.bitCount(n) != 1 || n > Section.PAGE) {
            throw new AsmException(a.boundary().column(), "alignment must be a power of two up to 4096, got " + n);
        }
        long offset = offsets[section.ordinal()];
        int pad = (int) ((n - offset % n) % n);
        if (section == Section.BSS) {
            reserve(pad, a.column());
            return;
        }
        if (a.fill() != null) {
            for (int k = 0; k < pad; k++) {
                execute(a.fill());
            }
            return;
        }
        byte[] nops = new byte[pad];
        Arrays.fill(nops, (byte) 0x90);
        emit(nops);
    }

    private void reserve(long count, int column) {
        if (offsets[section.ordinal()] + count > SECTION_LIMIT) {
            throw new AsmException(column, "section " + section.sectionName() + " would be larger than 64 MiB");
        }
        if (section == Section.BSS) {
            offsets[section.ordinal()] += count;
        } else {
            emit(new byte[(int) count]);
        }
    }

    private void emit(byte[] b) {
        if (offsets[section.ordinal()] + b.length > SECTION_LIMIT) {
            throw new AsmException(1, "section " + section.sectionName() + " would be larger than 64 MiB");
        }
        bytes.get(section).write(b);
        offsets[section.ordinal()] += b.length;
    }

    /** A repeat or reserve count: known now (0 in an early pass if not), not negative, not absurd. */
    private long count(Expression e, int unit) {
        Value v = e.evaluate(this);
        requireNoRegisters(v, e);
        if (v.unknown()) {
            return 0;
        }
        long n = v.constant();
        if (n < 0) {
            if (!reporting()) {
                return 0;
            }
            throw new AsmException(e.column(), "count must not be negative, got " + n);
        }
        if (n * unit > SECTION_LIMIT) {
            throw new AsmException(e.column(), "count " + n + " is too large (a section holds at most 64 MiB)");
        }
        return n;
    }

    private static void requireNoRegisters(Value v, Expression e) {
        if (!v.isConstant()) {
            throw new AsmException(e.column(), "a register cannot be part of this value");
        }
    }

    // ---- evaluation context ----

    @Override
    public Long symbol(String name, int column) {
        String q = LineParser.qualify(name, current.scope());
        Long v = values.get(q);
        if (v == null) {
            v = previous.get(q);
        }
        if (v == null && !reporting()) {
            sawUnknown = true;
        }
        if (v != null || !reporting()) {
            return v;
        }
        if (symbols.isDefined(q)) {
            throw new AsmException(column, "symbol '" + name + "' has no value here (is its definition circular?)");
        }
        String suggestion = name.length() > 2 ? symbols.suggest(q) : null;
        throw new AsmException(column, "undefined symbol '" + name + "'"
                + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
    }

    @Override
    public long here() {
        return bases[section.ordinal()] + offsets[section.ordinal()];
    }

    @Override
    public long sectionStart() {
        return bases[section.ordinal()];
    }

    // ---- results ----

    Map<String, Long> values() {
        return values;
    }

    /** Whether some value was not known in this pass (a forward reference on a first pass, an undefined name). */
    boolean sawUnknown() {
        return sawUnknown;
    }

    long[] sizes() {
        return offsets.clone();
    }

    /** The entry point must be code: {@code _start} in another section would fault on its first fetch. */
    void checkEntry() {
        Section s = labelSections.get("_start");
        if (s != null && s != Section.TEXT) {
            SymbolTable.Definition d = symbols.get("_start");
            diagnostics.error(d.line(), d.column(), "_start is in " + s.sectionName()
                    + ", but the program starts there: it must be in .text");
        }
    }

    void checkGlobals() {
        for (GlobalUse use : globalUses) {
            if (!symbols.isDefined(use.name().text())) {
                diagnostics.error(use.line(), use.name().column(), "global symbol '" + use.name().text()
                        + "' is not defined");
            }
        }
    }

    Listing listing() {
        return listing.build();
    }

    Executable executable() {
        List<Executable.Segment> segments = new ArrayList<>();
        for (Section s : Section.values()) {
            long size = offsets[s.ordinal()];
            if (size > 0) {
                byte[] data = s == Section.BSS ? new byte[0] : bytes.get(s).toByteArray();
                segments.add(new Executable.Segment(s.sectionName(), (int) bases[s.ordinal()], s.flags(), data,
                        (int) size));
            }
        }
        List<Executable.Symbol> table = new ArrayList<>();
        for (SymbolTable.Definition d : symbols.all()) {
            Long v = values.get(d.name());
            if (v != null) {
                Section s = labelSections.get(d.name());
                table.add(new Executable.Symbol(d.name(), v.intValue(), 0, s == null || d.isEqu() ? null
                        : s.sectionName(), globals.contains(d.name())));
            }
        }
        Long start = labelSections.containsKey("_start") ? values.get("_start") : null;
        int entry = start != null ? start.intValue() : (int) bases[Section.TEXT.ordinal()];
        return new Executable(entry, segments, table);
    }
}
