package dev.pulse.app.config;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.connection.TopicDefaults;
import dev.pulse.topologies.pipeline.PipelineSettings;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * Pulse's configuration as read from YAML and the environment. See config/pulse.yaml. The {@code
 * withKafka(…)}, {@code withBot(…)} … copies come from the generated {@code PulseConfigBuilder}.
 */
@RecordBuilder
public record PulseConfig(
        Kafka kafka,
        Streams streams,
        Api api,
        PipelineSettings pipeline,
        String healthModel,
        String alertRules,
        String funnels,
        String journey,
        Auth auth,
        Audit audit,
        Notifier notifier,
        Bot bot,
        Demo demo,
        Warehouse warehouse,
        Reports reports)
        implements PulseConfigBuilder.With {

    /** No warehouse section (configurations built in code): no warehouse. */
    public PulseConfig {
        warehouse = warehouse == null ? Warehouse.NONE : warehouse;
    }

    /**
     * Scheduled reports (docs/reports.md, "Schedules").
     *
     * @param schedules whether this instance keeps schedules and fires them
     * @param scheduleTick how often the scheduler looks for due runs; a run is sent at most this
     *     long after its time
     */
    public record Reports(boolean schedules, Duration scheduleTick) {}

    /**
     * An empty bootstrapServers starts the embedded broker.
     *
     * @param properties Kafka client settings passed to every client Pulse creates ({@code
     *     kafka.properties.*}: security, SASL, TLS, config providers for secrets in files)
     * @param topicConfigs topic settings for every topic Pulse creates (e.g. {@code
     *     min.insync.replicas}), Kafka Streams' internal topics included
     */
    public record Kafka(
            String bootstrapServers,
            String embeddedDataDir,
            int embeddedPort,
            Map<String, String> properties,
            Map<String, String> topicConfigs) {
        public Kafka {
            properties = properties == null ? Map.of() : Map.copyOf(properties);
            topicConfigs = topicConfigs == null ? Map.of() : Map.copyOf(topicConfigs);
        }

        /** Without pass-through settings: plaintext, the clients' and broker's defaults. */
        public Kafka(String bootstrapServers, String embeddedDataDir, int embeddedPort) {
            this(bootstrapServers, embeddedDataDir, embeddedPort, Map.of(), Map.of());
        }

        public boolean embedded() {
            return bootstrapServers == null || bootstrapServers.isBlank();
        }

        /**
         * The connection every Pulse client is made from.
         *
         * @param address the cluster's bootstrap servers (the embedded broker's, when embedded)
         * @param replicationFactor of the topics Pulse creates; -1 for the broker's default
         * @throws IllegalArgumentException naming pass-through settings Pulse does not take
         */
        public KafkaConnection connection(String address, short replicationFactor) {
            return new KafkaConnection(
                    address, properties, new TopicDefaults(replicationFactor, topicConfigs));
        }
    }

    /**
     * @param replicationFactor of every topic Pulse creates, its Kafka Streams internal topics
     *     included; -1 (the default) takes the broker's {@code default.replication.factor}
     */
    public record Streams(
            String applicationId,
            String stateDir,
            int partitions,
            short replicationFactor,
            int standbyReplicas,
            int threads,
            long rocksDbCacheMb) {}

    /**
     * @param trustedProxies reverse proxies (addresses or CIDR ranges, comma-separated) whose
     *     {@code X-Forwarded-For} names the client; empty: the direct peer is the client
     */
    public record Api(String host, int port, String advertisedHost, String trustedProxies) {
        public Api {
            trustedProxies = trustedProxies == null ? "" : trustedProxies;
        }

        /** Not behind a trusted proxy. */
        public Api(String host, int port, String advertisedHost) {
            this(host, port, advertisedHost, "");
        }
    }

    public record Demo(int tenants, int days, int liveEventsPerSecond, long seed) {}

    public record Auth(
            String users, Jwt jwt, String internalToken, RateLimit rateLimit, Oidc oidc) {
        /** Without browser sign-in. */
        public Auth(String users, Jwt jwt, String internalToken, RateLimit rateLimit) {
            this(users, jwt, internalToken, rateLimit, Oidc.OFF);
        }

        public Auth {
            oidc = oidc == null ? Oidc.OFF : oidc;
        }

        public Auth withJwt(Jwt jwt) {
            return new Auth(users, jwt, internalToken, rateLimit, oidc);
        }

        public Auth withOidc(Oidc oidc) {
            return new Auth(users, jwt, internalToken, rateLimit, oidc);
        }
    }

    /**
     * Browser sign-in with OpenID Connect (query-api/README.md, "Browser sign-in"); an empty issuer
     * turns it off. The client secret comes from {@code PULSE_OIDC_CLIENT_SECRET} or {@code
     * clientSecretFile}, never from this file.
     *
     * @param scopes space- or comma-separated
     */
    public record Oidc(
            String issuer,
            String clientId,
            String clientSecretFile,
            String redirectUri,
            String scopes,
            Duration sessionIdleTimeout,
            Duration sessionMaxAge) {
        public static final Oidc OFF =
                new Oidc("", "", "", "", "", Duration.ofHours(1), Duration.ofHours(12));

        public boolean configured() {
            return issuer != null && !issuer.isBlank();
        }
    }

    /** Empty strings mean "not configured". */
    public record Jwt(
            String jwksFile,
            String jwksUrl,
            String hs256Secret,
            String issuer,
            String audience,
            Duration leeway) {
        public boolean configured() {
            return !(jwksFile.isBlank() && jwksUrl.isBlank() && hs256Secret.isBlank());
        }
    }

    public record RateLimit(long requestsPerSecond, long burst) {}

    public record Audit(Duration retention) {}

    @RecordBuilder
    public record Notifier(
            boolean console,
            String linkBaseUrl,
            Duration remindEvery,
            Duration reminderCheck,
            Duration dispatchInterval,
            Duration retryInitial,
            Duration retryMax,
            double retryJitter,
            int channelQueue,
            NotifyDefaults defaults,
            Email email)
            implements PulseConfigNotifierBuilder.With {}

    /**
     * The chat bot.
     *
     * @param timeZone what "today", "last month" and due dates mean in chat commands
     */
    public record Bot(String timeZone, Slack slack, Teams teams, Discord discord) {}

    /** Empty signing secret and bot token: no Slack. */
    public record Slack(
            String signingSecret,
            String botToken,
            String appToken,
            String apiUrl,
            String alertChannels) {}

    /**
     * @param webhooks {@code key=url} pairs, comma separated; keys are owner e-mails or {@code
     *     default}
     */
    public record Teams(String outgoingWebhookSecret, String webhooks, Duration replyTimeout) {}

    /** Empty token: no Discord. */
    public record Discord(String token, String guildId) {}

    /** Comma-separated lists, so one environment variable can set them. */
    public record NotifyDefaults(
            String severities,
            String channels,
            String quietHoursStart,
            String quietHoursEnd,
            boolean digest,
            String digestAt,
            String timeZone) {}

    /** An empty host means no e-mail channel. */
    public record Email(
            String host,
            int port,
            String security,
            String username,
            String password,
            String from,
            Duration timeout) {
        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }

    /**
     * The PostgreSQL data warehouse (docs/warehouse.md); an empty url means none. The password
     * comes from {@code PULSE_WAREHOUSE_PASSWORD} or {@code passwordFile}, never from this file.
     */
    public record Warehouse(
            String url,
            String user,
            String passwordFile,
            String schema,
            String sslMode,
            String sslRootCert,
            int poolSize,
            Duration retryInitial,
            Duration retryMax,
            WarehouseSink sink,
            WarehouseEvents events,
            WarehouseDirectory directory) {
        public static final Warehouse NONE =
                new Warehouse("", "", "", "pulse", "prefer", "", 4, null, null, null, null, null);

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    public record WarehouseSink(boolean enabled, int batchSize, int maxInFlight) {}

    /**
     * @param columns {@code field=column} pairs, comma separated
     */
    public record WarehouseEvents(
            String name,
            String table,
            String cursorColumn,
            String columns,
            Duration pollInterval,
            int batchSize) {}

    /**
     * @param columns {@code field=column} pairs, comma separated
     */
    public record WarehouseDirectory(String table, String columns, Duration refreshInterval) {}
}
