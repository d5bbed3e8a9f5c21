package dev.pulse.streams.connection;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Everything Pulse needs to reach its Kafka cluster, as configured: the bootstrap servers, the
 * client settings passed through to every producer, consumer, admin client and Kafka Streams
 * instance Pulse creates ({@code kafka.properties.*}: security, SASL, TLS stores, timeouts, config
 * providers for secrets in files…), and how the topics Pulse creates are made.
 *
 * <p>Every client config is built by {@link #clientConfig(Map)}, so no client can miss the security
 * settings. Settings Pulse must own for correctness are refused up front by {@link
 * ReservedClientSettings}, so a pass-through value never silently changes what Pulse guarantees.
 *
 * @param properties Kafka client settings, passed through verbatim; values may reference secrets
 *     through Kafka's config providers ({@code ${file:/path:key}})
 */
public record KafkaConnection(
        String bootstrapServers, Map<String, String> properties, TopicDefaults topics) {

    public KafkaConnection {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be empty");
        }
        properties = Map.copyOf(properties == null ? Map.of() : properties);
        topics = topics == null ? TopicDefaults.BROKER_DEFAULTS : topics;
        ReservedClientSettings.check(properties.keySet());
    }

    /** A plaintext connection with the client and broker defaults (the embedded broker, tests). */
    public static KafkaConnection to(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of(), TopicDefaults.BROKER_DEFAULTS);
    }

    /** The same cluster, reached through another address (an extra listener, a proxy). */
    public KafkaConnection withBootstrapServers(String other) {
        return new KafkaConnection(other, properties, topics);
    }

    /**
     * A client's configuration: Pulse's settings for this client, the bootstrap servers, and the
     * pass-through settings over Pulse's tuning (linger, batch sizes, timeouts). Pass-through keys
     * that would change Pulse's guarantees never get here: the constructor refused them.
     */
    public Map<String, Object> clientConfig(Map<String, ?> pulseSettings) {
        Map<String, Object> config = new HashMap<>(pulseSettings);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.putAll(properties);
        return config;
    }

    /**
     * For logs and error messages: the address and security protocol, never a setting's value (they
     * may hold secrets).
     */
    public String describe() {
        String protocol =
                properties.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
        return bootstrapServers + " (" + protocol + ")";
    }

    /** Keys only: values may be secrets. */
    @Override
    public String toString() {
        return "KafkaConnection["
                + describe()
                + ", properties="
                + new TreeMap<>(properties).keySet()
                + ", topics="
                + topics
                + "]";
    }
}
