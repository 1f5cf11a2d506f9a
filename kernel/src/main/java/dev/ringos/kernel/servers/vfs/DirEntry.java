package dev.ringos.kernel.servers.vfs;

/** One name in a directory listing (getdents64): the name, the inode number and the file type bits. */
public record DirEntry(String name, long ino, int mode) {
}
