package dev.ringos.cpu;

/** A device on the I/O bus, reached by in and out. */
public interface IoDevice {
    int in(int port, int size);

    void out(int port, int size, int value);
}
