package dev.pulse.warehouse.sink;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the records of one topic become in the warehouse. */
interface SinkTable {
    /** The topic whose records this table takes. */
    String topic();

    /** Statements of this table written as one statement over arrays per batch. */
    default List<ColumnarUpsert> columnar() {
        return List.of();
    }

    /**
     * Adds the rows {@code record} becomes to {@code batch}; nothing for records that say nothing.
     */
    void addRows(ConsumerRecord<byte[], byte[]> record, SinkBatch batch);
}
