package dev.pulse.warehouse.sink;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the records of one topic become in the warehouse. */
interface SinkTable {
    /** The topic whose records this table takes. */
    String topic();

    /**
     * Adds the rows {@code record} becomes to {@code batch}; nothing for records that say nothing.
     */
    void addRows(ConsumerRecord<byte[], byte[]> record, SinkBatch batch);
}
