package dev.pulse.app.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What the box can do without Pulse: the same events, sent by the same producer configuration to a
 * scratch topic on the same broker, that nothing reads. Pipeline figures are read against it.
 */
public final class ProducerBaseline {
    static final String SCRATCH_TOPIC = "pulse-bench.producer-baseline.v1";

    private final String bootstrapServers;
    private final int partitions;

    public ProducerBaseline(String bootstrapServers, int partitions) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
    }

    public Throughput run(GeneratedEvents events) {
        createScratchTopic();
        try (KafkaProducer<String, byte[]> producer = BenchProducers.bulk(bootstrapServers)) {
            primePartitions(producer, events);
            return BulkSend.sendAll(producer, SCRATCH_TOPIC, events);
        }
    }

    /**
     * Writes one record to every partition and waits for each, so that every partition has its
     * leader in place before the timed run. Without it, a batch sent while a new partition's leader
     * is still being set up fails and is retried behind later batches, which the broker then
     * rejects as out of sequence until the delivery timeout.
     */
    private void primePartitions(KafkaProducer<String, byte[]> producer, GeneratedEvents events) {
        try {
            for (int partition = 0; partition < partitions; partition++) {
                producer.send(
                                new ProducerRecord<>(
                                        SCRATCH_TOPIC,
                                        partition,
                                        events.timestamp(0),
                                        events.key(0),
                                        events.value(0)))
                        .get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot write to the scratch topic " + SCRATCH_TOPIC, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while priming the scratch topic", e);
        }
    }

    private void createScratchTopic() {
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(SCRATCH_TOPIC, partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the scratch topic " + SCRATCH_TOPIC, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the scratch topic", e);
        }
    }
}
