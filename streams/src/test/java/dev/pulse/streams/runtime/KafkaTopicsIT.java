package dev.pulse.streams.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.streams.broker.SharedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafkaBroker.class)
class KafkaTopicsIT {

    @Test
    void createsWhatIsMissingLeavesWhatExistsAndReturnsWithLeaders() throws Exception {
        String existing = "topics-existing-" + UUID.randomUUID();
        String fresh = "topics-fresh-" + UUID.randomUUID();
        String bootstrap = SharedKafkaBroker.bootstrapServers();
        KafkaTopics.ensure(bootstrap, List.of(new NewTopic(existing, 2, (short) 1)));

        // Asking for the existing one with another partition count changes nothing.
        KafkaTopics.ensure(
                bootstrap,
                List.of(new NewTopic(existing, 5, (short) 1), new NewTopic(fresh, 3, (short) 1)));

        Map<String, TopicDescription> described = describe(bootstrap, List.of(existing, fresh));
        assertThat(described.get(existing).partitions()).hasSize(2);
        assertThat(described.get(fresh).partitions())
                .hasSize(3)
                .allSatisfy(p -> assertThat(p.leader()).isNotNull());
    }

    @Test
    void aReplicationFactorTheClusterCannotMeetFailsWithTheBrokersReasonAtTheDeadline() {
        String topic = "topics-rf3-" + UUID.randomUUID();
        assertThatThrownBy(
                        () ->
                                KafkaTopics.ensure(
                                        SharedKafkaBroker.bootstrapServers(),
                                        List.of(new NewTopic(topic, 1, (short) 3)),
                                        Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(topic)
                .hasMessageContaining("within 2 s")
                .hasMessageContaining("replication factor");
    }

    @Test
    void anInvalidTopicFailsAtOnceNamingIt() {
        assertThatThrownBy(
                        () ->
                                KafkaTopics.ensure(
                                        SharedKafkaBroker.bootstrapServers(),
                                        List.of(new NewTopic("bad/name", 1, (short) 1)),
                                        Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot create topic bad/name");
    }

    private static Map<String, TopicDescription> describe(String bootstrap, List<String> names)
            throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            return admin.describeTopics(names).allTopicNames().get();
        }
    }
}
