package dev.ringos.kernel.servers.vfs.dev;

import dev.ringos.kernel.servers.vfs.Devices;
import dev.ringos.kernel.servers.vfs.FsProcess;
import java.util.Arrays;

/** Linux's memory devices (major 1): /dev/null (minor 3) and /dev/zero (minor 5). */
public final class MemoryDevices {
    public static final int MAJOR = 1, NULL = 3, ZERO = 5;

    private MemoryDevices() {
    }

    public static void register(Devices devices) {
        devices.register(MAJOR, NULL, (caller, node, flags) -> new DeviceFile(node, flags) {
            @Override
            public int read(FsProcess p, byte[] into, int off, int length) {
                return 0;
            }

            @Override
            public int write(FsProcess p, byte[] from, int off, int length) {
                return length;
            }
        });
        devices.register(MAJOR, ZERO, (caller, node, flags) -> new DeviceFile(node, flags) {
            @Override
            public int read(FsProcess p, byte[] into, int off, int length) {
                Arrays.fill(into, off, off + length, (byte) 0);
                return length;
            }

            @Override
            public int write(FsProcess p, byte[] from, int off, int length) {
                return length;
            }
        });
    }
}
