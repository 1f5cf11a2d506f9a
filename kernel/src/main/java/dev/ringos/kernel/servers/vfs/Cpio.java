package dev.ringos.kernel.servers.vfs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The cpio "newc" format, as Linux reads an initramfs: each member is a 110-byte ASCII header
 * (magic 070701, then thirteen 8-digit hex fields), the NUL-terminated name padded to 4 bytes, and
 * the data padded to 4 bytes; a member named TRAILER!!! ends the archive. Anything after the
 * trailer (GNU cpio pads to 512 bytes) is ignored. Hard links, device numbers, owners and times
 * are not kept: the VFS needs paths, modes and contents.
 */
public final class Cpio {
    static final String MAGIC = "070701";
    static final String TRAILER = "TRAILER!!!";
    static final int HEADER_SIZE = 110;
    // Header fields in order; offsets are 6 + 8 * index.
    private static final String[] FIELDS = {
        "ino", "mode", "uid", "gid", "nlink", "mtime", "filesize", "devmajor", "devminor", "rdevmajor", "rdevminor",
        "namesize", "check",
    };
    private static final int MODE = 1, FILESIZE = 6, NAMESIZE = 11;

    private Cpio() {
    }

    /** Every member before the trailer, in archive order, with paths made absolute ("./bin/sh" is "/bin/sh", "." is "/"). */
    public static List<CpioEntry> read(byte[] archive) throws CpioFormatException {
        List<CpioEntry> entries = new ArrayList<>();
        int offset = 0;
        while (true) {
            if (archive.length - offset < HEADER_SIZE) {
                throw new CpioFormatException("truncated header at offset " + offset + ": " + (archive.length - offset)
                        + " bytes left, a newc header is " + HEADER_SIZE + " (is the TRAILER!!! entry missing?)");
            }
            String magic = new String(archive, offset, 6, StandardCharsets.ISO_8859_1);
            if (!magic.equals(MAGIC)) {
                throw new CpioFormatException("bad magic \"" + printable(magic) + "\" at offset " + offset
                        + ", expected " + MAGIC + " (newc)");
            }
            long[] fields = new long[FIELDS.length];
            for (int i = 0; i < FIELDS.length; i++) {
                fields[i] = field(archive, offset, i); // all are checked, though only three are used
            }
            long fileSize = fields[FILESIZE], nameSize = fields[NAMESIZE];
            int nameAt = offset + HEADER_SIZE;
            if (nameSize < 2 || nameSize > archive.length - nameAt) {
                throw new CpioFormatException("namesize " + nameSize + " of the entry at offset " + offset
                        + (nameSize < 2 ? " leaves no name" : " runs past the end of the archive (" + archive.length + " bytes)"));
            }
            int nameLength = (int) nameSize - 1;
            if (archive[nameAt + nameLength] != 0) {
                throw new CpioFormatException("name of the entry at offset " + offset + " is not NUL-terminated at offset "
                        + (nameAt + nameLength));
            }
            for (int i = nameAt; i < nameAt + nameLength; i++) {
                if (archive[i] == 0) {
                    throw new CpioFormatException("name of the entry at offset " + offset + " has a NUL at offset " + i);
                }
            }
            String name = new String(archive, nameAt, nameLength, StandardCharsets.UTF_8);
            long dataAt = align4((long) nameAt + nameSize);
            if (dataAt + fileSize > archive.length) {
                throw new CpioFormatException("data of \"" + printable(name) + "\" (entry at offset " + offset + ", "
                        + fileSize + " bytes from offset " + dataAt + ") runs past the end of the archive ("
                        + archive.length + " bytes)");
            }
            if (name.equals(TRAILER)) {
                return entries;
            }
            byte[] data = new byte[(int) fileSize];
            System.arraycopy(archive, (int) dataAt, data, 0, data.length);
            entries.add(new CpioEntry(normalise(name, offset), (int) fields[MODE], data));
            offset = (int) Math.min(align4(dataAt + fileSize), archive.length);
        }
    }

    /** One 8-digit hex field of the header at offset, as an unsigned value. */
    private static long field(byte[] archive, int offset, int index) throws CpioFormatException {
        int at = offset + 6 + 8 * index;
        long value = 0;
        for (int i = at; i < at + 8; i++) {
            int digit = Character.digit(archive[i] & 0xFF, 16);
            if (digit < 0) {
                throw new CpioFormatException("bad hex digit in " + FIELDS[index] + " of the entry at offset " + offset
                        + ": \"" + printable(new String(archive, at, 8, StandardCharsets.ISO_8859_1)) + "\" at offset " + at);
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private static long align4(long n) {
        return (n + 3) & ~3L;
    }

    /** An absolute path without ".", empty components or a trailing slash; ".." is refused. */
    static String normalise(String name, int offset) throws CpioFormatException {
        StringBuilder path = new StringBuilder();
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw new CpioFormatException("name \"" + printable(name) + "\" of the entry at offset " + offset
                        + " goes up with \"..\"");
            }
            if (!part.isEmpty() && !part.equals(".")) {
                path.append('/').append(part);
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    /** Text from the archive, fit for an error message. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return out.toString();
    }

    /**
     * Builds a newc archive. The output depends only on what was added: mtime, uid and gid are 0,
     * inode numbers count from 1, nlink is 2 for directories and 1 otherwise. Names are written
     * relative ("bin/sh", "/" as "."), as Linux's gen_init_cpio does and GNU cpio expects.
     */
    public static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int ino = 1;

        /** A member; mode without file type bits means a regular file. */
        public Writer add(String path, int mode, byte[] data) {
            int type = (mode & CpioEntry.S_IFMT) == 0 ? CpioEntry.S_IFREG : 0;
            member(ino++, path, mode | type, data);
            return this;
        }

        public Writer directory(String path, int mode) {
            return add(path, CpioEntry.S_IFDIR | (mode & 07777), new byte[0]);
        }

        public Writer symlink(String path, String target) {
            return add(path, CpioEntry.S_IFLNK | 0777, target.getBytes(StandardCharsets.UTF_8));
        }

        /** The archive, ending with the trailer. The writer can go on adding after this. */
        public byte[] toBytes() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            header(copy, 0, 0, 1, 0, TRAILER.getBytes(StandardCharsets.US_ASCII));
            return copy.toByteArray();
        }

        private void member(int number, String path, int mode, byte[] data) {
            String normal;
            try {
                normal = normalise(path, 0);
            } catch (CpioFormatException e) {
                throw new IllegalArgumentException("path goes up with \"..\": " + path);
            }
            String relative = normal.equals("/") ? "." : normal.substring(1);
            boolean directory = (mode & CpioEntry.S_IFMT) == CpioEntry.S_IFDIR;
            header(out, number, mode, directory ? 2 : 1, data.length, relative.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(data);
            pad(out);
        }

        private static void header(ByteArrayOutputStream to, int ino, int mode, int nlink, int size, byte[] name) {
            int[] values = {ino, mode, 0, 0, nlink, 0, size, 0, 0, 0, 0, name.length + 1, 0};
            StringBuilder text = new StringBuilder(MAGIC);
            for (int v : values) {
                text.append(String.format("%08X", v));
            }
            to.writeBytes(text.toString().getBytes(StandardCharsets.US_ASCII));
            to.writeBytes(name);
            to.write(0);
            pad(to);
        }

        private static void pad(ByteArrayOutputStream to) {
            while (to.size() % 4 != 0) {
                to.write(0);
            }
        }
    }
}
