package dev.pulse.app.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Sends every generated event to one topic as fast as the producer accepts them. */
final class BulkSend {
    private BulkSend() {}

    /**
     * Sends all events keyed by tenant with their event time as record time, then waits until the
     * broker acknowledged every one. The topic's metadata is fetched before the clock starts.
     *
     * @return the time from the first send to the last acknowledgement
     * @throws IllegalStateException if any send failed
     */
    static Throughput sendAll(
            Producer<String, byte[]> producer, String topic, GeneratedEvents events) {
        AtomicLong failures = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        Callback callback =
                (metadata, error) -> {
                    if (error != null) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, error);
                    }
                };
        producer.partitionsFor(topic); // metadata first, so it is not timed
        long start = System.nanoTime();
        for (int i = 0; i < events.size(); i++) {
            producer.send(
                    new ProducerRecord<>(
                            topic, null, events.timestamp(i), events.key(i), events.value(i)),
                    callback);
        }
        producer.flush();
        long acked = System.nanoTime();
        if (failures.get() > 0) {
            throw new IllegalStateException(
                    failures.get() + " of " + events.size() + " sends to " + topic + " failed",
                    firstFailure.get());
        }
        return Throughput.between(events.size(), start, acked);
    }
}
