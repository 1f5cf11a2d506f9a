package dev.ringos.kernel.servers.vfs;

import dev.ringos.kernel.syscall.Errno;
import java.util.HashMap;
import java.util.Map;

/** Character device drivers by device number: what opening a device node gives. */
public final class Devices {
    /** Opens a device node for a process. */
    @FunctionalInterface
    public interface Driver {
        OpenFile open(FsProcess caller, Inode node, int flags) throws FsException;
    }

    private final Map<Integer, Driver> drivers = new HashMap<>();

    public void register(int major, int minor, Driver driver) {
        drivers.put(Modes.device(major, minor), driver);
    }

    /** ENXIO for a node no driver answers for, as Linux says for a missing device. */
    OpenFile open(FsProcess caller, Inode node, int flags) throws FsException {
        Driver d = drivers.get(node.rdev());
        if (d == null || (node.type() != Modes.S_IFCHR)) {
            throw FsException.of(Errno.ENXIO);
        }
        return d.open(caller, node, flags);
    }
}
