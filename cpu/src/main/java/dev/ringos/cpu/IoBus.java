package dev.ringos.cpu;

/** The 64 Ki I/O ports. A port with no device reads as all ones and ignores writes, like an empty bus. */
public final class IoBus {
    private final IoDevice[] devices = new IoDevice[1 << 16];

    public void attach(int port, IoDevice device) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("I/O ports are 0–0xFFFF, got " + port);
        }
        devices[port] = device;
    }

    int in(int port, int size) {
        IoDevice d = devices[port & 0xFFFF];
        return d == null ? Alu.mask(size) : d.in(port & 0xFFFF, size) & Alu.mask(size);
    }

    void out(int port, int size, int value) {
        IoDevice d = devices[port & 0xFFFF];
        if (d != null) {
            d.out(port & 0xFFFF, size, value & Alu.mask(size));
        }
    }
}
