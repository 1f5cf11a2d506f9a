package dev.ringos.kernel.servers.pm;

import dev.ringos.kernel.core.KernelCalls;
import dev.ringos.kernel.core.Task;
import dev.ringos.kernel.core.UserFault;
import dev.ringos.kernel.syscall.Errno;
import java.nio.charset.StandardCharsets;

/**
 * What uname(2) tells: the system's name, release and machine, and the host and domain names
 * that root may set (sethostname, setdomainname). One set for the whole machine; a UTS
 * namespace will give each its own.
 */
public final class SystemName {
    public static final String SYSNAME = "ringos";
    public static final String RELEASE = "0.1.0";
    public static final String VERSION = "#1 ringos 0.1.0 (virtual time)";
    public static final String MACHINE = "i686";
    /** Linux's __NEW_UTS_LEN: each field is 64 bytes and a NUL. */
    static final int FIELD = 65;
    private static final int FIELDS = 6;

    private final KernelCalls calls;
    private String hostname = "ringos";
    private String domainname = "(none)";

    SystemName(KernelCalls calls) {
        this.calls = calls;
    }

    public String hostname() {
        return hostname;
    }

    /** uname(2): struct new_utsname, six NUL-padded 65-byte fields. */
    public int uname(Task caller, int address) throws UserFault {
        byte[] buf = new byte[FIELD * FIELDS];
        String[] fields = {SYSNAME, hostname, RELEASE, VERSION, MACHINE, domainname};
        for (int i = 0; i < FIELDS; i++) {
            byte[] b = fields[i].getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(b, 0, buf, i * FIELD, Math.min(b.length, FIELD - 1));
        }
        calls.memory().write(caller, address, buf, 0, buf.length);
        return 0;
    }

    public int sethostname(Task caller, int address, int length) throws UserFault {
        String name = readName(caller, address, length);
        if (name == null) {
            return length < 0 || length > FIELD - 1 ? Errno.EINVAL.negated() : Errno.EPERM.negated();
        }
        hostname = name;
        return 0;
    }

    public int setdomainname(Task caller, int address, int length) throws UserFault {
        String name = readName(caller, address, length);
        if (name == null) {
            return length < 0 || length > FIELD - 1 ? Errno.EINVAL.negated() : Errno.EPERM.negated();
        }
        domainname = name;
        return 0;
    }

    /** The new name, or null when the caller may not set it (not root) or the length is bad. */
    private String readName(Task caller, int address, int length) throws UserFault {
        if (length < 0 || length > FIELD - 1 || ProcessManager.process(caller).uid != 0) {
            return null;
        }
        byte[] b = new byte[length];
        calls.memory().read(caller, address, b, 0, length);
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
