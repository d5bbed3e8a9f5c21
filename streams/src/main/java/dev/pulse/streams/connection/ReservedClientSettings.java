package dev.pulse.streams.connection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Client settings a pass-through ({@code kafka.properties.*}) may not set: either Pulse has its own
 * key for them, or Pulse's correctness depends on its value (exactly-once, idempotent writes,
 * committed reads, fixed serdes, co-partitioned topics). Refusing them at start-up with the reason
 * beats overriding them silently, and beats letting them through to break a guarantee.
 */
final class ReservedClientSettings {
    /** Kafka Streams' per-client prefixes: {@code producer.acks} is {@code acks} for a producer. */
    private static final List<String> CLIENT_PREFIXES =
            List.of(
                    "main.consumer.",
                    "restore.consumer.",
                    "global.consumer.",
                    "consumer.",
                    "producer.",
                    "admin.");

    private static final String EXACTLY_ONCE = "Pulse relies on its value for exactly-once results";
    private static final String SERDES = "each Pulse topic has fixed serializers";

    private static final Map<String, String> REASONS =
            Map.ofEntries(
                    Map.entry("bootstrap.servers", "set kafka.bootstrapServers instead"),
                    Map.entry("application.id", "set streams.applicationId instead"),
                    Map.entry("state.dir", "set streams.stateDir instead"),
                    Map.entry("num.stream.threads", "set streams.threads instead"),
                    Map.entry("num.standby.replicas", "set streams.standbyReplicas instead"),
                    Map.entry("replication.factor", "set streams.replicationFactor instead"),
                    Map.entry("application.server", "set api.advertisedHost instead"),
                    Map.entry("processing.guarantee", "Pulse runs exactly_once_v2"),
                    Map.entry("enable.idempotence", EXACTLY_ONCE),
                    Map.entry("acks", EXACTLY_ONCE),
                    Map.entry("transactional.id", EXACTLY_ONCE),
                    Map.entry("isolation.level", EXACTLY_ONCE),
                    Map.entry("enable.auto.commit", "Pulse commits its own offsets"),
                    Map.entry("auto.offset.reset", "each Pulse reader decides where it starts"),
                    Map.entry("group.id", "each Pulse reader has its own group"),
                    Map.entry("group.instance.id", "it would be shared by every Pulse consumer"),
                    Map.entry("client.id", "Pulse names each client for its logs and metrics"),
                    Map.entry("partitioner.class", "Pulse's topics are co-partitioned by tenant"),
                    Map.entry("key.serializer", SERDES),
                    Map.entry("value.serializer", SERDES),
                    Map.entry("key.deserializer", SERDES),
                    Map.entry("value.deserializer", SERDES),
                    Map.entry("default.key.serde", SERDES),
                    Map.entry("default.value.serde", SERDES),
                    Map.entry(
                            "deserialization.exception.handler",
                            "Pulse dead-letters bad records itself"),
                    Map.entry(
                            "processing.exception.handler",
                            "Pulse dead-letters bad records itself"),
                    Map.entry(
                            "rocksdb.config.setter",
                            "Pulse bounds RocksDB memory; set streams.rocksDbCacheMb instead"));

    private ReservedClientSettings() {}

    /**
     * @throws IllegalArgumentException naming every reserved key among {@code keys} and why
     */
    static void check(Collection<String> keys) {
        List<String> refused = new ArrayList<>();
        for (String key : new TreeSet<>(keys)) {
            String reason = reason(key);
            if (reason != null) {
                refused.add("kafka.properties." + key + " (" + reason + ")");
            }
        }
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException(
                    "Pulse sets these Kafka client settings itself and does not take them from"
                            + " configuration: "
                            + String.join("; ", refused));
        }
    }

    private static String reason(String key) {
        if (key.startsWith("topic.")) {
            return "set topic settings under kafka.topicConfigs instead";
        }
        String bare = key;
        for (String prefix : CLIENT_PREFIXES) {
            if (key.startsWith(prefix)) {
                bare = key.substring(prefix.length());
                break;
            }
        }
        return REASONS.get(bare);
    }
}
