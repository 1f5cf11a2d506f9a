package dev.ringos.kernel.servers.pm;

import dev.ringos.asm.elf.ElfFormatException;
import dev.ringos.asm.elf.ElfReader;
import dev.ringos.asm.elf.Executable;
import dev.ringos.kernel.core.AddressSpace;
import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.core.Layout;
import dev.ringos.kernel.core.Region;
import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.UserFault;
import dev.ringos.kernel.syscall.Errno;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * execve's loader: an ELF32 executable becomes a fresh address space — one demand-paged region
 * per PT_LOAD segment with its R/W/X rights, an empty heap after the last, the stack (with a
 * guard page below its limit) and the vDSO — and the initial stack is laid out as the SysV
 * i386 ABI says: argc, argv[], NULL, envp[], NULL, auxv pairs, AT_NULL, then the strings.
 */
final class ExecLoader {
    /** Linux's ARG_MAX for argv and envp strings together (with their pointers). */
    static final int ARG_MAX = 128 * 1024;
    private static final int AT_NULL = 0, AT_PAGESZ = 6, AT_ENTRY = 9, AT_UID = 11, AT_EUID = 12, AT_GID = 13,
            AT_EGID = 14, AT_PLATFORM = 15, AT_HWCAP = 16, AT_CLKTCK = 17, AT_SECURE = 23, AT_RANDOM = 25,
            AT_EXECFN = 31, AT_SYSINFO = 32;

    private final KernelCalls calls;

    ExecLoader(KernelCalls calls) {
        this.calls = calls;
    }

    /** The parsed executable, or the Errno that refuses it (ENOEXEC). */
    static Object parse(byte[] file) {
        try {
            Executable exe = ElfReader.read(file);
            for (Executable.Segment s : exe.segments()) {
                long end = Integer.toUnsignedLong(s.address()) + s.memorySize();
                if (Integer.compareUnsigned(s.address(), Layout.USER_MIN) < 0 || end > Integer.toUnsignedLong(Layout.STACK_GUARD)) {
                    return Errno.ENOEXEC;
                }
            }
            return exe;
        } catch (ElfFormatException e) {
            return Errno.ENOEXEC;
        }
    }

    /** A new address space for {@code exe}, or null when memory runs out or segments overlap. */
    AddressSpace buildSpace(Executable exe) {
        AddressSpace space = calls.newSpace();
        if (space == null) {
            return null;
        }
        int heap = Layout.USER_MIN;
        try {
            for (Executable.Segment s : exe.segments()) {
                int start = s.address() & ~(Layout.PAGE - 1);
                int end = Layout.pageUp(s.address() + s.memorySize());
                calls.map(space, start, end, s.flags() & 7, Region.Kind.IMAGE, s.data(), s.address(), s.name());
                heap = Integer.compareUnsigned(end, heap) > 0 ? end : heap;
            }
            calls.map(space, heap, heap, Region.READ | Region.WRITE, Region.Kind.HEAP, null, 0, "[heap]");
        } catch (IllegalArgumentException overlap) {
            calls.freeSpace(space);
            return null;
        }
        calls.map(space, Layout.STACK_GUARD, Layout.STACK_BOTTOM, 0, Region.Kind.GUARD, null, 0, "[guard]");
        calls.map(space, Layout.STACK_BOTTOM, Layout.STACK_TOP, Region.READ | Region.WRITE, Region.Kind.STACK, null, 0,
                "[stack]");
        calls.map(space, Layout.VDSO, Layout.VDSO + Layout.PAGE, Region.READ | Region.EXEC, Region.Kind.VDSO,
                Vdso.image(), Layout.VDSO, "[vdso]");
        return space;
    }

    /** Writes argv, envp and auxv on the new stack of {@code task}; returns the initial ESP. */
    int buildStack(Task task, int entry, String path, List<String> argv, List<String> envp) throws UserFault {
        int sp = Layout.STACK_TOP - 4;
        calls.memory().writeInt(task, sp, 0);
        sp = pushString(task, sp, path);
        int execfn = sp;
        int[] envAddresses = new int[envp.size()];
        for (int i = envp.size() - 1; i >= 0; i--) {
            sp = pushString(task, sp, envp.get(i));
            envAddresses[i] = sp;
        }
        int[] argAddresses = new int[argv.size()];
        for (int i = argv.size() - 1; i >= 0; i--) {
            sp = pushString(task, sp, argv.get(i));
            argAddresses[i] = sp;
        }
        sp = pushString(task, sp, "i686");
        int platform = sp;
        // AT_RANDOM's 16 bytes: fixed, so runs are reproducible (a teaching system, not a hardened one).
        sp -= 16;
        byte[] random = "ringos-at-random".getBytes(StandardCharsets.ISO_8859_1);
        calls.memory().write(task, sp, random, 0, 16);
        int randomAddress = sp;

        int[] auxv = {AT_SYSINFO, Vdso.VSYSCALL, AT_HWCAP, 0, AT_PAGESZ, Layout.PAGE, AT_CLKTCK, 100,
            AT_ENTRY, entry, AT_UID, 0, AT_EUID, 0, AT_GID, 0, AT_EGID, 0, AT_SECURE, 0, AT_RANDOM, randomAddress,
            AT_EXECFN, execfn, AT_PLATFORM, platform, AT_NULL, 0};
        int words = 1 + argv.size() + 1 + envp.size() + 1 + auxv.length;
        sp = (sp - words * 4) & ~15;
        int at = sp;
        calls.memory().writeInt(task, at, argv.size());
        at += 4;
        for (int a : argAddresses) {
            calls.memory().writeInt(task, at, a);
            at += 4;
        }
        calls.memory().writeInt(task, at, 0);
        at += 4;
        for (int e : envAddresses) {
            calls.memory().writeInt(task, at, e);
            at += 4;
        }
        calls.memory().writeInt(task, at, 0);
        at += 4;
        for (int word : auxv) {
            calls.memory().writeInt(task, at, word);
            at += 4;
        }
        return sp;
    }

    private int pushString(Task task, int sp, String s) throws UserFault {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        sp -= bytes.length + 1;
        calls.memory().write(task, sp, bytes, 0, bytes.length);
        calls.memory().write(task, sp + bytes.length, new byte[1], 0, 1);
        return sp;
    }

    /** Reads a NULL-terminated array of string pointers (argv, envp); null if over ARG_MAX. */
    static List<String> readStrings(KernelCalls calls, Task task, int address, int[] budget) throws UserFault {
        List<String> out = new java.util.ArrayList<>();
        if (address == 0) {
            return out;
        }
        for (int i = 0; ; i++) {
            int pointer = calls.memory().readInt(task, address + 4 * i);
            if (pointer == 0) {
                return out;
            }
            String s = calls.memory().readString(task, pointer, budget[0]);
            if (s == null) {
                return null;
            }
            budget[0] -= s.length() + 1 + 4;
            if (budget[0] < 0) {
                return null;
            }
            out.add(s);
        }
    }

    static String commandName(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        return base.length() > 15 ? base.substring(0, 15) : base;
    }
}
