package dev.ringos.kernel.servers.vfs.hostfs;

import dev.ringos.kernel.servers.vfs.FsException;
import dev.ringos.kernel.syscall.Errno;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Names between the guest and the host. The guest's names are bytes (held as ISO-8859-1
 * strings); Java names host files with strings it encodes in the host's file name encoding
 * (sun.jnu.encoding, UTF-8 on a usual Linux). So a guest name is decoded from that encoding to
 * reach the host, and a host name encoded back: a UTF-8 name is the same bytes on both sides.
 * A guest name that is not valid in the host's encoding cannot be made there (EINVAL).
 */
final class HostNames {
    static final Charset HOST = hostCharset();

    private HostNames() {
    }

    private static Charset hostCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    /**
     * The host name for one guest path component, or null if no host entry can have it: the VFS
     * never passes "", ".", ".." or a slash, and a NUL cannot be in a name. Checked here again
     * because this is where the host's path begins.
     */
    static String component(String guest) {
        if (guest.isEmpty() || guest.equals(".") || guest.equals("..")
                || guest.indexOf('/') >= 0 || guest.indexOf('\0') >= 0) {
            return null;
        }
        return toHost(guest);
    }

    /** As {@link #component}, for a name about to be made: EINVAL where that gives null. */
    static String require(String guest) throws FsException {
        String host = component(guest);
        if (host == null) {
            throw FsException.of(Errno.EINVAL);
        }
        return host;
    }

    /** A guest string (a symlink's target) as the host string with the same bytes, or null. */
    static String toHost(String guest) {
        if (isAscii(guest)) {
            return guest;
        }
        try {
            return HOST.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(guest.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** A host name or target as the guest sees it: its bytes in the host's encoding. */
    static String toGuest(String host) {
        if (isAscii(host)) {
            return host;
        }
        try {
            ByteBuffer bytes = HOST.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).encode(CharBuffer.wrap(host));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return new String(out, StandardCharsets.ISO_8859_1);
        } catch (CharacterCodingException e) {
            return host;
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
