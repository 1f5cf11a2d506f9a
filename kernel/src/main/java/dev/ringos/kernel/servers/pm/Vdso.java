package dev.ringos.kernel.servers.pm;

import dev.ringos.kernel.core.Layout;

/**
 * The page every process gets at {@link Layout#VDSO}, read-only and executable, holding the
 * code a signal handler returns into (Linux's vDSO __kernel_sigreturn and
 * __kernel_rt_sigreturn) and __kernel_vsyscall.
 */
final class Vdso {
    static final int SIGRETURN = Layout.VDSO;
    static final int RT_SIGRETURN = Layout.VDSO + 0x10;
    static final int VSYSCALL = Layout.VDSO + 0x20;

    static byte[] image() {
        byte[] page = new byte[0x30];
        // __kernel_sigreturn: pop eax; mov eax, 119; int 0x80 (Linux's bytes exactly)
        put(page, 0x00, 0x58, 0xB8, 119, 0, 0, 0, 0xCD, 0x80);
        // __kernel_rt_sigreturn: mov eax, 173; int 0x80
        put(page, 0x10, 0xB8, 173, 0, 0, 0, 0xCD, 0x80);
        // __kernel_vsyscall: int 0x80; ret
        put(page, 0x20, 0xCD, 0x80, 0xC3);
        return page;
    }

    private static void put(byte[] page, int at, int... bytes) {
        for (int i = 0; i < bytes.length; i++) {
            page[at + i] = (byte) bytes[i];
        }
    }

    private Vdso() {
    }
}
