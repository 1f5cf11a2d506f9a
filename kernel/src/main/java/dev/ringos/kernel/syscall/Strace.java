package dev.ringos.kernel.syscall;

import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.UserFault;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * strace-format lines for traced threads: the call with its arguments, padded to column 40,
 * then " = " and the result (with the errno's name and message). Input arguments are read
 * before the call (execve replaces the memory they live in), output ones after.
 */
public final class Strace {
    private static final int COLUMN = 39;

    private final KernelCalls calls;

    public Strace(KernelCalls calls) {
        this.calls = calls;
    }

    private static final int O_CREAT = 0100;

    /** The arguments as strace shows them at entry; output arguments are left as null. */
    String[] before(Task task, Syscall call, Args args) {
        if (call == null) {
            String[] shown = new String[6];
            for (int i = 0; i < 6; i++) {
                shown[i] = StraceText.hex(args.get(i));
            }
            return shown;
        }
        String[] shown = new String[call.args().size()];
        for (int i = 0; i < shown.length; i++) {
            Arg kind = call.args().get(i);
            if (kind == Arg.OPEN_MODE) {
                shown[i] = i > 0 && (args.get(i - 1) & O_CREAT) != 0 ? StraceText.mode(args.get(i)) : "";
            } else if (kind != Arg.BUFFER_OUT && kind != Arg.WAIT_STATUS && kind != Arg.FD_PAIR) {
                shown[i] = format(task, kind, args.get(i), i + 1 < 6 ? args.get(i + 1) : 0, 0);
            }
        }
        return shown;
    }

    /** Completes and emits the line once the call has a result. */
    void after(Task task, int number, Syscall call, Args args, String[] shown, int result, boolean noReturn) {
        if (call != null) {
            for (int i = 0; i < shown.length; i++) {
                if (shown[i] == null) {
                    shown[i] = format(task, call.args().get(i), args.get(i), 0, result);
                }
            }
        }
        String name = call != null ? call.name() : LinuxSyscallNames.name(number);
        String text = (name != null ? name : "syscall_" + Integer.toHexString(number)) + "("
                + String.join(", ", Arrays.stream(shown).filter(s -> !s.isEmpty()).toList()) + ")";
        StringBuilder line = new StringBuilder(text);
        while (line.length() < COLUMN) {
            line.append(' ');
        }
        line.append(noReturn ? " = ?" : StraceText.errorSuffix(result));
        emit(task, line.toString());
    }

    /** A line of its own, such as "+++ exited with 0 +++". */
    public void emit(Task task, String text) {
        if (task.traced()) {
            task.tracer().emit(task, text);
        }
    }

    private String format(Task task, Arg kind, int value, int next, int result) {
        try {
            return switch (kind) {
                case INT -> Integer.toString(value);
                case UINT -> Integer.toUnsignedString(value);
                case HEX -> StraceText.hex(value);
                case DIRFD -> value == -100 ? "AT_FDCWD" : Integer.toString(value);
                case POINTER -> StraceText.pointer(value);
                case PATH -> string(task, value);
                case BUFFER_IN -> buffer(task, value, next);
                case BUFFER_OUT -> result >= 0 ? buffer(task, value, result) : StraceText.pointer(value);
                case OPEN_FLAGS -> StraceText.openFlags(value);
                case MODE, OPEN_MODE -> StraceText.mode(value);
                case SIGNAL -> StraceText.signalName(value);
                case WAIT_STATUS -> value == 0 ? "NULL" : result > 0
                        ? StraceText.waitStatus(calls.memory().readInt(task, value)) : StraceText.pointer(value);
                case WAIT_OPTIONS -> waitOptions(value);
                case FD_PAIR -> result == 0 ? "[" + calls.memory().readInt(task, value) + ", "
                        + calls.memory().readInt(task, value + 4) + "]" : StraceText.pointer(value);
                case ARGV -> argv(task, value);
                case ENVP -> envp(task, value);
                case SIGPROCMASK_HOW -> switch (value) {
                    case 0 -> "SIG_BLOCK";
                    case 1 -> "SIG_UNBLOCK";
                    case 2 -> "SIG_SETMASK";
                    default -> Integer.toString(value);
                };
            };
        } catch (UserFault e) {
            return StraceText.pointer(value);
        }
    }

    private String string(Task task, int address) throws UserFault {
        if (address == 0) {
            return "NULL";
        }
        String s = calls.memory().readString(task, address, 4096);
        byte[] bytes = s == null ? new byte[0] : s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return StraceText.quote(bytes, bytes.length, 4096);
    }

    private String buffer(Task task, int address, int length) throws UserFault {
        if (length < 0) {
            return StraceText.pointer(address);
        }
        int shown = Math.min(length, StraceText.DEFAULT_LIMIT);
        byte[] bytes = new byte[shown];
        calls.memory().read(task, address, bytes, 0, shown);
        return StraceText.quote(bytes, length, StraceText.DEFAULT_LIMIT);
    }

    private String argv(Task task, int address) throws UserFault {
        if (address == 0) {
            return "NULL";
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; ; i++) {
            int pointer = calls.memory().readInt(task, address + 4 * i);
            if (pointer == 0) {
                return StraceText.stringArray(items, false);
            }
            if (i == StraceText.DEFAULT_LIMIT) {
                return StraceText.stringArray(items, true);
            }
            String s = calls.memory().readString(task, pointer, 4096);
            items.add(s == null ? "" : s);
        }
    }

    private String envp(Task task, int address) throws UserFault {
        if (address == 0) {
            return "NULL";
        }
        int count = 0;
        while (calls.memory().readInt(task, address + 4 * count) != 0) {
            count++;
        }
        return StraceText.varsComment(address, count);
    }

    private static String waitOptions(int options) {
        if (options == 0) {
            return "0";
        }
        List<String> names = new ArrayList<>();
        String[] known = {"WNOHANG", "WUNTRACED", null, "WCONTINUED"};
        int[] bits = {1, 2, 0, 8};
        int rest = options;
        for (int i = 0; i < bits.length; i++) {
            if (known[i] != null && (options & bits[i]) != 0) {
                names.add(known[i]);
                rest &= ~bits[i];
            }
        }
        if (rest != 0) {
            names.add(StraceText.hex(rest));
        }
        return String.join("|", names);
    }
}
