package dev.pulse.streams.runtime;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds RocksDB memory for all stores of this JVM: one LRU block cache, with memtables charged to
 * it through a write-buffer manager, and index/filter blocks kept in it. Without this, memory grows
 * with stores × partitions (each store defaults to its own 50 MB cache and 3 × 16 MB memtables).
 */
public final class BoundedMemoryRocksDbConfig implements RocksDBConfigSetter {
    /** Streams config key for the total budget in bytes. */
    public static final String TOTAL_BYTES_CONFIG = "pulse.rocksdb.total.bytes";

    private static final double MEMTABLE_SHARE = 0.4;
    private static final double HIGH_PRIORITY_POOL_RATIO = 0.1;

    private static Cache cache;
    private static WriteBufferManager writeBufferManager;

    private static synchronized void initialise(long totalBytes) {
        if (cache == null) {
            cache = new LRUCache(totalBytes, -1, false, HIGH_PRIORITY_POOL_RATIO);
            writeBufferManager =
                    new WriteBufferManager((long) (totalBytes * MEMTABLE_SHARE), cache);
        }
    }

    /** Bytes in this JVM's RocksDB cache now, memtables included; 0 before any store opened. */
    public static synchronized long usedBytes() {
        return cache == null ? 0 : cache.getUsage();
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object configured = configs.get(TOTAL_BYTES_CONFIG);
        long total = configured == null ? 256L << 20 : Long.parseLong(String.valueOf(configured));
        initialise(total);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBufferManager);
        options.setTableFormatConfig(table);
        options.setMaxWriteBufferNumber(2);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write-buffer manager are shared by every store: never close them here.
    }
}
