package dev.ringos.cpu;

import static dev.ringos.cpu.PageTables.*;

import java.io.ByteArrayOutputStream;

/**
 * A CPU with just enough set up around it to run a program without a kernel: identity-mapped
 * supervisor memory for its own tables, an IDT whose every vector is a host gate, a TSS, and user
 * pages wherever the program wants them. Ring 3 programs talk to it with {@code int 0x80} or
 * {@code syscall} using the Linux i386 numbers for exit (1) and write (4); any other trap stops the
 * machine and is reported. Tests, benchmarks and {@code ringos run --bare} use it.
 *
 * <p>Physical layout: 0 unused, IDT at 0x1000, TSS at 0x1800, page directory at 0x2000, the ring-0
 * stack below 0x10000, then page tables and frames from a bump allocator.
 */
public final class BareMachine {
    public static final int IDT = 0x1000;
    public static final int TSS = 0x1800;
    public static final int PAGE_DIRECTORY = 0x2000;
    public static final int KERNEL_STACK_TOP = 0x10000;
    /** Supervisor identity mapping of the first megabyte (the machine's own tables). */
    private static final int KERNEL_MAPPED = 0x10_0000;
    public static final int SYS_EXIT = 1;
    public static final int SYS_WRITE = 4;
    private static final int ENOSYS = 38;
    private static final int EFAULT = 14;
    private static final int EBADF = 9;

    private final Cpu cpu;
    private final PhysicalMemory memory;
    private int nextFrame = KERNEL_MAPPED;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private Integer exitStatus;
    private Trap trap;

    /** What stopped the program when it was not exit: the vector, error code and faulting EIP. */
    public record Trap(int vector, int errorCode, int eip, int cr2) {
        @Override
        public String toString() {
            return String.format("%s (error code %#x) at eip %#x%s", Vectors.name(vector), errorCode, eip,
                    vector == Vectors.PAGE_FAULT ? String.format(", cr2 %#x", cr2) : "");
        }
    }

    public BareMachine(long memoryBytes) {
        memory = new PhysicalMemory(memoryBytes);
        if (memoryBytes < 2L * KERNEL_MAPPED) {
            throw new IllegalArgumentException("a bare machine needs at least 2 MiB of memory, got " + memoryBytes
                    + " bytes");
        }
        cpu = new Cpu(memory);
        int trapGate = cpu.registerHostGate(this::trap);
        int syscallGate = cpu.registerHostGate(this::syscall);
        for (int vector = 0; vector < 256; vector++) {
            boolean isSyscall = vector == Vectors.SYSCALL;
            // As on Linux, ring 3 may raise only int 0x80 and int3 (a debugger's breakpoint) itself.
            int dpl = isSyscall || vector == Vectors.BREAKPOINT ? 3 : 0;
            setGate(vector, isSyscall ? syscallGate : trapGate, dpl, Gates.HOST_INTERRUPT_GATE);
        }
        cpu.setIdt(IDT, 256 * 8 - 1);
        memory.write32(TSS + Gates.TSS_ESP0, KERNEL_STACK_TOP);
        cpu.setTaskRegister(TSS);
        for (int va = 0x1000; va < KERNEL_MAPPED; va += PhysicalMemory.PAGE_SIZE) {
            map(va, va, RW);
        }
        cpu.setMsr(Msr.EFER, Msr.EFER_SCE);
        cpu.setMsr(Msr.SYSCALL_ESP, KERNEL_STACK_TOP);
        cpu.setMsr(Msr.FMASK, Flags.IF | Flags.TF);
        cpu.setMsr(Msr.SYSCALL_HOST_GATE, syscallGate);
        cpu.setControlRegister(3, PAGE_DIRECTORY);
        cpu.setControlRegister(0, ControlRegisters.CR0_PE | ControlRegisters.CR0_PG | ControlRegisters.CR0_WP);
    }

    public Cpu cpu() {
        return cpu;
    }

    /** Writes an IDT descriptor: handler offset (a host gate number for host types), ring 0 code, given DPL and type. */
    public void setGate(int vector, int offset, int dpl, int type) {
        Gates.write(memory, IDT, vector, offset, 0, dpl, type);
    }

    /** A zeroed physical frame from the bump allocator. */
    public int allocateFrame() {
        if (nextFrame + PhysicalMemory.PAGE_SIZE > memory.size()) {
            throw new IllegalStateException("out of physical memory");
        }
        int frame = nextFrame;
        nextFrame += PhysicalMemory.PAGE_SIZE;
        return frame;
    }

    /** Maps the page at {@code va} to frame {@code pa} with the PTE flags given (P is added; US is up to the caller). */
    public void map(int va, int pa, int flags) {
        int pdeAddress = PAGE_DIRECTORY + (va >>> 22) * 4;
        int pde = memory.read32(pdeAddress);
        if ((pde & P) == 0) {
            pde = allocateFrame() | P | RW | US;
            memory.write32(pdeAddress, pde);
        }
        memory.write32((pde & FRAME) + ((va >>> 12) & 0x3FF) * 4, (pa & FRAME) | (flags & 0xFFF) | P);
    }

    /** Maps fresh user pages over [va, va + length) and copies {@code bytes} to va. */
    public void loadUser(int va, byte[] bytes, int length, int flags) {
        load(va, bytes, length, flags | US);
    }

    /** Maps fresh pages over [va, va + length) with exactly the PTE flags given, and copies {@code bytes} to va. */
    public void load(int va, byte[] bytes, int length, int flags) {
        long end = Integer.toUnsignedLong(va) + Math.max(length, bytes.length);
        for (long page = Integer.toUnsignedLong(va & FRAME); page < end; page += PhysicalMemory.PAGE_SIZE) {
            map((int) page, allocateFrame(), flags);
        }
        for (int i = 0; i < bytes.length; i++) {
            memory.write8((int) cpu.physicalAddress(va + i), bytes[i]);
        }
    }

    /** Sets up ring 3 at {@code entry} with ESP at {@code stackTop} and IF on. */
    public void enterUser(int entry, int stackTop) {
        enter(3, entry, stackTop);
    }

    /** Starts executing in {@code ring} at {@code entry}, ESP at {@code stackTop}, IF on and IOPL 0. */
    public void enter(int ring, int entry, int stackTop) {
        cpu.setCpl(ring);
        cpu.setEip(entry);
        cpu.setReg(Registers.ESP, stackTop);
        cpu.setEflags(Flags.IF);
    }

    /** Runs until the program exits, traps, or the budget runs out. */
    public Exit run(long cycleBudget) {
        return cpu.run(cycleBudget);
    }

    public Integer exitStatus() {
        return exitStatus;
    }

    public Trap trap() {
        return trap;
    }

    public String output() {
        return output.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private void trap(Cpu c, int vector, int errorCode) {
        int frame = c.reg(Registers.ESP);
        boolean hasError = Vectors.hasErrorCode(vector);
        int eip = memory.read32(frame + (hasError ? 4 : 0));
        trap = new Trap(vector, errorCode, eip, c.cr2());
        if (hasError) {
            // Pop the error code as an x86 handler must: the iret that follows expects EIP on top.
            c.setReg(Registers.ESP, frame + 4);
        }
        c.requestStop();
    }

    private void syscall(Cpu c, int vector, int errorCode) {
        int number = c.reg(Registers.EAX);
        switch (number) {
            case SYS_EXIT -> {
                exitStatus = c.reg(Registers.EBX) & 0xFF;
                c.requestStop();
            }
            case SYS_WRITE -> c.setReg(Registers.EAX, write(c.reg(Registers.EBX), c.reg(Registers.ECX),
                    c.reg(Registers.EDX)));
            default -> c.setReg(Registers.EAX, -ENOSYS);
        }
    }

    private int write(int fd, int buffer, int length) {
        if (fd != 1 && fd != 2) {
            return -EBADF;
        }
        for (int i = 0; i < length; i++) {
            long pa = cpu.physicalAddress(buffer + i);
            if (pa < 0) {
                return -EFAULT;
            }
            int b = memory.read8((int) pa);
            output.write(b);
            cpu.console().out(Console.DATA, 1, b);
        }
        return length;
    }
}
