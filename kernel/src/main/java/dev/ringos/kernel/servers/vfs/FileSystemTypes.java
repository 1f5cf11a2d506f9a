package dev.ringos.kernel.servers.vfs;

import dev.ringos.kernel.syscall.Errno;
import java.util.HashMap;
import java.util.Map;

/** What mount(2) can mount, by type name ("ramfs", "proc", "devtmpfs", "hostfs"). */
public final class FileSystemTypes {
    /** Makes a file system for mount(2) from its source and data strings. */
    @FunctionalInterface
    public interface Factory {
        FileSystem make(String source, String data) throws FsException;
    }

    private final Map<String, Factory> types = new HashMap<>();

    public void register(String type, Factory factory) {
        types.put(type, factory);
    }

    /** ENODEV for a type ringos does not know, as Linux answers. */
    FileSystem make(String type, String source, String data) throws FsException {
        Factory f = types.get(type);
        if (f == null) {
            throw FsException.of(Errno.ENODEV);
        }
        return f.make(source, data);
    }
}
