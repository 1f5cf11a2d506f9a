package dev.ringos.userland;

import dev.ringos.kernel.servers.vfs.Cpio;
import dev.ringos.kernel.servers.vfs.CpioEntry;
import dev.ringos.kernel.servers.vfs.CpioFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The root image the build made ({@link RootImageBuilder}): /sbin/init, the shell and the
 * utilities, /etc and the standard directories, as the resource {@code root.cpio}. Nothing is
 * assembled at boot.
 */
public final class RootImage {
    /** The resource's name, next to this class. */
    public static final String RESOURCE = "root.cpio";

    private static byte[] archive;

    private RootImage() {
    }

    /** The image's members; a fresh list each time, so a caller may add to it or change it. */
    public static List<CpioEntry> entries() {
        try {
            return new ArrayList<>(Cpio.read(bytes()));
        } catch (CpioFormatException e) {
            throw new IllegalStateException("the root image " + RESOURCE + " is damaged: " + e.getMessage(), e);
        }
    }

    /** The archive's bytes, read once. */
    public static synchronized byte[] archive() {
        if (archive == null) {
            try (InputStream in = RootImage.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("no root image: the resource dev/ringos/userland/" + RESOURCE
                            + " is missing (build the userland module: it is made in the process-classes phase)");
                }
                archive = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return archive.clone();
    }

    private static synchronized byte[] bytes() {
        if (archive == null) {
            archive();
        }
        return archive;
    }
}
