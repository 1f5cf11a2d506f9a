package dev.ringos.kernel.servers.vfs.procfs;

import dev.ringos.kernel.servers.vfs.DirEntry;
import dev.ringos.kernel.servers.vfs.FsProcess;
import dev.ringos.kernel.servers.vfs.Inode;
import dev.ringos.kernel.servers.vfs.Modes;
import dev.ringos.kernel.servers.vfs.OpenFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** /proc/PID/fd (dr-x------): a link named by each open descriptor, read from the process's table when asked. */
final class FdDirectory extends ProcDirectory {
    private final PidDirectory process;
    /** The link for each descriptor, kept while the same description stays in its slot. */
    private final Map<Integer, FdLink> links = new HashMap<>();

    FdDirectory(ProcFs fs, PidDirectory process, long ino) {
        super(fs, ino, 0500, process, process);
        this.process = process;
    }

    @Override
    public Inode lookup(String name) {
        int fd = number(name);
        FsProcess owner = process.files();
        OpenFile file = fd < 0 || owner == null ? null : owner.fds().get(fd);
        if (file == null) {
            links.remove(fd);
            return null;
        }
        FdLink link = links.get(fd);
        if (link == null || link.file() != file) {
            link = new FdLink(procfs(), this, process, fd, file);
            links.put(fd, link);
        }
        return link;
    }

    @Override
    public List<DirEntry> list() {
        FsProcess owner = process.files();
        if (owner == null) {
            return List.of();
        }
        List<DirEntry> entries = new ArrayList<>();
        owner.fds().forEach((fd, file) -> entries.add(new DirEntry(Integer.toString(fd),
                FdLink.inoOf(process.pid, fd), Modes.S_IFLNK | FdLink.permissions(file))));
        return entries;
    }
}
