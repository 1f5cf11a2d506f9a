package dev.ringos.kernel.servers.vfs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files unpacked from the root image (cpio newc), read-only for now: enough to exec
 * programs. Paths are absolute and normalised ("/bin/sh").
 */
public final class RootFileSystem {
    private final Map<String, CpioEntry> entries = new HashMap<>();

    public RootFileSystem(List<CpioEntry> archive) {
        entries.put("/", new CpioEntry("/", CpioEntry.S_IFDIR | 0755, new byte[0]));
        for (CpioEntry e : archive) {
            entries.put(e.path(), e);
            for (int slash = e.path().lastIndexOf('/'); slash > 0; slash = e.path().lastIndexOf('/', slash - 1)) {
                entries.putIfAbsent(e.path().substring(0, slash),
                        new CpioEntry(e.path().substring(0, slash), CpioEntry.S_IFDIR | 0755, new byte[0]));
            }
        }
    }

    /** The entry at an absolute path (after resolving "." and ".."), or null. */
    public CpioEntry lookup(String path) {
        return entries.get(normalise(path));
    }

    static String normalise(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                int slash = out.lastIndexOf("/");
                out.setLength(Math.max(slash, 0));
                continue;
            }
            out.append('/').append(part);
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}
