package dev.pulse.app.bench;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.topic.PulseTopics;
import dev.pulse.topologies.topic.Topic;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sustained ingest through the topologies: publishes the account directory, then every generated
 * event as fast as the producer goes, and times from the first send until the pipeline has counted
 * them all ({@code pulse.events.counted}).
 */
public final class IngestBenchmark {
    /** Give up when the count has not moved for this long. */
    private final String bootstrapServers;

    private final PipelineCounters counters;
    private final BenchProgress progress;

    public IngestBenchmark(
            String bootstrapServers, PipelineCounters counters, BenchProgress progress) {
        this.bootstrapServers = bootstrapServers;
        this.counters = counters;
        this.progress = progress;
    }

    /** The producer's own rate and the rate through the topologies. */
    public record Result(Throughput producer, Throughput pipeline) {}

    public Result run(BenchTenants tenants, GeneratedEvents events) {
        try (KafkaProducer<String, byte[]> producer = BenchProducers.bulk(bootstrapServers)) {
            publishAccounts(producer, tenants);
            long target = counters.counted() + events.size();
            long start = System.nanoTime();
            Throughput sent = BulkSend.sendAll(producer, PulseTopics.USAGE_EVENTS.name(), events);
            long drained =
                    counters.awaitCounted(target, "events the pipeline counted", progress::step);
            return new Result(sent, Throughput.between(events.size(), start, drained));
        }
    }

    private static void publishAccounts(
            KafkaProducer<String, byte[]> producer, BenchTenants tenants) {
        Topic<String, Account> topic = PulseTopics.ACCOUNTS;
        Future<RecordMetadata> last = null;
        for (Account account : tenants.accounts(LocalDate.now(ZoneOffset.UTC))) {
            byte[] value = topic.valueSerde().serializer().serialize(topic.name(), account);
            last = producer.send(new ProducerRecord<>(topic.name(), account.tenantId(), value));
        }
        producer.flush();
        try {
            last.get(30, TimeUnit.SECONDS); // one partition, in order: the last ack covers all
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish the bench accounts", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing accounts", e);
        }
    }
}
