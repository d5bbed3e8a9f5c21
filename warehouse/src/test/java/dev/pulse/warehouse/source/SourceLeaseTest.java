package dev.pulse.warehouse.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.connection.TopicDefaults;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lease keeps its own group settings whatever kafka.properties says. */
class SourceLeaseTest {
    @Test
    void kafkaPropertiesForOtherConsumersDoNotChangeTheLease() {
        // The new consumer protocol refuses a client-side assignor: with these passed through, the
        // lease's consumer could not even be created, and the source would stop.
        KafkaConnection kafka =
                new KafkaConnection(
                        "127.0.0.1:9",
                        Map.of(
                                "group.protocol", "consumer",
                                "max.poll.interval.ms", "1000",
                                "partition.assignment.strategy",
                                        "org.apache.kafka.clients.consumer.RangeAssignor"),
                        TopicDefaults.BROKER_DEFAULTS);

        try (SourceLease lease = new SourceLease(kafka, "events", Duration.ofMinutes(5))) {
            assertThat(lease.heartbeat()).isEqualTo(Duration.ofSeconds(100));
            assertThat(lease.joined()).isFalse();
        }
    }
}
