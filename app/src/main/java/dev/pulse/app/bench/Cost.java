package dev.pulse.app.bench;

/**
 * A rate and what it cost: this process's CPU time per item, in microseconds (for ingest it
 * includes the bench's own producer, which runs in the same process).
 */
public record Cost(Throughput rate, double cpuMicrosPerItem) {}
