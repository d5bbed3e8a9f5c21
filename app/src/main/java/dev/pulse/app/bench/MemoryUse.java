package dev.pulse.app.bench;

import dev.pulse.streams.runtime.BoundedMemoryRocksDbConfig;
import java.lang.management.ManagementFactory;

/**
 * What the process holds after the load phases: the heap's live objects (measured right after a
 * full collection, so garbage does not count) and RocksDB's one bounded cache, which Pulse charges
 * memtables to as well.
 */
public record MemoryUse(long heapAfterGcBytes, long rocksDbBytes) {
    public static MemoryUse now() {
        System.gc(); // the bench's own measurement: live heap, not what the collector left lying
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new MemoryUse(heap, BoundedMemoryRocksDbConfig.usedBytes());
    }
}
