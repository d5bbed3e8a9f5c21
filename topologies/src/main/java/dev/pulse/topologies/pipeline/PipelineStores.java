package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.funnel.FunnelProgress;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.journey.JourneyState;
import dev.pulse.topologies.json.JsonSerde;
import dev.pulse.topologies.serde.EngagementBucketSerde;
import dev.pulse.topologies.serde.FunnelDaySerde;
import dev.pulse.topologies.serde.FunnelProgressSerde;
import dev.pulse.topologies.serde.HealthScoreSerde;
import dev.pulse.topologies.state.WriteBehindWindowStore;
import dev.pulse.topologies.topic.PulseStores;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/** Builders of the pipeline's persistent (RocksDB, changelogged) stores. */
final class PipelineStores {
    /**
     * Window-store changelog records carry event time. The broker deletes by record time, so a
     * replay of old events would see its changelog (and the idempotent producer's state with it)
     * deleted while being written. Append time makes retention count from arrival; restore does not
     * need the record time, since window keys carry their own window start.
     */
    static final Map<String, String> WINDOW_CHANGELOG =
            Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");

    static final Serde<EngagementBucket> BUCKET_SERDE = new EngagementBucketSerde();
    static final Serde<HealthScore> SCORE_SERDE = new HealthScoreSerde();
    static final Serde<Alert> ALERT_SERDE = JsonSerde.of(Alert.class);
    static final Serde<FollowUp> FOLLOW_UP_SERDE = JsonSerde.of(FollowUp.class);
    static final Serde<JourneyState> JOURNEY_SERDE = JsonSerde.of(JourneyState.class);

    static final Serde<FunnelProgress> FUNNEL_PROGRESS_SERDE = new FunnelProgressSerde();
    static final Serde<FunnelDay> FUNNEL_DAY_SERDE = new FunnelDaySerde();

    private PipelineStores() {}

    static StoreBuilder<WindowStore<String, Long>> eventIds(Duration window) {
        // Retention covers ids on both sides of an event time within the window.
        return Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(
                                PulseStores.EVENT_IDS, window.multipliedBy(2), window, false),
                        Serdes.String(),
                        Serdes.Long())
                .withLoggingEnabled(WINDOW_CHANGELOG);
    }

    static StoreBuilder<WindowStore<String, EngagementBucket>> engagement(
            String name, Duration bucket, Duration retention) {
        // Counted into decoded buckets, serialized once per commit (not once per event).
        return WriteBehindWindowStore.over(
                Stores.windowStoreBuilder(
                                Stores.persistentWindowStore(name, retention, bucket, false),
                                Serdes.String(),
                                BUCKET_SERDE)
                        .withLoggingEnabled(WINDOW_CHANGELOG));
    }

    static StoreBuilder<KeyValueStore<String, HealthScore>> currentScores() {
        return Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(PulseStores.HEALTH_SCORES),
                        Serdes.String(),
                        SCORE_SERDE)
                .withCachingEnabled();
    }

    static StoreBuilder<WindowStore<String, HealthScore>> dailyScores(Duration retention) {
        return Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(
                                PulseStores.HEALTH_SCORE_DAILY,
                                retention,
                                Duration.ofDays(1),
                                false),
                        Serdes.String(),
                        SCORE_SERDE)
                .withLoggingEnabled(WINDOW_CHANGELOG);
    }

    static StoreBuilder<KeyValueStore<String, Long>> checkpoints() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PulseStores.HEALTH_CHECKPOINTS),
                Serdes.String(),
                Serdes.Long());
    }

    /** Alert state per {@code tenant/rule}; written on state changes and while active. */
    static StoreBuilder<KeyValueStore<String, Alert>> alerts() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PulseStores.ALERTS), Serdes.String(), ALERT_SERDE);
    }

    /**
     * Every alert change per tenant at the time it describes. Duplicates are kept: several rules of
     * one tenant change at the same day's end.
     */
    static StoreBuilder<WindowStore<String, Alert>> alertHistory(Duration retention) {
        return Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(
                                PulseStores.ALERT_HISTORY, retention, Duration.ofMillis(1), true),
                        Serdes.String(),
                        ALERT_SERDE)
                .withLoggingEnabled(WINDOW_CHANGELOG);
    }

    /** Follow-ups per {@code tenant/followUpId}; written only when a person changes one. */
    static StoreBuilder<KeyValueStore<String, FollowUp>> followUps() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PulseStores.FOLLOW_UPS),
                Serdes.String(),
                FOLLOW_UP_SERDE);
    }

    /** Funnel progress per {@code tenant/funnel/user}; written when a user reaches a step. */
    static StoreBuilder<KeyValueStore<String, FunnelProgress>> funnelProgress() {
        return Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(PulseStores.FUNNEL_PROGRESS),
                        Serdes.String(),
                        FUNNEL_PROGRESS_SERDE)
                .withCachingEnabled();
    }

    /** Funnel step tallies per tenant and UTC day, kept as long as daily engagement. */
    static StoreBuilder<WindowStore<String, FunnelDay>> funnelDaily(Duration retention) {
        // A tenant's day is updated on every step a user reaches: serialized once per commit.
        return WriteBehindWindowStore.over(
                Stores.windowStoreBuilder(
                                Stores.persistentWindowStore(
                                        PulseStores.FUNNEL_DAILY,
                                        retention,
                                        Duration.ofDays(1),
                                        false),
                                Serdes.String(),
                                FUNNEL_DAY_SERDE)
                        .withLoggingEnabled(WINDOW_CHANGELOG));
    }

    /** Journey state per tenant; written once per tenant per closed day. */
    static StoreBuilder<KeyValueStore<String, JourneyState>> journeys() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PulseStores.JOURNEYS),
                Serdes.String(),
                JOURNEY_SERDE);
    }
}
