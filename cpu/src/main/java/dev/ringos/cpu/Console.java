package dev.ringos.cpu;

import java.util.function.IntConsumer;

/**
 * The console, a minimal UART at COM1's ports: {@code out} to DATA sends a byte to the host's sink;
 * {@code in} from DATA takes the next byte the host fed (0 when there is none); STATUS bit 0 says
 * input is waiting, bit 5 that output is ready (always). With IER bit 0 set, input raises IRQ 33.
 */
public final class Console implements IoDevice {
    public static final int DATA = 0x3F8;
    public static final int IER = 0x3F9;
    public static final int STATUS = 0x3FD;
    public static final int STATUS_INPUT_READY = 1;
    public static final int STATUS_OUTPUT_READY = 1 << 5;

    private final Cpu cpu;
    private IntConsumer sink = b -> { };
    private byte[] input = new byte[256];
    private int head;
    private int count;
    private int ier;

    Console(Cpu cpu) {
        this.cpu = cpu;
    }

    /** Where guest output goes, a byte (0–255) at a time. */
    public void setSink(IntConsumer sink) {
        this.sink = sink;
    }

    /** Queues bytes for the guest to read. */
    public void feed(byte[] bytes) {
        for (byte b : bytes) {
            if (count == input.length) {
                byte[] bigger = new byte[input.length * 2];
                for (int i = 0; i < count; i++) {
                    bigger[i] = input[(head + i) % input.length];
                }
                input = bigger;
                head = 0;
            }
            input[(head + count++) % input.length] = b;
        }
        if (bytes.length > 0) {
            interruptIfWanted();
        }
    }

    public int pendingInput() {
        return count;
    }

    private void interruptIfWanted() {
        if ((ier & 1) != 0 && count > 0) {
            cpu.raiseInterrupt(Vectors.CONSOLE);
        }
    }

    @Override
    public int in(int port, int size) {
        switch (port) {
            case DATA:
                if (count == 0) {
                    return 0;
                }
                int b = input[head] & 0xFF;
                head = (head + 1) % input.length;
                count--;
                return b;
            case IER:
                return ier;
            case STATUS:
                return (count > 0 ? STATUS_INPUT_READY : 0) | STATUS_OUTPUT_READY;
            default:
                return 0;
        }
    }

    @Override
    public void out(int port, int size, int value) {
        if (port == DATA) {
            sink.accept(value & 0xFF);
        } else if (port == IER) {
            ier = value & 1;
            interruptIfWanted();
        }
    }
}
