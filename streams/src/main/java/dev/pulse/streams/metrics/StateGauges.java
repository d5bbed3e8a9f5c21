package dev.pulse.streams.metrics;

import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.topic.PulseStores;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pulse_accounts{band}} and {@code pulse_alerts_firing{severity}}: what this instance's
 * active tasks hold (sum over instances for the whole deployment). Counting means a scan of the
 * score and alert stores, so it runs on its own thread every {@code interval}, never per scrape;
 * while the stores are not queryable (a rebalance) the last counts stay.
 */
public final class StateGauges implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StateGauges.class);

    private final KafkaStreams streams;
    private final Map<Band, AtomicLong> accounts = new EnumMap<>(Band.class);
    private final Map<Severity, AtomicLong> firing = new EnumMap<>(Severity.class);
    private final ScheduledExecutorService timer;

    private StateGauges(KafkaStreams streams, MeterRegistry registry) {
        this.streams = streams;
        for (Band band : Band.values()) {
            AtomicLong count = new AtomicLong();
            accounts.put(band, count);
            Gauge.builder("pulse.accounts", count, AtomicLong::get)
                    .description("Scored accounts in this instance's tasks, by band")
                    .tag("band", band.label())
                    .register(registry);
        }
        for (Severity severity : Severity.values()) {
            AtomicLong count = new AtomicLong();
            firing.put(severity, count);
            Gauge.builder("pulse.alerts.firing", count, AtomicLong::get)
                    .description("Alerts firing in this instance's tasks, by severity")
                    .tag("severity", severity.label())
                    .register(registry);
        }
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "pulse-state-gauges");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Registers the gauges (at 0) and counts every {@code interval} from now on. */
    public static StateGauges start(
            KafkaStreams streams, MeterRegistry registry, Duration interval) {
        StateGauges gauges = new StateGauges(streams, registry);
        gauges.timer.scheduleWithFixedDelay(
                gauges::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return gauges;
    }

    void refresh() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return;
        }
        try {
            Map<Band, Long> bands = new EnumMap<>(Band.class);
            this.<HealthScore>scan(
                    PulseStores.HEALTH_SCORES, score -> bands.merge(score.band(), 1L, Long::sum));
            Map<Severity, Long> severities = new EnumMap<>(Severity.class);
            this.<Alert>scan(
                    PulseStores.ALERTS,
                    alert -> {
                        if (alert.state() == AlertState.FIRING) {
                            severities.merge(alert.severity(), 1L, Long::sum);
                        }
                    });
            accounts.forEach((band, count) -> count.set(bands.getOrDefault(band, 0L)));
            firing.forEach((severity, count) -> count.set(severities.getOrDefault(severity, 0L)));
        } catch (InvalidStateStoreException e) {
            LOG.debug("Stores not queryable; counts kept until the next refresh", e);
        } catch (RuntimeException e) {
            // A failed count must not end the schedule; the next one tries again.
            LOG.warn("Counting accounts and firing alerts failed", e);
        }
    }

    private <V> void scan(String store, Consumer<V> each) {
        ReadOnlyKeyValueStore<String, V> local =
                streams.store(
                        StoreQueryParameters.fromNameAndType(
                                store, QueryableStoreTypes.<String, V>keyValueStore()));
        try (KeyValueIterator<String, V> it = local.all()) {
            it.forEachRemaining(
                    kv -> {
                        if (kv.value != null) {
                            each.accept(kv.value);
                        }
                    });
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
