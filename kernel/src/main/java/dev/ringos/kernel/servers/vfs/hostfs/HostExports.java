package dev.ringos.kernel.servers.vfs.hostfs;

import dev.ringos.kernel.servers.vfs.FileSystem;
import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.syscall.Errno;
import java.util.ArrayList;
import java.util.List;

/**
 * The host directories the host exported with {@code --mount}: all a guest may mount with
 * mount(2) type "hostfs". The source names an export by its host path exactly as /proc/mounts
 * shows it; the guest gets the same file system again (as a bind mount), and nothing else:
 * no other host path, and nothing below an export that the export itself does not reach.
 */
public final class HostExports {
    private final List<HostFs> exported = new ArrayList<>();

    public void add(HostFs fs) {
        exported.add(fs);
    }

    /** mount(2)'s factory for "hostfs": ENOENT for a source the host did not export. */
    public FileSystem mount(String source, String data) throws FsException {
        for (HostFs fs : exported) {
            if (fs.source().equals(source)) {
                return fs;
            }
        }
        throw FsException.of(Errno.ENOENT);
    }
}
