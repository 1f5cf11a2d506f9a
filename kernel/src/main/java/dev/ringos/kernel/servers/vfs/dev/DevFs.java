package dev.ringos.kernel.servers.vfs.dev;

import dev.ringos.kernel.servers.vfs.FileSystem;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.servers.vfs.Modes;
import dev.ringos.kernel.servers.vfs.ramfs.RamFs;

/** /dev: a ramfs (Linux's devtmpfs is a tmpfs) holding the device nodes the kernel provides. */
public final class DevFs {
    /** /dev/tty (5, 0) and /dev/console (5, 1): the terminal devices. */
    public static final int TTY_MAJOR = 5, TTY = 0, CONSOLE = 1;

    private DevFs() {
    }

    public static FileSystem create() {
        RamFs fs = new RamFs("devtmpfs", "devtmpfs", 0755);
        try {
            node(fs, "console", 0600, TTY_MAJOR, CONSOLE);
            node(fs, "tty", 0666, TTY_MAJOR, TTY);
            node(fs, "null", 0666, MemoryDevices.MAJOR, MemoryDevices.NULL);
            node(fs, "zero", 0666, MemoryDevices.MAJOR, MemoryDevices.ZERO);
        } catch (FsException e) {
            throw new IllegalStateException("a fresh devtmpfs refused a node: " + e.errno().name());
        }
        return fs;
    }

    private static void node(RamFs fs, String name, int permissions, int major, int minor) throws FsException {
        fs.root().create(name, Modes.S_IFCHR | permissions, 0, 0, Modes.device(major, minor));
    }
}
