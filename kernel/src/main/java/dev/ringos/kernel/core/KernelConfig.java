package dev.ringos.kernel.core;

import dev.ringos.cpu.PhysicalMemory;

/**
 * How to build the machine the kernel runs on.
 *
 * @param memoryBytes physical memory (default 64 MiB)
 * @param tickCycles  cycles between timer interrupts (default 1,000,000: 10 ms at 100 MHz)
 * @param quantum     cycles a thread runs before round robin preempts it, if another is ready
 * @param trace       kernel event tracing
 */
public record KernelConfig(long memoryBytes, long tickCycles, long quantum, KernelTrace trace) {
    /** The virtual clock: 100 MHz, so a cycle is 10 ns of guest time. */
    public static final long CLOCK_HZ = 100_000_000L;
    /** The wall-clock time at boot, in seconds since the epoch (2026-01-01 00:00:00 UTC): time is virtual, so every run sees the same dates. */
    public static final long BOOT_EPOCH = 1_767_225_600L;
    public static final long DEFAULT_TICK = CLOCK_HZ / 100;

    public KernelConfig {
        if (tickCycles <= 0 || tickCycles > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("the timer period must be 1 to 2^32-1 cycles, got " + tickCycles);
        }
        if (quantum <= 0) {
            throw new IllegalArgumentException("the quantum must be positive, got " + quantum);
        }
    }

    public static KernelConfig defaults() {
        return new KernelConfig(PhysicalMemory.DEFAULT_SIZE, DEFAULT_TICK, DEFAULT_TICK, KernelTrace.off());
    }

    public KernelConfig withMemory(long bytes) {
        return new KernelConfig(bytes, tickCycles, quantum, trace);
    }

    public KernelConfig withQuantum(long cycles) {
        return new KernelConfig(memoryBytes, Math.min(tickCycles, cycles), cycles, trace);
    }

    public KernelConfig withTrace(KernelTrace trace) {
        return new KernelConfig(memoryBytes, tickCycles, quantum, trace);
    }
}
